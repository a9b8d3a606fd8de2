/** 公开数据: a station's public page of figures (anyone) and the chief's switch, address and QR. */
import type { PublicFiguresSetting, PublicFiguresView } from '@jingmin/shared';
import { api } from './client';

export const publicFiguresApi = {
  /** 404 unless the station's chief has switched the page on. */
  figures: (stationId: string) => api.get<PublicFiguresView>(`/public/stations/${stationId}/figures`),
  setting: (stationId: string) => api.get<PublicFiguresSetting>(`/stations/${stationId}/public-figures`),
  switch: (stationId: string, enabled: boolean) =>
    api.put<PublicFiguresSetting>(`/stations/${stationId}/public-figures`, { enabled }),
};

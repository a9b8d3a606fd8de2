/** 接待来访必评: a station's window services and its printed window QR. */
import type { WindowQrCurrent, WindowQrView, WindowServicesInput, WindowServicesView } from '@jingmin/shared';
import { api } from './client';

export const receptionsApi = {
  services: (stationId: string) => api.get<WindowServicesView>(`/stations/${stationId}/window-services`),
  saveServices: (stationId: string, input: WindowServicesInput) =>
    api.put<WindowServicesView>(`/stations/${stationId}/window-services`, input),
  qr: (stationId: string) => api.get<WindowQrCurrent>(`/stations/${stationId}/window-qr`),
  /** A new code: the one printed before stops working. */
  remakeQr: (stationId: string) => api.post<WindowQrView>(`/stations/${stationId}/window-qr`),
};

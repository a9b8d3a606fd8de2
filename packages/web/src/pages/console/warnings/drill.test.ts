/**
 * Lists opened from a dashboard figure read the period and unit from the address into their API query, and say what
 * they list: the notices sent in the period (with the export of the same filters), and the rooms of the period.
 */
import type { FraudPage, RoomPeriodPage, SessionView, WarningPage } from '@jingmin/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SessionContext } from '../../../access';
import { LangProvider } from '../../../i18n';
import { Instructions } from '../fraud/Instructions';
import RoomsPages from '../rooms/index';
import { WarningList } from './WarningList';

// The language preference lives in localStorage; the console's default (zh-CN) is what is tested.
Object.assign(globalThis, { localStorage: { getItem: () => null, setItem: () => undefined } });

const STATION = '00000000-0000-4000-8000-00000000000a';
const UNIT = '00000000-0000-4000-8000-00000000000b';
const DRILL = `from=2026-11-01&to=2026-11-30&unitId=${UNIT}`;
const session = { capabilities: ['warning.read', 'room.read', 'fraud.handle', 'fraud.desk'] } as unknown as SessionView;

function render(url: string, client: QueryClient, page: ReactNode) {
  const html = renderToString(
    createElement(
      LangProvider,
      null,
      createElement(
        QueryClientProvider,
        { client },
        createElement(
          SessionContext.Provider,
          { value: session },
          createElement(MemoryRouter, { initialEntries: [url] }, page),
        ),
      ),
    ),
  );
  return html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ');
}
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

describe('a list opened from the dashboard', () => {
  it('lists the notices of the drill’s period and unit, instead of the picked station', () => {
    const client = newClient();
    const page: WarningPage = { items: [], hasMore: false, total: 7 };
    // The query the page must ask: the drill's period and unit, no station.
    const filters = {
      from: '2026-11-01',
      to: '2026-11-30',
      unitId: UNIT,
      status: undefined,
      category: undefined,
      priority: undefined,
    };
    client.setQueryData(['warnings', filters], { pages: [page], pageParams: [undefined] });
    const text = render(`/console/warnings?${DRILL}`, client, createElement(WarningList, { stationId: STATION }));
    expect(text).toContain('看板：期内发布的通知（2026-11-01 至 2026-11-30）');
    expect(text).toContain('共 7 条');
    expect(text).toContain('导出 XLSX');
  });

  it('without a sound period lists the station’s notices, with no tag', () => {
    const client = newClient();
    const text = render(
      '/console/warnings?from=2026-11-30&to=2026-11-01',
      client,
      createElement(WarningList, { stationId: STATION }),
    );
    expect(text).not.toContain('看板：');
  });

  it('lists the instructions of the drill’s period, unit and outcome', () => {
    const client = newClient();
    const page: FraudPage = { items: [], hasMore: false, total: 4 };
    const query = { view: 'all', outcome: 'dissuaded', from: '2026-11-01', to: '2026-11-30', unitId: UNIT };
    client.setQueryData(['fraud', 'list', query], { pages: [page], pageParams: [undefined] });
    const text = render(`/console/fraud?view=all&outcome=dissuaded&${DRILL}`, client, createElement(Instructions));
    expect(text).toContain('看板：期内接收的预警指令（2026-11-01 至 2026-11-30）');
    expect(text).toContain('共 4 条');
    expect(text).toContain('导出 XLSX');
  });

  it('lists the rooms of the period with their counts', () => {
    const client = newClient();
    const data: RoomPeriodPage = {
      total: 1,
      items: [
        {
          id: STATION,
          stationId: STATION,
          stationName: '柳塘派出所',
          name: '东岭村警民议事厅',
          kind: 'area',
          unitName: '东岭村',
          active: true,
          members: 120,
          activeMembers: 14,
          posts: 52,
          mentions: 9,
          answeredInTime: 7,
          mentionsDue: 8,
        },
      ],
    };
    client.setQueryData(['rooms', 'period', { from: '2026-11-01', to: '2026-11-30', unitId: UNIT, posted: '1' }], data);
    const text = render(`/console/rooms?${DRILL}&posted=1`, client, createElement(RoomsPages));
    expect(text).toContain('看板：期内有发言的群（2026-11-01 至 2026-11-30）');
    expect(text).toContain('共 1 个群');
    expect(text).toMatch(/东岭村警民议事厅.*柳塘派出所.*东岭村.*120.*14.*52.*9.*7 \/ 8/s);
  });
});

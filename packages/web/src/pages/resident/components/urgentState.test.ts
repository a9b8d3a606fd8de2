import type { PublicNotice } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import { EMPTY_URGENT, type UrgentState, urgentReducer } from './urgentState';

function notice(id: string, over: Partial<PublicNotice> = {}): PublicNotice {
  return {
    id,
    stationName: '柳塘派出所',
    category: 'antifraud',
    categoryLabel: '反诈',
    priority: 'urgent',
    title: `冒充公检法诈骗 ${id}`,
    body: '接到自称公安机关要求转账到“安全账户”的电话，一律挂断。',
    ackRequired: true,
    sentAt: '2025-03-01T08:00:00.000Z',
    expiresAt: null,
    withdrawn: false,
    correction: null,
    photoUrls: [],
    media: [],
    mine: { acknowledged: false, thanks: false, like: false },
    thanks: 0,
    likes: 0,
    myReplies: [],
    ...over,
  };
}

const ids = (s: UrgentState) => s.items.map((i) => i.id);

describe('the urgent banner as events arrive', () => {
  it('on load shows only urgent notices still live and not yet acknowledged, newest first', () => {
    const s = urgentReducer(EMPTY_URGENT, {
      type: 'loaded',
      notices: [
        notice('a', { sentAt: '2025-03-01T08:00:00.000Z' }),
        notice('b', { sentAt: '2025-03-02T08:00:00.000Z' }),
        notice('c', { priority: 'advisory' }),
        notice('d', { withdrawn: true, correction: '误报' }),
        notice('e', { mine: { acknowledged: true, thanks: false, like: false } }),
      ],
    });
    expect(ids(s)).toEqual(['b', 'a']);
  });

  it('puts a notice sent live on top, once, however often the event arrives', () => {
    let s = urgentReducer(EMPTY_URGENT, { type: 'loaded', notices: [notice('a')] });
    s = urgentReducer(s, { type: 'sent', notice: notice('b', { sentAt: '2025-03-05T08:00:00.000Z' }) });
    s = urgentReducer(s, { type: 'sent', notice: notice('b', { sentAt: '2025-03-05T08:00:00.000Z' }) });
    expect(ids(s)).toEqual(['b', 'a']);
    expect(s.items[0]?.title).toBe('冒充公检法诈骗 b');
  });

  it('ignores a live notice that is not urgent or already withdrawn by the time it was fetched', () => {
    let s = urgentReducer(EMPTY_URGENT, { type: 'sent', notice: notice('x', { priority: 'community' }) });
    s = urgentReducer(s, { type: 'sent', notice: notice('y', { withdrawn: true }) });
    expect(ids(s)).toEqual([]);
  });

  it('takes a withdrawn notice off at once, and a withdrawal of one not shown changes nothing', () => {
    let s = urgentReducer(EMPTY_URGENT, { type: 'loaded', notices: [notice('a'), notice('b')] });
    s = urgentReducer(s, { type: 'withdrawn', id: 'a' });
    expect(ids(s)).toEqual(['b']);
    expect(urgentReducer(s, { type: 'withdrawn', id: 'zzz' }).items).toEqual(s.items);
  });

  it('keeps an acknowledged or closed notice away even when the next load still lists it unacknowledged', () => {
    let s = urgentReducer(EMPTY_URGENT, {
      type: 'loaded',
      notices: [notice('a'), notice('b', { ackRequired: false })],
    });
    s = urgentReducer(s, { type: 'acknowledged', id: 'a' });
    s = urgentReducer(s, { type: 'closed', id: 'b' });
    expect(ids(s)).toEqual([]);
    expect(s.done).toEqual(['a', 'b']);
    s = urgentReducer(s, { type: 'loaded', notices: [notice('a'), notice('b', { ackRequired: false })] });
    expect(ids(s)).toEqual([]);
    s = urgentReducer(s, { type: 'sent', notice: notice('a') });
    expect(ids(s)).toEqual([]);
  });
});

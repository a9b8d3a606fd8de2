/**
 * The station's live stream (SSE): the desk, the supervision board and the
 * handler's task list refetch what they show when a matter changes. The
 * browser reconnects by itself and resumes with Last-Event-ID.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** Every event the server publishes on a station's (or a department's) topic. */
const EVENT_TYPES = [
  'matter.submitted',
  'matter.accept',
  'matter.dispatch',
  'matter.take',
  'matter.reply',
  'matter.message',
  'matter.resolve',
  'matter.rate',
  'matter.escalated',
  'matter.take_overdue',
  'matter.return',
  'matter.transfer',
  'matter.reopen',
  'matter.close',
  'matter.merge',
  'matter.invalidate',
  'matter.note',
  'matter.remind',
  'matter.review_requested',
];

/** Queries that show matters; an event makes each of them stale. */
const LIVE_KEYS = ['matters', 'summary', 'board', 'matter', 'tasks'];

/** Subscribes while mounted; returns whether the stream is connected. */
export function useLiveMatters(): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A burst of events (a sweep escalating ten matters) refetches once.
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const key of LIVE_KEYS) void client.invalidateQueries({ queryKey: [key] });
      }, 400);
    };
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    for (const type of EVENT_TYPES) source.addEventListener(type, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client]);
  return live;
}

/** Refreshes every matter query at once (after this screen changed one). */
export function useRefreshMatters(): () => void {
  const client = useQueryClient();
  return () => {
    for (const key of LIVE_KEYS) void client.invalidateQueries({ queryKey: [key] });
  };
}

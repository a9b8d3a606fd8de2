/**
 * The station's live stream (SSE): the desk, the supervision board and the
 * handler's task list refetch what they show when a matter changes. The
 * browser reconnects by itself and resumes with Last-Event-ID.
 */
import { MATTER_EVENT_TYPES, type MatterLiveEvent, NOTIFY_ALERT_EVENT } from '@jingmin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { showBrowserAlert } from './browser-notify';

/** Queries that show matters; an event makes each of them stale. */
const LIVE_KEYS = ['matters', 'summary', 'board', 'matter', 'tasks'];

/** What the server publishes when a resident submits a matter (the shared live event with its number). */
export type SubmittedEvent = Required<Pick<MatterLiveEvent, 'matterId' | 'number' | 'kind'>>;

function parseSubmitted(data: string): SubmittedEvent | null {
  try {
    const v = JSON.parse(data) as Partial<SubmittedEvent>;
    return typeof v.matterId === 'string' && typeof v.number === 'string' && typeof v.kind === 'string'
      ? (v as SubmittedEvent)
      : null;
  } catch {
    return null;
  }
}

/**
 * Subscribes while mounted; returns whether the stream is connected.
 * `onSubmitted` hears each new matter (the desk's alert); changing it does not reconnect.
 */
export function useLiveMatters(onSubmitted?: (event: SubmittedEvent) => void): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const submitted = useRef(onSubmitted);
  submitted.current = onSubmitted;
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let again = false;
    const invalidate = () => {
      for (const key of LIVE_KEYS) void client.invalidateQueries({ queryKey: [key] });
    };
    // The first event refetches at once (a new matter shows within moments); a burst behind it (a sweep
    // escalating ten matters) refetches once more when it has passed.
    const refresh = () => {
      if (timer) {
        again = true;
        return;
      }
      invalidate();
      const settle = () => {
        if (!again) {
          timer = undefined;
          return;
        }
        again = false;
        invalidate();
        timer = setTimeout(settle, 400);
      };
      timer = setTimeout(settle, 400);
    };
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    for (const type of MATTER_EVENT_TYPES) source.addEventListener(type, refresh);
    source.addEventListener('matter.submitted', (e) => {
      const event = parseSubmitted((e as MessageEvent<string>).data);
      if (event) submitted.current?.(event);
    });
    // A volunteer's 网格上报 or 巡逻发现 comes in recorded, not submitted: the desk hears it the same way.
    source.addEventListener('matter.recorded', (e) => {
      const event = parseSubmitted((e as MessageEvent<string>).data);
      const channel = (event as { channel?: string } | null)?.channel;
      if (event && (channel === 'grid' || channel === 'patrol')) submitted.current?.(event);
    });
    // Alerts addressed to this member (浏览器通知), published on their own stream.
    source.addEventListener(NOTIFY_ALERT_EVENT, (e) => showBrowserAlert((e as MessageEvent<string>).data));
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

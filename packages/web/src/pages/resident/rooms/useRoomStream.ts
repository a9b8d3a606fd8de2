/**
 * A member's live room: GET /public/rooms/:id/stream with the phone's header, read through fetch(). A new or
 * changed post refreshes the posts; after a dropped connection it reconnects with Last-Event-ID (the server
 * sends what was missed); `room.member_removed` ends it for good.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { roomsPublic } from '../../../api/rooms';
import { storedLocale } from '../../../i18n';
import { createSseParser, type SseEvent } from './sse';

export type StreamState = 'connecting' | 'live' | 'removed';

/** Waits between reconnects: short at first, never more than 30 s. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));

export function useRoomStream(roomId: string, phoneToken: string | null, onRemoved?: () => void): StreamState {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const removed = useRef(onRemoved);
  removed.current = onRemoved;
  useEffect(() => {
    if (!phoneToken) return;
    const abort = new AbortController();
    let lastId: string | null = null;
    let stopped = false;
    let opens = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => void client.invalidateQueries({ queryKey: ['room-feed', roomId] });
    const onEvent = (e: SseEvent) => {
      if (e.event === 'room.post' || e.event === 'room.post_changed') refresh();
      if (e.event === 'room.member_removed') {
        stopped = true;
        setState('removed');
        abort.abort();
        removed.current?.();
      }
    };
    const connect = async (attempt: number) => {
      let opened = false;
      try {
        const res = await fetch(roomsPublic.streamUrl(roomId), {
          headers: {
            accept: 'text/event-stream',
            'accept-language': storedLocale(),
            'x-phone-token': phoneToken,
            ...(lastId ? { 'last-event-id': lastId } : {}),
          },
          signal: abort.signal,
        });
        if (!res.ok || !res.body) throw new Error(String(res.status));
        opened = true;
        setState('live');
        // Whatever arrived while the stream was down is in the page now.
        if (opens++ > 0) refresh();
        const parser = createSseParser(onEvent);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
          lastId = parser.lastEventId ?? lastId;
        }
      } catch {
        // Dropped, refused or aborted: decided below.
      }
      if (stopped || abort.signal.aborted) return;
      setState('connecting');
      timer = setTimeout(() => void connect(opened ? 0 : attempt + 1), backoff(opened ? 0 : attempt));
    };
    void connect(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
    };
  }, [client, roomId, phoneToken]);
  return state;
}

/**
 * The rooms' data for the console: a room's posts page by page (oldest first on screen, like a chat), and the
 * console's live stream (GET /events) telling the room screens to refresh when a post arrives or changes.
 */
import type { RoomPostView } from '@jingmin/shared';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { roomsApi } from '../../../api/rooms';

/** Queries a room event makes stale. */
const ROOM_KEYS = ['room-posts', 'rooms', 'room', 'room-mentions', 'room-reports', 'room-figures'];

export function useRoomPosts(roomId: string, only?: 'announcements' | 'open_mentions' | 'held') {
  const query = useInfiniteQuery({
    queryKey: ['room-posts', roomId, only ?? 'all'],
    queryFn: ({ pageParam }) => roomsApi.posts(roomId, { before: pageParam, only }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.hasMore && last.items.length > 0 ? Math.min(...last.items.map((p) => p.seq)) : undefined,
  });
  const seen = new Map<string, RoomPostView>();
  for (const page of query.data?.pages ?? []) for (const p of page.items) if (!seen.has(p.id)) seen.set(p.id, p);
  const posts = [...seen.values()].sort((a, b) => a.seq - b.seq);
  return { query, posts };
}

/** Listens to the staff's live stream for room events while mounted; returns whether it is connected. */
export function useLiveRooms(): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A burst of posts refreshes once.
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        for (const key of ROOM_KEYS) void client.invalidateQueries({ queryKey: [key] });
      }, 250);
    };
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('room.post', refresh);
    source.addEventListener('room.post_changed', refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client]);
  return live;
}

/** Refreshes every room query at once (after this screen changed something). */
export function useRefreshRooms(): () => void {
  const client = useQueryClient();
  return () => {
    for (const key of ROOM_KEYS) void client.invalidateQueries({ queryKey: [key] });
  };
}

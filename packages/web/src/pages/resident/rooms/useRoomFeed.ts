/**
 * What a resident reads of a room: a member reads its posts (its own held or hidden ones too), anyone else its
 * announcements only. Pages come newest first; the screen shows them oldest first, like a chat.
 */
import type { MyRooms, RoomPostView } from '@jingmin/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../api/client';
import { roomsPublic } from '../../../api/rooms';

export function useMyRooms(phoneToken: string | null) {
  return useQuery({
    queryKey: ['my-rooms', phoneToken],
    queryFn: () => roomsPublic.mine(phoneToken ?? ''),
    enabled: phoneToken !== null,
    retry: false,
  });
}

export type MyRoom = MyRooms[number];

/** The posts of a room, oldest first, with a way to read earlier ones. */
export function useRoomFeed(roomId: string, phoneToken: string | null, member: boolean, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: ['room-feed', roomId, member ? phoneToken : 'public'],
    queryFn: ({ pageParam }) =>
      member && phoneToken
        ? roomsPublic.posts(roomId, phoneToken, pageParam)
        : roomsPublic.announcements(roomId, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.hasMore && last.items.length > 0 ? Math.min(...last.items.map((p) => p.seq)) : undefined,
    enabled,
    retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
  });
  const posts: RoomPostView[] = dedupe((query.data?.pages ?? []).flatMap((p) => p.items)).sort((a, b) => a.seq - b.seq);
  return { query, posts };
}

/** A post may sit on two pages when new ones arrived between reads. */
function dedupe(items: RoomPostView[]): RoomPostView[] {
  const seen = new Map<string, RoomPostView>();
  for (const p of items) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

const INVITES = 'jm.room-invites';

/** Invitations this phone opened, by room: a later 加入 from the room's page uses them. */
export const roomInvites = {
  get(roomId: string): string | null {
    try {
      return (JSON.parse(localStorage.getItem(INVITES) ?? '{}') as Record<string, string>)[roomId] ?? null;
    } catch {
      return null;
    }
  },
  remember(roomId: string, token: string) {
    try {
      const all = JSON.parse(localStorage.getItem(INVITES) ?? '{}') as Record<string, string>;
      localStorage.setItem(INVITES, JSON.stringify({ ...all, [roomId]: token }));
    } catch {
      // Private browsing: the QR code can be scanned again.
    }
  },
};

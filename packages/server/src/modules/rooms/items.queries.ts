/**
 * The station's lost and found, newest first, a page `before` a time: a member of a room reads the room's notices
 * and those of the station's other open rooms shared across it — published ones only; staff read the notices of
 * the station's rooms they see (listRooms' scope), every one but the deleted.
 */
import type { RoomItemQuery, StationItemPage } from '@jingmin/shared';
import { and, desc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { roomItems, roomPosts, rooms } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { presentPosts, type Viewer } from './posts.view.js';
import { listRooms } from './rooms.service.js';

const STATE: Record<RoomItemQuery['state'], SQL | undefined> = {
  open: isNull(roomItems.closedAs),
  closed: isNotNull(roomItems.closedAs),
  all: undefined,
};

async function itemPage(ctx: Ctx, seen: SQL | undefined, query: RoomItemQuery, viewer: Viewer) {
  const rows = await ctx.db
    .select({ post: roomPosts, roomName: rooms.name })
    .from(roomItems)
    .innerJoin(roomPosts, eq(roomPosts.id, roomItems.postId))
    .innerJoin(rooms, eq(rooms.id, roomItems.roomId))
    .where(
      and(
        seen,
        STATE[query.state],
        query.before !== undefined ? lt(roomItems.createdAt, new Date(query.before)) : undefined,
      ),
    )
    .orderBy(desc(roomItems.createdAt), desc(roomItems.postId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const views = await presentPosts(
    ctx,
    page.map((r) => r.post),
    viewer,
  );
  const names = new Map(page.map((r) => [r.post.id, r.roomName]));
  const items = views.map((v) => ({ ...v, roomName: names.get(v.id) ?? '' }));
  return { items, hasMore: rows.length > query.limit } satisfies StationItemPage;
}

/** 失物招领 (群众): this room's published notices and the station's shared ones from its other open rooms. */
export async function memberItems(
  ctx: Ctx,
  roomId: string,
  query: RoomItemQuery,
  phoneToken: string | undefined,
): Promise<StationItemPage> {
  const room = await roomOrThrow(ctx, roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  const shared = and(
    eq(roomItems.stationId, room.stationId),
    eq(roomItems.acrossStation, true),
    eq(rooms.active, true),
  );
  const seen = and(eq(roomPosts.status, 'published'), or(eq(roomItems.roomId, room.id), shared));
  return itemPage(ctx, seen, query, { type: 'member', memberId: member.id });
}

/** 失物招领 (工作人员): the notices of the station's rooms in sight, held and hidden ones too. */
export async function stationItems(ctx: Ctx, stationId: string, query: RoomItemQuery): Promise<StationItemPage> {
  const inSight = (await listRooms(ctx, stationId)).map((r) => r.id);
  if (inSight.length === 0) return { items: [], hasMore: false };
  const seen = and(inArray(roomItems.roomId, inSight), ne(roomPosts.status, 'deleted'));
  return itemPage(ctx, seen, query, { type: 'staff', staffId: actorOf(ctx).id });
}

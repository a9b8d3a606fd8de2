/**
 * 渠道 in the read models: matters counted by the way they came in (the 工作台's figures), and the line
 * the timeline shows under the desk's 代为登记 (the channel, in the reader's language).
 */
import {
  type DeskSummary,
  type Locale,
  MATTER_CHANNEL_SPECS,
  MATTER_CHANNELS,
  type MatterChannel,
} from '@jingmin/shared';
import { gte, type SQL, sql } from 'drizzle-orm';
import { matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { counterSql, shanghaiDayStart } from './counters.js';

/** Every channel with its matters today (Asia/Shanghai), open now and in all, over `scope`. */
export async function channelCounts(ctx: Ctx, scope: SQL): Promise<DeskSummary['byChannel']> {
  const now = ctx.now();
  const rows = await ctx.db
    .select({
      channel: matters.channel,
      today: sql<number>`count(*) FILTER (WHERE ${gte(matters.createdAt, shanghaiDayStart(now))})::int`,
      open: sql<number>`count(*) FILTER (WHERE ${counterSql('open', now)})::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(matters)
    .where(scope)
    .groupBy(matters.channel);
  const by = new Map(rows.map((r) => [r.channel, r]));
  return MATTER_CHANNELS.map((channel) => {
    const r = by.get(channel);
    return { channel, today: r?.today ?? 0, open: r?.open ?? 0, total: r?.total ?? 0 };
  });
}

/** "渠道：110": the note of a `matter.recorded` event, from its payload. */
export function recordedNote(payload: unknown, locale: Locale): string | null {
  const channel = (payload as { channel?: MatterChannel } | null)?.channel;
  const spec = channel ? MATTER_CHANNEL_SPECS[channel] : undefined;
  if (!spec) return null;
  return locale === 'en' ? `Channel: ${spec.label.en}` : `渠道：${spec.label.zh}`;
}

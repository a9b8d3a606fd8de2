/**
 * /api/v1/audit: the auditor's window on the trail — search, export, the
 * chain head and a verification run. Read-only: there is no route that
 * changes an entry, and the auditor's own searches are audited too.
 */
import { AuditEntryView, AuditHead, AuditQuery, AuditVerifyView, paged } from '@jingmin/shared';
import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLog } from '../../db/schema/index.js';
import { chainHead, verifyChain } from '../../platform/audit.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { escapeLike } from '../../platform/scope.js';
import { toCsv } from '../org/export-format.js';
import { readHeadFile } from './head-file.js';

const config = { capability: 'audit.read' } as const;
const tags = ['audit'];

function whereOf(q: AuditQuery): SQL | undefined {
  const parts: SQL[] = [];
  if (q.actor) parts.push(ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`));
  if (q.action) parts.push(ilike(auditLog.action, `${escapeLike(q.action)}%`));
  if (q.result) parts.push(eq(auditLog.result, q.result));
  if (q.from) parts.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) parts.push(lte(auditLog.at, new Date(q.to)));
  return parts.length ? and(...parts) : undefined;
}

function present(row: typeof auditLog.$inferSelect): AuditEntryView {
  const { mac: _mac, entryMac: _own, sealedAt: _sealed, ...rest } = row;
  return { ...rest, at: row.at.toISOString() };
}

async function search(ctx: Ctx, q: AuditQuery, limit: number, offset: number) {
  const where = whereOf(q);
  const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
  const rows = await ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
  return { total: total?.n ?? 0, rows };
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config,
      schema: {
        tags,
        summary: '查询审计日志',
        description: '按操作人、操作、结果、时间查询审计记录，新的在前；审计管理员的每次查询本身也记入审计。',
        querystring: AuditQuery,
        response: { 200: paged(AuditEntryView) },
      },
    },
    async (req) => {
      const q = req.query;
      const { total, rows } = await search(req.ctx, q, q.pageSize, (q.page - 1) * q.pageSize);
      await auditAlone(req.ctx, { action: 'audit.search', result: 'ok', details: { ...q } });
      return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/audit/export',
    {
      config,
      schema: {
        tags,
        summary: '导出审计日志',
        description: '按同样的条件导出 CSV（带导出人和时间水印），导出行数记入审计。',
        querystring: AuditQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const { rows } = await search(req.ctx, { ...req.query, page: 1, pageSize: 50 }, 100_000, 0);
      await auditAlone(req.ctx, { action: 'audit.export', result: 'ok', details: { ...req.query, rows: rows.length } });
      const header = [
        'seq',
        'at',
        'actor',
        'roles',
        'action',
        'targetType',
        'targetId',
        'result',
        'ip',
        'requestId',
        'details',
        'mac',
      ];
      const table = rows.map((r) => [
        r.seq === null ? '' : String(r.seq),
        r.at.toISOString(),
        r.actorName ?? '',
        r.actorRoles.join(' '),
        r.action,
        r.targetType ?? '',
        r.targetId ?? '',
        r.result,
        r.ip ?? '',
        r.requestId ?? '',
        JSON.stringify(r.details),
        r.mac ?? '',
      ]);
      reply.header(
        'content-disposition',
        `attachment; filename="audit-${req.ctx.now().toISOString().slice(0, 10)}.csv"`,
      );
      reply.type('text/csv; charset=utf-8');
      return toCsv([header, ...table], `${actorOf(req.ctx).username} ${req.ctx.now().toISOString()}`);
    },
  );

  const head = { summary: '审计链头', description: '审计链最新一条的序号与链式校验值，用于与外部保存的链头比对。' };
  app.get('/audit/head', { config, schema: { tags, ...head, response: { 200: AuditHead } } }, async (req) => {
    await auditAlone(req.ctx, { action: 'audit.head', result: 'ok' });
    return chainHead(req.ctx.db);
  });

  const verify = {
    summary: '校验审计链',
    description: '逐条校验审计记录的 HMAC-SM3 链：被改动、删除、调换或截断的记录，以及超时未封存的记录都会指出位置。',
  };
  app.get('/audit/verify', { config, schema: { tags, ...verify, response: { 200: AuditVerifyView } } }, async (req) => {
    const exported = readHeadFile(req.ctx.deps.config.audit.headFile);
    const result = await verifyChain(req.ctx.db, req.ctx.deps.keys.audit, {
      exportedHead: exported ?? undefined,
      now: req.ctx.now(),
      maxUnsealedSeconds: req.ctx.deps.config.audit.maxUnsealedSeconds,
    });
    await auditAlone(req.ctx, {
      action: 'audit.verify',
      result: 'ok',
      details: { ok: result.ok, checked: result.checked },
    });
    return result;
  });
};

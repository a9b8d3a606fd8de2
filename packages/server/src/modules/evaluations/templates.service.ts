/**
 * A station's evaluation templates: the version in force for each type (the
 * preset, version 0, until the chief sets one), a given version (what an
 * answer is checked against), and a new version (所长设置). Versions are never
 * changed: an answer keeps the version it answered.
 */
import {
  type EvaluationTemplate,
  type EvaluationTemplateInput,
  type EvaluationTemplateView,
  type EvaluationType,
  presetTemplate,
} from '@jingmin/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { firstOrThrow, isUniqueViolation } from '../../db/rows.js';
import { evaluationTemplates } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';

/** A template as stored (or the preset): its row id (null for the preset), version and questions. */
export interface TemplateVersion extends EvaluationTemplate {
  id: string | null;
  version: number;
  createdAt: Date | null;
}

const preset = (type: EvaluationType): TemplateVersion => ({
  id: null,
  version: 0,
  createdAt: null,
  ...presetTemplate(type),
});

const stored = (row: typeof evaluationTemplates.$inferSelect): TemplateVersion => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt,
  questions: row.questions as EvaluationTemplate['questions'],
});

/** The template a station uses now for `type`: its highest version, or the preset. */
export async function templateInForce(db: Queryable, stationId: string, type: EvaluationType) {
  const [row] = await db
    .select()
    .from(evaluationTemplates)
    .where(and(eq(evaluationTemplates.stationId, stationId), eq(evaluationTemplates.type, type)))
    .orderBy(desc(evaluationTemplates.version))
    .limit(1);
  return row ? stored(row) : preset(type);
}

/** One version of a station's template (0 = the preset); null when the station has no such version. */
export async function templateVersion(db: Queryable, stationId: string, type: EvaluationType, version: number) {
  if (version === 0) return preset(type);
  const [row] = await db
    .select()
    .from(evaluationTemplates)
    .where(
      and(
        eq(evaluationTemplates.stationId, stationId),
        eq(evaluationTemplates.type, type),
        eq(evaluationTemplates.version, version),
      ),
    );
  return row ? stored(row) : null;
}

const view = (stationId: string, type: EvaluationType, t: TemplateVersion): EvaluationTemplateView => ({
  stationId,
  type,
  version: t.version,
  isPreset: t.id === null,
  questions: t.questions,
  createdAt: t.createdAt?.toISOString() ?? null,
});

export async function readTemplate(ctx: Ctx, stationId: string, type: EvaluationType) {
  await stationInScope(ctx, stationId);
  return view(stationId, type, await templateInForce(ctx.db, stationId, type));
}

/** 所长 saves a new version; answers already given keep theirs. */
export async function saveTemplate(ctx: Ctx, stationId: string, type: EvaluationType, input: EvaluationTemplateInput) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  // Staff of a police office below the station read its templates; only the station or above changes them.
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const current = await templateInForce(ctx.db, stationId, type);
  const version = current.version + 1;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const saved = firstOrThrow(
        await tx
          .insert(evaluationTemplates)
          .values({ stationId, type, version, questions: input.questions, createdBy: actor.id, createdAt: ctx.now() })
          .returning(),
        'evaluation template',
      );
      await audit(ctx, tx, {
        action: 'evaluation.template.save',
        result: 'ok',
        targetType: 'station',
        targetId: stationId,
        details: { type, version, questions: input.questions.length },
      });
      return saved;
    });
    return view(stationId, type, stored(row));
  } catch (err) {
    // Another chief saved the same version a moment ago.
    if (isUniqueViolation(err)) throw new AppError('CONFLICT');
    throw err;
  }
}

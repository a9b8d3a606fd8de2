/**
 * 接待来访必评: a station's window services (a settings row) and its printed
 * window QR. Each scan of the QR opens a fresh single-use evaluation request of
 * type `reception` and sends the resident to /e/<token>. The reception
 * template asks first which service (from the list, or 其他), then rates the
 * window and the staff on duty; the answer is checked like any other.
 */
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_WINDOW_SERVICES,
  type EvaluationTemplate,
  OTHER_WINDOW_SERVICE,
  type Question,
  type WindowQrCurrent,
  type WindowServicesInput,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { randomToken, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { canSeePath } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { requestEvaluation } from '../evaluations/evaluations.service.js';
import { saveTemplate, templateInForce } from '../evaluations/templates.service.js';
import { stationInScope } from '../settings/settings.service.js';

/** A scan's evaluation stays open for a day: the resident answers at the window or on the way home. */
const SCAN_EXPIRES_DAYS = 1;
/** Scans per address in ten minutes: a whole village behind one address still scans, a script does not. */
const SCANS_PER_ADDRESS = 30;

interface WindowSetting {
  services: string[];
  /** SM3 of the printed QR's code; absent until the station makes one. */
  codeHash?: string;
  /**
   * The code itself, so the desk can show and print the same QR again (a meeting keeps its code the same way):
   * it is printed on the wall anyway, and a scan only opens an evaluation.
   */
  code?: string;
  /** When the code was made (ISO). */
  madeAt?: string;
}

/** The settings row of a station's window: its services and its printed code. */
export const windowSettingKey = (stationId: string) => `reception.window:${stationId}`;
const keyOf = windowSettingKey;
const codeHashOf = (code: string) => sm3(`window-qr:${code}`);

/** The window's setting with a fresh printed code (the old one stops working): what 更换二维码 stores, and the demo. */
export function withNewWindowCode(current: Pick<WindowSetting, 'services'>, at: Date): WindowSetting {
  const code = randomToken(24);
  return { ...current, codeHash: codeHashOf(code), code, madeAt: at.toISOString() };
}

async function windowSetting(db: Queryable, stationId: string): Promise<WindowSetting> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(stationId)));
  const value = row?.value as Partial<WindowSetting> | undefined;
  return {
    services: value?.services ?? [...DEFAULT_WINDOW_SERVICES],
    codeHash: value?.codeHash,
    code: value?.code,
    madeAt: value?.madeAt,
  };
}

/** The first question of a reception: which service, from the station's list or 其他. */
export function serviceQuestion(services: readonly string[]): Question {
  return {
    id: 'service',
    kind: 'one_choice',
    label: { zh: '您这次办理的是什么业务？', en: 'Which service did you come for?' },
    required: true,
    options: [
      ...services.map((name, i) => ({ value: `s${i + 1}`, label: { zh: name, en: name } })),
      { value: 'other', label: { zh: OTHER_WINDOW_SERVICE, en: 'Other' } },
    ],
  };
}

/** Rates the staff on duty at the window, next to the window itself (the scale). */
const STAFF_QUESTION: Question = {
  id: 'staff',
  kind: 'stars',
  label: { zh: '请为窗口值班民警/辅警的服务打分', en: 'Rate the staff on duty at the window' },
  required: true,
};

/** The reception template with the service list first and the staff's stars after the scale. */
export function receptionTemplate(current: EvaluationTemplate, services: readonly string[]): EvaluationTemplate {
  const rest = current.questions.filter((q) => q.id !== 'service' && q.id !== 'staff');
  const scale = rest.findIndex((q) => q.kind === 'scale');
  const questions = [serviceQuestion(services), ...rest];
  questions.splice(scale + 2, 0, STAFF_QUESTION);
  return { questions };
}

/** The station's own services, read by anyone who may read its settings. */
export async function readWindowServices(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  return { stationId, services: (await windowSetting(ctx.db, stationId)).services };
}

/** The station or above changes its window (staff of an office below it only read). */
async function stationToChange(ctx: Ctx, stationId: string) {
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  return station;
}

/** Saves the list and a new reception template version asking for it. */
export async function saveWindowServices(ctx: Ctx, stationId: string, input: WindowServicesInput) {
  await stationToChange(ctx, stationId);
  const current = await windowSetting(ctx.db, stationId);
  const template = await templateInForce(ctx.db, stationId, 'reception');
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, keyOf(stationId), { ...current, services: input.services }, actorOf(ctx).id, ctx.now());
    await audit(ctx, tx, {
      action: 'reception.services.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { services: input.services.length },
    });
  });
  await saveTemplate(ctx, stationId, 'reception', receptionTemplate(template, input.services));
  return { stationId, services: input.services };
}

const scanUrl = (ctx: Ctx, stationId: string, code: string) =>
  `${ctx.deps.config.http.publicUrl}/api/v1/public/stations/${stationId}/window-qr?code=${code}`;

async function qrOf(ctx: Ctx, stationId: string, code: string) {
  const url = scanUrl(ctx, stationId, code);
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { url, svg };
}

/** The window QR in force, to show or print again (null until made, or made before the code was kept). */
export async function readWindowQr(ctx: Ctx, stationId: string): Promise<WindowQrCurrent> {
  await stationInScope(ctx, stationId);
  const [station] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, stationId));
  const { code, codeHash, madeAt } = await windowSetting(ctx.db, stationId);
  const inForce = code && codeHash === codeHashOf(code) ? code : null;
  return {
    stationId,
    stationName: station?.name ?? '',
    qr: inForce ? await qrOf(ctx, stationId, inForce) : null,
    madeAt: inForce ? (madeAt ?? null) : null,
  };
}

/** A new printed window QR; the one printed before stops working. */
export async function makeWindowQr(ctx: Ctx, stationId: string) {
  await stationToChange(ctx, stationId);
  const current = await windowSetting(ctx.db, stationId);
  const template = await templateInForce(ctx.db, stationId, 'reception');
  const next = withNewWindowCode(current, ctx.now());
  const code = next.code ?? '';
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, keyOf(stationId), next, actorOf(ctx).id, ctx.now());
    await audit(ctx, tx, { action: 'reception.qr.make', result: 'ok', targetType: 'station', targetId: stationId });
  });
  if (!template.questions.some((q) => q.id === 'service'))
    await saveTemplate(ctx, stationId, 'reception', receptionTemplate(template, current.services));
  return qrOf(ctx, stationId, code);
}

/** A scan: the token of a fresh single-use reception request, or a plain 404 for a wrong or replaced code. */
export async function scanWindowQr(ctx: Ctx, stationId: string, code: string) {
  await consume(ctx.db, ctx.now(), [{ key: `scan:window:${ctx.ip}`, max: SCANS_PER_ADDRESS, windowSeconds: 600 }]);
  const [station] = await ctx.db
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  const { codeHash } = await windowSetting(ctx.db, stationId);
  if (!station || !codeHash || codeHash !== codeHashOf(code)) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  const { token } = await ctx.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type: 'reception',
      subject: { type: 'reception', id: randomUUID() },
      stationId,
      unitPath: station.path,
      expiresInDays: SCAN_EXPIRES_DAYS,
    }),
  );
  return token;
}

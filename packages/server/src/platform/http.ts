/**
 * The one error handler: AppError → its code and message in the caller's
 * language; a schema failure → VALIDATION naming the field; anything else →
 * logged with the request id and answered INTERNAL without detail.
 */
import { type ErrorBody, type ErrorCode, errorMessage, localeFromHeader } from '@jingmin/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { auditAlone } from './context.js';
import { AppError } from './errors.js';
import { describeValidation } from './validation-text.js';

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  params: Record<string, unknown> = {},
  details?: unknown,
) {
  const locale = localeFromHeader(req.headers['accept-language']);
  const body: ErrorBody = {
    error: { code, message: errorMessage(code, locale, params), ...(details ? { details } : {}) },
  };
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

/** Errors Fastify raises itself before our code runs, by their Fastify code. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA', status: 415 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_BAD_URL: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_INVALID_URL: { code: 'BAD_REQUEST', status: 400 },
};

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const locale = localeFromHeader(req.headers['accept-language']);
    if (err instanceof AppError) {
      if ((err.code === 'FORBIDDEN' || err.code === 'CSRF') && req.ctx?.actor) {
        // Denials are security events: record who tried what.
        await auditAlone(req.ctx, {
          action: req.routeOptions.config.auditAction ?? `${req.method} ${req.routeOptions.url ?? req.url}`,
          result: 'denied',
          details: { code: err.code },
        }).catch((auditErr) => req.log.error({ err: auditErr }, 'could not audit a denial'));
      }
      if (err.status === 429) reply.header('retry-after', String(err.params.retryAfter ?? 60));
      return sendError(req, reply, err.code, err.status, err.params, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const { detail, fields } = describeValidation(err.validation, err.validationContext, locale);
      return sendError(req, reply, 'VALIDATION', 400, { detail }, { fields });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) {
      if (known.code === 'PAYLOAD_TOO_LARGE') await drainRefusedBody(req, reply);
      const limit = `${Math.round((app.initialConfig.bodyLimit ?? 1_048_576) / 1024)} KiB`;
      return sendError(req, reply, known.code, known.status, { detail: err.message, limit });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(req, reply, 'BAD_REQUEST', err.statusCode, { detail: err.message });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.error({ err }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendError(req, reply, 'SERVICE_UNAVAILABLE', 503);
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'INTERNAL', 500, { requestId: req.id });
  });
}

/** How much of a refused body is read and thrown away; past it the connection is closed unread. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Fastify refuses a body over the limit at once, with `connection: close`, and stops reading it.
 * Closing a socket with bytes still arriving makes the kernel reset the connection, and a client
 * that sends its whole body before reading (curl, a form post) loses the 413. So read the rest and
 * throw it away first (bounded here, and in time by requestTimeout), then answer.
 */
async function drainRefusedBody(req: FastifyRequest, reply: FastifyReply) {
  const raw = req.raw;
  if (raw.complete || raw.readableEnded || typeof raw.resume !== 'function') return;
  reply.removeHeader('connection');
  await new Promise<void>((resolve) => {
    let seen = 0;
    const finish = () => {
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen <= DRAIN_MAX_BYTES) return;
      reply.header('connection', 'close');
      finish();
    };
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.once('close', finish);
    raw.resume();
  });
}

function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;
  return ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001'].includes(code ?? '');
}

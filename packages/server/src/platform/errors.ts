/**
 * One error type for every rule. Services throw `AppError(code, params)`;
 * the error handler in http.ts turns it into the API's one error shape.
 */
import { ERROR_STATUS, type ErrorCode } from '@jingmin/shared';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

/** A 400 naming the field and what is wrong, in the caller's language. */
export function invalid(ctx: { locale: string }, field: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION', { detail: `${field}：${ctx.locale === 'en' ? en : zh}` });
}

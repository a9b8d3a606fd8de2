/** M-12: administrator accounts sign in only from the configured management networks, when configured. */
import { ADMIN_ROLES, type Role } from '@jingmin/shared';
import type { staff } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** Throws ADDRESS_NOT_ALLOWED for an administrator signing in from outside every configured network. */
export function assertAdminAddress(ctx: Ctx, account: typeof staff.$inferSelect) {
  const cidrs = ctx.deps.config.security.adminCidrs;
  const isAdmin = (account.roles as Role[]).some((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
  if (!isAdmin || cidrs.length === 0) return;
  if (!cidrs.some((cidr) => ipInCidr(ctx.ip, cidr))) throw new AppError('ADDRESS_NOT_ALLOWED');
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const toInt = (a: string) =>
    a
      .replace(/^::ffff:/, '')
      .split('.')
      .reduce((n, octet) => (n << 8) + Number(octet), 0) >>> 0;
  const bits = Number(bitsText);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(ip) & mask) === (toInt(base) & mask);
}

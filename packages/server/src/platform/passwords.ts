/** argon2id hashing and the password policy check against a list of common passwords. */
import { randomInt } from 'node:crypto';
import { checkPassword, type PasswordPolicy, type PasswordProblem } from '@jingmin/shared';
import { dictionary } from '@zxcvbn-ts/language-common';
import argon2 from 'argon2';

let common: Set<string> | undefined;

/** Passwords seen in breaches and on assessors' lists, plus ones common in China. */
function commonPasswords(): Set<string> {
  if (!common) {
    const list = (dictionary as Record<string, string[]>)['passwords-common'] ?? [];
    common = new Set([
      ...list,
      'woaini1314',
      'woaini520',
      'a123456789',
      'aa123456',
      'qq123456',
      'admin@123',
      'admin123456',
      'p@ssw0rd',
      'p@ssword123',
      'abc@123456',
      'root@123',
      '1qaz2wsx',
      '1qaz@wsx',
      'zaq12wsx',
    ]);
  }
  return common;
}

/** True for a listed password, or a listed word with digits and symbols stuck on its ends ("Password123!"). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const set = commonPasswords();
  return set.has(lower) || (core.length >= 4 && set.has(core));
}

export function passwordProblems(password: string, username: string, policy: PasswordPolicy): PasswordProblem[] {
  return checkPassword(password, username, policy, isCommonPassword);
}

export function hashPassword(password: string, memoryCost: number): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost, timeCost: 3, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A readable initial password that meets the policy: shown once, changed at first sign-in. */
export function generateInitialPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${pick(4)}-${pick(4)}-${pick(4)}#${randomInt(10)}`;
}

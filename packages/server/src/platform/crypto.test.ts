import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskPhone, openField, sealField, sm3 } from './crypto.js';
import { isCommonPassword } from './passwords.js';

describe('commercial cryptography', () => {
  it('computes SM3 as GB/T 32905 specifies', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('seals a field with SM4-CTR + HMAC-SM3 and opens it again', () => {
    const key = randomBytes(32);
    const sealed = sealField(key, '13912345678');
    expect(sealed).not.toContain('13912345678');
    expect(sealField(key, '13912345678')).not.toBe(sealed); // fresh IV each time
    expect(openField(key, sealed)).toBe('13912345678');
  });

  it('refuses a sealed field with one changed byte, or under another key', () => {
    const key = randomBytes(32);
    const sealed = sealField(key, '身份证 11010519491231002X');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(() => openField(key, `v1:${raw.toString('base64url')}`)).toThrow(/integrity/);
    expect(() => openField(randomBytes(32), sealed)).toThrow(/integrity/);
  });

  it('masks phone numbers for lists', () => expect(maskPhone('13912345678')).toBe('139****5678'));
});

describe('common passwords', () => {
  it.each(['123456', 'Password123!', 'woaini1314', 'P@ssw0rd'])('knows %s', (p) =>
    expect(isCommonPassword(p)).toBe(true),
  );
  it('lets a real passphrase through', () => expect(isCommonPassword('Liutang#Chief7')).toBe(false));
});

/**
 * Commercial cryptography (商用密码) from Node's own crypto: SM3 hashing and
 * HMAC, and SM4-CTR with HMAC-SM3 (encrypt-then-MAC), since Node has no SM4-GCM.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/** A random token of `bytes` bytes, base64url (128 bits by default). */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

const VERSION = 'v1';

function subKeys(key: Buffer) {
  return { enc: hmacSm3(key, 'jingmin-sm4-enc').subarray(0, 16), mac: hmacSm3(key, 'jingmin-sm4-mac') };
}

/** Encrypts a short field (phone, TOTP seed) for storage: `v1:<iv|ciphertext|tag>`. */
export function sealField(key: Buffer, plaintext: string): string {
  const { enc, mac } = subKeys(key);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-ctr', enc, iv);
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = hmacSm3(mac, body);
  return `${VERSION}:${Buffer.concat([body, tag]).toString('base64url')}`;
}

/** Decrypts a sealed field; a changed byte anywhere is refused. */
export function openField(key: Buffer, sealed: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('unknown sealed field format');
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < 16 + 32) throw new Error('sealed field too short');
  const { enc, mac } = subKeys(key);
  const body = raw.subarray(0, raw.length - 32);
  const tag = raw.subarray(raw.length - 32);
  if (!timingSafeEqual(tag, hmacSm3(mac, body))) throw new Error('sealed field failed its integrity check');
  const decipher = createDecipheriv('sm4-ctr', enc, body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

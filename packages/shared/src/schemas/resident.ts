/**
 * The resident's side of 码上办 beyond the first submission: photos, the chat
 * with the handling staff, and a phone number verified by one-time code that
 * lists every matter submitted with it ("my matters").
 */
import { z } from 'zod';
import { MATTER_KINDS, MATTER_STATUSES } from '../domain/matters.js';
import { Id, MobilePhone, Shown, TrackingToken, text } from './common.js';

/** Photo rules shared by the server (enforced) and the page (told to the resident before upload). */
export const PHOTO_LIMITS = {
  /** Photos on one submission or one chat message. */
  perItem: 9,
  /** One file, before re-encoding. */
  maxFileBytes: 8 * 1024 * 1024,
  /** The whole multipart request: the plugin caps each file, not their sum. */
  maxRequestBytes: 24 * 1024 * 1024,
  /** Checked by content, never by file name. */
  types: ['image/jpeg', 'image/png', 'image/webp'] as const,
  /** Longest side after re-encoding. */
  maxSide: 2048,
} as const;

/** A photo the server accepted, re-encoded and stripped of metadata. */
export const PhotoReceipt = z.object({
  id: Id,
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  mime: z.enum(PHOTO_LIMITS.types),
});
export type PhotoReceipt = z.infer<typeof PhotoReceipt>;

export const UploadPhotosResult = z.object({ photos: z.array(PhotoReceipt) });
export type UploadPhotosResult = z.infer<typeof UploadPhotosResult>;

/** `?shareLocation=1` keeps the photo's GPS position as the matter's location; otherwise it is dropped. */
export const UploadPhotosQuery = z.object({ shareLocation: z.enum(['0', '1']).optional() }).strict();

export const PhotoIds = z.array(Id).max(PHOTO_LIMITS.perItem).default([]);

/** A resident's chat message on their matter. */
export const ResidentMessageInput = z
  .object({ text: text(2000), photoIds: PhotoIds })
  .strict()
  .refine((m) => m.text.length > 0 || m.photoIds.length > 0, { message: 'write a message or add a photo' });
export type ResidentMessageInput = z.infer<typeof ResidentMessageInput>;

/** `?size=thumb` answers a small copy (≤ 320 px JPEG) for lists and chat bubbles. */
export const PhotoSizeQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') }).strict();

export const PhotoParams = z
  .object({ /** Secret of the tracking link. */ tracking: TrackingToken, photoId: Id })
  .strict();

/** Step 1 of verifying a phone: send a one-time code. */
export const RequestPhoneCodeInput = z.object({ phone: MobilePhone }).strict();
export const PhoneCodeSent = z.object({
  phoneMasked: Shown,
  ttlMinutes: z.number().int(),
  /** Seconds before another code may be asked for. */
  resendAfterSeconds: z.number().int(),
});
export type PhoneCodeSent = z.infer<typeof PhoneCodeSent>;

/** Step 2: the code the resident received. */
export const VerifyPhoneInput = z
  .object({ phone: MobilePhone, /** The 6-digit code from the text message. */ code: text(6).regex(/^\d{6}$/) })
  .strict();
/** Proof of a verified phone, kept on the device; sent as `x-phone-token`. */
export const PhoneSession = z.object({
  phoneToken: Shown,
  phoneMasked: Shown,
  expiresAt: z.iso.datetime(),
});
export type PhoneSession = z.infer<typeof PhoneSession>;

/** One line of "my matters" for a verified phone; the tracking link opens it like any other. */
export const PhoneMatterItem = z.object({
  number: Shown,
  kind: z.enum(MATTER_KINDS),
  status: z.enum(MATTER_STATUSES),
  address: Shown,
  excerpt: Shown,
  submittedAt: z.iso.datetime(),
  trackingToken: Shown,
});
export const PhoneMatters = z.object({ phoneMasked: Shown, items: z.array(PhoneMatterItem) });
export type PhoneMatters = z.infer<typeof PhoneMatters>;

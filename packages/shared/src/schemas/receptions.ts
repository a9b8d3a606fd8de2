/** 接待来访必评: a station's list of window services and its window QR (each scan opens a fresh evaluation). */
import { z } from 'zod';
import { Id, Shown, text } from './common.js';

/** The services a station's window offers, as DOMAIN.md lists them; a station may set its own. */
export const DEFAULT_WINDOW_SERVICES = ['户籍办理', '居住证', '身份证', '出入境咨询', '开具证明'] as const;
/** Always offered last: the resident's service is not in the list. */
export const OTHER_WINDOW_SERVICE = '其他';

export const WindowServicesInput = z
  .object({
    /** 1–20 service names, without 其他 (always offered). */
    services: z
      .array(text(20, 1))
      .min(1)
      .max(20)
      .refine((s) => new Set(s).size === s.length, { message: 'names a service twice' })
      .refine((s) => !s.includes(OTHER_WINDOW_SERVICE), { message: '其他 is always offered; leave it out' }),
  })
  .strict();
export type WindowServicesInput = z.infer<typeof WindowServicesInput>;

export const WindowServicesView = z.object({ stationId: Id, services: z.array(Shown) });
export type WindowServicesView = z.infer<typeof WindowServicesView>;

/** The printed window QR: the address it opens and the QR as SVG. */
export const WindowQrView = z.object({ url: Shown, svg: Shown });
export type WindowQrView = z.infer<typeof WindowQrView>;

/** The window QR in force, to show and print again; `qr` is null until the station makes one. */
export const WindowQrCurrent = z.object({
  stationId: Id,
  /** Printed on the card above the code. */ stationName: Shown,
  qr: WindowQrView.nullable(),
  /** When the code in force was made (the one printed before it stopped working then). */
  madeAt: z.iso.datetime().nullable(),
});
export type WindowQrCurrent = z.infer<typeof WindowQrCurrent>;

/** A scan of a printed QR: the station (or meeting) and the QR's secret code. */
export const WindowQrScanParams = z.object({ stationId: Id }).strict();
export const QrScanQuery = z.object({ code: text(64, 20, { trim: false }).regex(/^[A-Za-z0-9_-]{20,64}$/) }).strict();
export type QrScanQuery = z.infer<typeof QrScanQuery>;

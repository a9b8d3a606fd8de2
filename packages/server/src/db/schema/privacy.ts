/**
 * 个人信息权利: what residents asked about their data on a matter — a
 * corrected or withdrawn phone (carried out at once) and deletion requests
 * (answered by the station within its working-day limit). The register keeps
 * ids, kinds, dates and the station's answer, never the personal values.
 */
import { PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { timestamps, units } from './org.js';
import { staff } from './staff.js';

export const privacyRequestKind = pgEnum('privacy_request_kind', PRIVACY_REQUEST_KINDS);
export const privacyRequestStatus = pgEnum('privacy_request_status', PRIVACY_REQUEST_STATUSES);

export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    matterId: uuid()
      .notNull()
      .references(() => matters.id),
    /** The station that answers (the matter's); its queue is read by this. */
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    kind: privacyRequestKind().notNull(),
    status: privacyRequestStatus().notNull().default('open'),
    /** Last day of the answer period, a Beijing date (N working days after the request); null when done at once. */
    dueOn: date({ mode: 'string' }),
    /** The station's answer: the reason of a refusal, or a word with the deletion. Read by the resident. */
    answer: text(),
    /** Who answered; null while open, and for the resident's own changes carried out at once. */
    answeredBy: uuid().references(() => staff.id),
    answeredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('privacy_requests_matter_idx').on(t.matterId, t.createdAt),
    index('privacy_requests_station_open_idx').on(t.stationId, t.status, t.dueOn),
    // One request waiting per matter: a second is refused, and two sent at once cannot both land.
    uniqueIndex('privacy_requests_one_open_key').on(t.matterId).where(sql`status = 'open'`),
  ],
);

/**
 * 接处警必评 for the demo matters sent back (seed/matter-reopens.ts): as each 办结 opens its round's request
 * (modules/matters/evaluation.ts), each resolution of a reopened matter has one, its round the reopenings
 * before it plus one, answered by the rating that followed it — 不满意 (未解决) on every round sent back.
 * Read from the timeline the history wrote, in one statement.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';

/** Matters with a reopening on their timeline. */
export const REOPENED = sql`EXISTS (SELECT 1 FROM matter_events x WHERE x.matter_id = m.id AND x.type = 'matter.reopen')`;

export async function seedRoundEvaluations(tx: Tx, expiresDays: number) {
  await tx.execute(sql`
    WITH rounds AS (
      SELECT m.id AS matter_id, m.kind, m.station_id, m.unit_path, m.assignee_staff_id, m.household_id,
             e.at AS resolved_at,
             1 + (SELECT count(*) FROM matter_events x
                   WHERE x.matter_id = m.id AND x.type = 'matter.reopen' AND x.id < e.id)::int AS round,
             EXISTS (SELECT 1 FROM matter_events x
                      WHERE x.matter_id = m.id AND x.type = 'matter.reopen' AND x.id > e.id) AS sent_back,
             rt.at AS rated_at, rt.payload->>'rating' AS rating, rt.note AS comment
        FROM matters m
        JOIN matter_events e ON e.matter_id = m.id AND e.type = 'matter.resolve'
        LEFT JOIN LATERAL (SELECT x.at, x.payload, x.note FROM matter_events x
                            WHERE x.matter_id = m.id AND x.type = 'matter.rate' AND x.id > e.id
                            ORDER BY x.id LIMIT 1) rt ON true
       WHERE ${REOPENED}
    ),
    requests AS (
      INSERT INTO evaluation_requests
        (id, type, subject_type, subject_id, station_id, unit_path, subject_round, rated_staff_id, household_id,
         token_hash, expires_at, answered_at, created_at)
      SELECT gen_random_uuid(),
             (CASE WHEN kind = 'suggestion' THEN 'answer' ELSE 'matter' END)::evaluation_type,
             'matter', matter_id, station_id, unit_path, round, assignee_staff_id, household_id,
             encode(sha256(convert_to(gen_random_uuid()::text || matter_id::text || round, 'UTF8')), 'hex'),
             resolved_at + make_interval(days => ${expiresDays}::int), rated_at, resolved_at
        FROM rounds
      RETURNING id, subject_id, subject_round
    )
    INSERT INTO evaluation_answers (request_id, template_version, answers, satisfied, device_hash, created_at)
    SELECT q.id, 0,
           jsonb_strip_nulls(jsonb_build_object(
             'overall', CASE r.rating WHEN 'satisfied' THEN 'satisfied'
                                      WHEN 'basically_satisfied' THEN 'fairly_satisfied' ELSE 'unsatisfied' END,
             'wrong', CASE WHEN r.rating = 'unsatisfied'
                           THEN jsonb_build_array(CASE WHEN r.sent_back THEN 'unresolved' ELSE 'slow' END) END,
             'remark', r.comment)),
           r.rating <> 'unsatisfied',
           encode(sha256(convert_to(q.id::text, 'UTF8')), 'hex'),
           r.rated_at
      FROM requests q
      JOIN rounds r ON r.matter_id = q.subject_id AND r.round = q.subject_round
     WHERE r.rating IS NOT NULL`);
}

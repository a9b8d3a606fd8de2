/** How the 议事厅 extras (room-extras.ts) reach the database: rows as JSON, new posts numbered again by time. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import type { Post, Row } from './room-extras-scene.js';

/**
 * Rows as one JSON parameter (the embedded database binds many parameters slowly), columns named as in SQL;
 * columns left out take their defaults.
 */
export async function insertJson(tx: Tx, table: string, rows: Row[]) {
  const first = rows[0];
  if (!first) return;
  const columns = sql.raw(Object.keys(first).join(', '));
  const type = sql.raw(table);
  await tx.execute(sql`
    INSERT INTO ${type} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${type}, ${JSON.stringify(rows)}::json)`);
}

/** New posts take a place after every post (numbered again below). */
export const postColumns = (p: Post, i: number): Row => ({ ...p, seq: 1_000_000_000 + i });

/**
 * Each touched room's posts numbered again by time — those whose number changes, through negative numbers since
 * the (room, seq) key is checked row by row — then the room's last_seq.
 */
export async function renumber(tx: Tx, roomIds: string[]) {
  if (roomIds.length === 0) return;
  const touched = sql`room_id = ANY(${`{${roomIds.join(',')}}`}::uuid[])`;
  await tx.execute(sql`
    UPDATE room_posts p SET seq = -o.n
      FROM (SELECT id, row_number() OVER (PARTITION BY room_id ORDER BY created_at, seq) AS n
              FROM room_posts WHERE ${touched}) o
     WHERE p.id = o.id AND p.seq <> o.n`);
  await tx.execute(sql`UPDATE room_posts SET seq = -seq WHERE ${touched} AND seq < 0`);
  await tx.execute(sql`
    UPDATE rooms r SET last_seq = m.last
      FROM (SELECT room_id, max(seq) AS last FROM room_posts WHERE ${touched} GROUP BY room_id) m
     WHERE r.id = m.room_id`);
}

/**
 * Notification choices of the demo staff: the people who hold matters get browser notifications (a demo
 * has neither WeCom nor an SMS contract); community officers keep quiet hours at night, which urgent
 * matters ignore. Everyone else chose nothing, so their alerts go to the server log.
 */
import type { NotifyChannel } from '@jingmin/shared';
import type { Tx } from '../db/client.js';
import { notifyPreferences } from '../db/schema/index.js';

/** Role suffix of a demo username (`lt.officer`) → its choice. */
const CHOICES: Record<string, { channels: NotifyChannel[]; quiet?: [number, number] }> = {
  chief: { channels: ['browser'] },
  duty: { channels: ['browser'] },
  // 免打扰 22:30–06:30.
  officer: { channels: ['browser'], quiet: [22 * 60 + 30, 6 * 60 + 30] },
  aux: { channels: ['browser'], quiet: [22 * 60 + 30, 6 * 60 + 30] },
  grid: { channels: ['browser'] },
  liaison: { channels: ['browser'] },
  mediator: { channels: ['browser'] },
};

export async function seedNotifyPreferences(tx: Tx, ids: Record<string, string>) {
  const rows = Object.entries(ids).flatMap(([username, staffId]) => {
    const choice = CHOICES[username.split('.').at(-1) ?? ''];
    if (!choice || !username.includes('.')) return [];
    return [
      {
        staffId,
        channels: choice.channels,
        quietStartMinute: choice.quiet?.[0] ?? null,
        quietEndMinute: choice.quiet?.[1] ?? null,
      },
    ];
  });
  if (rows.length > 0) await tx.insert(notifyPreferences).values(rows);
}

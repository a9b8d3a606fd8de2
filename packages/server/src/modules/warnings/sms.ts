/** SMS of a notice to opted-in verified phones (helper B implements). */
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';

/** Called by the send step in its transaction when the notice asks for SMS: queues the sending job. */
export async function startWarningSms(_tx: Tx, _ctx: Ctx, _warningId: string): Promise<void> {}

export function registerSmsJobs(_jobs: JobRegistry) {}

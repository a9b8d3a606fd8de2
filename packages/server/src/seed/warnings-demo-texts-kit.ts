/** What the demo's notice texts (seed/warnings-demo-texts*.ts) are made of. */
import type { WarningPriority } from '@jingmin/shared';

export interface NoticeText {
  category: string;
  priority: WarningPriority;
  ack: boolean;
  title: string;
  body: string;
}

export const t = (
  category: string,
  priority: WarningPriority,
  ack: boolean,
  title: string,
  body: string,
): NoticeText => ({
  category,
  priority,
  ack,
  title,
  body,
});

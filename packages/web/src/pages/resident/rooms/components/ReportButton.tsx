/** 举报: a member reports another's post (being built). */
import type { MemberPostPartProps } from './ItemCard';

export function ReportButton(_props: MemberPostPartProps) {
  return null;
}

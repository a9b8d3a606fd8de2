/** A post's reports for hosts (dismiss) and 转为矛盾纠纷 (being built). */
import type { StaffPostPartProps } from './StaffItem';

export function StaffReports(_props: StaffPostPartProps) {
  return null;
}

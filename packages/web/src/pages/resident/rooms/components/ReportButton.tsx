/**
 * 举报: a member reports another's post with a reason picked from a sheet; once reported it reads 已举报 (the hosts
 * see how many reported it and why, never who). Nothing for one's own post or a reader without a membership.
 */
import { ROOM_REPORT_REASON_LABELS, ROOM_REPORT_REASONS, type RoomReportReason } from '@jingmin/shared';
import { ActionSheet, Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomReportsPublic } from '../../../../api/room-reports';
import { useLang } from '../../../../i18n';
import type { MemberPostPartProps } from './ItemCard';

export function ReportButton({ post, mine, phoneToken, onChanged }: MemberPostPartProps) {
  const { t, label } = useLang();
  const [open, setOpen] = useState(false);
  const [reported, setReported] = useState(false);
  if (mine || !phoneToken || post.status !== 'published') return null;
  if (post.reportedByMe || reported)
    return (
      <span className="jm-muted jm-small" style={{ alignSelf: 'center' }}>
        {t('已举报', 'Reported')}
      </span>
    );
  const report = async (reason: RoomReportReason) => {
    setOpen(false);
    try {
      await roomReportsPublic.report(post.id, { reason }, phoneToken);
      setReported(true);
      Toast.show({ icon: 'success', content: t('已举报，群主会尽快查看', 'Reported; a host will look at it') });
      onChanged?.();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    }
  };
  return (
    <>
      <Button size="small" fill="none" onClick={() => setOpen(true)} style={{ color: '#5c6470' }}>
        {t('举报', 'Report')}
      </Button>
      <ActionSheet
        visible={open}
        extra={t(
          `举报 ${post.author.nickname} 的这条发言：请选择原因。群主只看到举报原因，看不到是谁举报的。`,
          `Report this post by ${post.author.nickname}: choose why. Hosts see the reason, never who reported.`,
        )}
        cancelText={t('取消', 'Cancel')}
        actions={ROOM_REPORT_REASONS.map((r) => ({
          key: r,
          text: label(ROOM_REPORT_REASON_LABELS[r]),
          danger: r === 'fraud',
        }))}
        onAction={(a) => void report(a.key as RoomReportReason)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

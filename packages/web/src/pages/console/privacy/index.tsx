/**
 * 个人信息申请: residents' deletion requests waiting for the station's answer,
 * earliest due first (overdue ones lead, in red), with what was answered
 * under 全部. The desk or the chief answers; the matter opens beside it.
 */
import type { StaffPrivacyRequest } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { privacyApi } from '../../../api/privacy';
import { useLang } from '../../../i18n';
import { MatterDrawer } from '../matter/MatterDrawer';
import { AnswerModal } from './components/AnswerModal';
import { usePrivacyColumns } from './components/columns';

export default function PrivacyPage() {
  const { t } = useLang();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [page, setPage] = useState(1);
  const [answering, setAnswering] = useState<StaffPrivacyRequest | null>(null);
  const [matterId, setMatterId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['privacy-requests', status, page],
    queryFn: () => privacyApi.list({ status, page, pageSize: 20 }),
    // A due date passes without any event: a minute's refetch turns it red.
    refetchInterval: 60_000,
  });
  const manyStations = new Set(list.data?.items.map((r) => r.stationName)).size > 1;
  const columns = usePrivacyColumns({ manyStations, onOpen: setMatterId, onAnswer: setAnswering });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('个人信息申请', 'Personal-information requests')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          '群众在事项页面申请删除个人信息，须在本所设置的工作日内答复（按工作日历计算）。同意即删除；不予删除须写明理由，群众可见。群众更正或撤回手机号即时生效，在“全部”中可查。',
          'Residents ask from the matter page to delete their personal information; the station answers within its working-day limit (on the working-day calendar). Approving deletes at once; a refusal needs a reason the resident reads. Corrected or withdrawn phone numbers take effect at once and are listed under "All".',
        )}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          aria-label={t('范围', 'Show')}
          value={status}
          onChange={(v) => {
            setPage(1);
            setStatus(v);
          }}
          style={{ width: 180 }}
          options={[
            { value: 'open', label: t('待答复', 'Awaiting answer') },
            { value: 'all', label: t('全部（含已答复）', 'All, with answered') },
          ]}
        />
        {(list.data?.overdue ?? 0) > 0 && (
          <Tag color="red">{t(`${list.data?.overdue} 件已超期`, `${list.data?.overdue} overdue`)}</Tag>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Table<StaffPrivacyRequest>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        scroll={{ x: 1100 }}
        rowClassName={(r) => (r.overdue ? 'jm-overdue' : '')}
        locale={{ emptyText: t('没有待答复的申请', 'No request is waiting') }}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage, showSizeChanger: false }}
        columns={columns}
      />
      {answering && (
        <AnswerModal
          request={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            void list.refetch();
          }}
        />
      )}
      {matterId && (
        <MatterDrawer id={matterId} onClose={() => setMatterId(null)} onChanged={() => void list.refetch()} />
      )}
      <style>{'.jm-overdue td { background: #fff1f0 !important; }'}</style>
    </Space>
  );
}

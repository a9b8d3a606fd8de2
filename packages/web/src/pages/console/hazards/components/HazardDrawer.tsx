/**
 * One hazard: where, what, who follows it, its photos, the timeline (发现 → 整改 → 复核), and the actions the
 * server says this session may take (上报整改, 复核通过/退回, 作废).
 */
import { HAZARD_SOURCE_LABELS, type HazardStep, type HazardView } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Image, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { hazardsApi } from '../../../../api/hazards';
import { useLang } from '../../../../i18n';
import { Deadline, StatusTag } from '../labels';
import { ActionModal, type HazardStepAction } from './ActionModal';

const STEP_LABELS: Record<HazardStep['what'], { zh: string; en: string; color: string }> = {
  found: { zh: '发现登记', en: 'Found', color: 'orange' },
  escalated: { zh: '逾期，已提醒所长和责任人', en: 'Overdue; chiefs and owner told', color: 'red' },
  rectified: { zh: '上报整改', en: 'Fix reported', color: 'blue' },
  rejected: { zh: '复核退回', en: 'Fix returned', color: 'red' },
  verified: { zh: '复核销号', en: 'Verified', color: 'green' },
  voided: { zh: '作废', en: 'Voided', color: 'gray' },
};

export function HazardDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useLang();
  const screens = Grid.useBreakpoint();
  const [action, setAction] = useState<HazardStepAction | null>(null);
  const q = useQuery({ queryKey: ['hazard', id], queryFn: () => hazardsApi.get(id) });
  return (
    <Drawer open onClose={onClose} size={screens.md ? 560 : '100%'} title={t('隐患详情', 'Hazard')} destroyOnHidden>
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <Alert type="error" showIcon title={errorMessage(q.error)} />
      ) : (
        <Detail h={q.data} onAct={setAction} />
      )}
      {action && q.data && <ActionModal hazard={q.data} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}

function Detail({ h, onAct }: { h: HazardView; onAct(a: HazardStepAction): void }) {
  const { t, label } = useLang();
  const photos = (ids: string[]) =>
    ids.length > 0 && (
      <Image.PreviewGroup>
        <Flex gap={6} wrap>
          {ids.map((p) => (
            <Image
              key={p}
              width={88}
              height={88}
              style={{ objectFit: 'cover' }}
              src={hazardsApi.photoUrl(h.id, p)}
              preview={{ src: hazardsApi.photoUrl(h.id, p, 'full') }}
              alt={t('隐患照片', 'Hazard photo')}
            />
          ))}
        </Flex>
      </Image.PreviewGroup>
    );
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <StatusTag status={h.status} />
        <Typography.Text strong>{h.kindName}</Typography.Text>
      </Flex>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('地点', 'Place')}>
          {h.place}（{h.village?.name ?? h.unit.name}
          {h.village && h.village.id !== h.unit.id ? ` · ${h.unit.name}` : ''}）
        </Descriptions.Item>
        <Descriptions.Item label={t('隐患情况', 'What')}>{h.description}</Descriptions.Item>
        <Descriptions.Item label={t('来源', 'Source')}>
          {label(HAZARD_SOURCE_LABELS[h.source])}
          {h.link ? ` · ${h.link.label}${h.link.at ? `（${h.link.at.slice(0, 10)}）` : ''}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('整改责任方', 'To fix it')}>{h.rectifier ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('跟踪责任人', 'Follows it')}>{h.responsible.name}</Descriptions.Item>
        <Descriptions.Item label={t('整改期限', 'Deadline')}>
          <Deadline h={h} />
        </Descriptions.Item>
        {h.voidedReason && <Descriptions.Item label={t('作废原因', 'Why voided')}>{h.voidedReason}</Descriptions.Item>}
      </Descriptions>
      {photos(h.photos.found)}
      <Timeline
        items={h.timeline.map((s) => ({
          color: STEP_LABELS[s.what].color,
          content: (
            <>
              <Typography.Text strong>{label(STEP_LABELS[s.what])}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {s.at.slice(0, 16).replace('T', ' ')} {s.by?.name ?? ''}
              </Typography.Text>
              {s.note && <div style={{ overflowWrap: 'anywhere' }}>{s.note}</div>}
              {s.what === 'rectified' && photos(h.photos.fixed)}
            </>
          ),
        }))}
      />
      <Flex gap={8} wrap>
        {h.allowedActions.includes('rectify') && (
          <Button type="primary" onClick={() => onAct('rectify')}>
            {t('上报整改', 'Report the fix')}
          </Button>
        )}
        {h.allowedActions.includes('verify') && (
          <>
            <Button type="primary" onClick={() => onAct('accept')}>
              {t('复核通过，销号', 'Verify')}
            </Button>
            <Button danger onClick={() => onAct('reject')}>
              {t('复核退回', 'Return the fix')}
            </Button>
          </>
        )}
        {h.allowedActions.includes('void') && <Button onClick={() => onAct('void')}>{t('作废', 'Void')}</Button>}
      </Flex>
      {h.status === 'rectified' && !h.allowedActions.includes('verify') && (
        <Typography.Text type="secondary">
          {t(
            '整改须由责任人和整改上报人以外的人复核。',
            'The fix is verified by someone other than its owner and whoever reported it.',
          )}
        </Typography.Text>
      )}
    </Flex>
  );
}

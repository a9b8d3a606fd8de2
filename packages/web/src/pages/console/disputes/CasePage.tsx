/**
 * One case (/console/disputes/:id): what happened and where, its matter when it came from one, its parties
 * (masked; 查看 reveals one, recorded), 分级评估 with its history, 三色 with the reasons of every change,
 * and its classification. One column, so an officer reads it on a phone in a village.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUS_LABELS,
  type DisputeView,
  worksCasesForStation,
} from '@jingmin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Grid, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { MatterDrawer } from '../matter/MatterDrawer';
import { Agreements } from './Agreements';
import { Assessments } from './Assessments';
import { ClassificationButton } from './Classification';
import { CloseCase } from './CloseCase';
import { Colours } from './Colours';
import { FollowUps } from './FollowUps';
import { ColourTag, LevelTag, STATUS_COLOR } from './labels';
import { Parties } from './Parties';
import { Sessions } from './Sessions';
import { Timeline } from './Timeline';
import { Transfers } from './Transfers';

export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  // Back to the list as it was (its filters live in its address); straight to it when the case was opened by a link.
  const toList = () => (location.key === 'default' ? navigate('/console/disputes') : navigate(-1));
  const dispute = useQuery({ queryKey: ['dispute', id], queryFn: () => disputesApi.get(id) });
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={toList} style={{ padding: 0 }}>
      {t('矛盾纠纷', 'Disputes')}
    </Button>
  );
  if (dispute.isError)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <Alert type="error" title={errorMessage(dispute.error)} />
      </Space>
    );
  if (!dispute.data) return <Spin />;
  return <Case d={dispute.data} back={back} />;
}

function Case({ d, back }: { d: DisputeView; back: React.ReactNode }) {
  const { t, label } = useLang();
  const client = useQueryClient();
  const narrow = Grid.useBreakpoint().md === false;
  const [matterOpen, setMatterOpen] = useState(false);
  // A department's liaison reads the case and answers its transfer (Transfers); the rest is the station's,
  // until the case is closed: then it is a record.
  const capabilities = useSession().capabilities;
  const handle = worksCasesForStation(capabilities) && d.status !== 'closed';
  // The liaison holds dispute.handle to answer the transfer given to its department (Transfers decides who).
  const answersTransfers = capabilities.includes('dispute.handle') && d.status !== 'closed';
  /** Every step answers with the whole case: it replaces the cached one, and the list refreshes. */
  const changed = (next: DisputeView) => {
    client.setQueryData(['dispute', next.id], next);
    void client.invalidateQueries({ queryKey: ['disputes', next.stationId] });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 960 }} size="middle">
      {back}
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {d.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {d.number} · {d.stationName}
        </Typography.Text>
        <div style={{ marginTop: 6 }}>
          <ColourTag scheme={d.colourScheme} colour={d.colour} />
          <LevelTag level={d.level} />
          <Tag color={STATUS_COLOR[d.status]}>{label(DISPUTE_STATUS_LABELS[d.status])}</Tag>
          <Tag color={d.source === 'proactive' ? 'geekblue' : undefined}>{label(DISPUTE_SOURCE_LABELS[d.source])}</Tag>
          {d.collective && <Tag color="red">{t('群体性', 'Collective')}</Tag>}
        </div>
      </div>
      <Card size="small" title={t('案件情况', 'The case')}>
        <Descriptions size="small" column={1} styles={{ label: { width: narrow ? 72 : 96, whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('类别', 'Category')}>
            <Flex gap={8} wrap align="center">
              <span>
                {label(DISPUTE_CATEGORY_LABELS[d.category])}
                {d.subcategory ? ` · ${d.subcategory}` : ''}
              </span>
              {handle && <ClassificationButton d={d} onChanged={changed} />}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('发生地', 'Where')}>{d.place}</Descriptions.Item>
          <Descriptions.Item label={t('受理时间', 'Accepted')}>{when(d.acceptedAt)}</Descriptions.Item>
          {d.matterId && (
            <Descriptions.Item label={t('来源事项', 'Matter')}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setMatterOpen(true)}>
                {d.matterNumber ?? t('查看事项', 'Open the matter')}
              </Button>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('纠纷情况', 'What happened')}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.facts}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Parties d={d} canHandle={handle} onChanged={changed} />
      <Assessments d={d} canHandle={handle} onChanged={changed} />
      <Colours d={d} canHandle={handle} onChanged={changed} />
      <Sessions d={d} canHandle={handle} onChanged={changed} />
      <Agreements d={d} canHandle={handle} onChanged={changed} />
      <Transfers d={d} canHandle={answersTransfers} onChanged={changed} />
      <FollowUps d={d} canHandle={handle} onChanged={changed} />
      <CloseCase d={d} canHandle={handle} onChanged={changed} />
      <Timeline d={d} />
      {matterOpen && d.matterId && (
        <MatterDrawer id={d.matterId} onClose={() => setMatterOpen(false)} onChanged={() => undefined} />
      )}
    </Space>
  );
}

/**
 * 调解协议: each 调解协议书 of the case — its number and form, its fields (folded on a phone), its duties with
 * their dates, amounts and 已履行/逾期, 登记履行 with a note, and 打印协议书 (the PDF names the parties in full for
 * signing; the server records every print). 制作调解协议书 opens once a session reached an agreement (or the
 * receiving body did), prefilled from the case. One column, for a phone in a village.
 */
import type { AgreementView, DisputeView, DutyView } from '@jingmin/shared';
import { Button, Card, Descriptions, Flex, Grid, Tag, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../../api/client';
import { disputeAgreementsApi } from '../../../api/dispute-agreements';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { agreedSessions, MakeAgreement, Performed } from './AgreementForms';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(next: DisputeView): void;
}

export function Agreements({ d, canHandle, onChanged }: Props) {
  const { t } = useLang();
  const [making, setMaking] = useState(false);
  const [performing, setPerforming] = useState<DutyView | null>(null);
  // The server's rule: a case in mediation with a session that agreed, or one with the receiving body.
  const canMake =
    canHandle &&
    d.channel !== null &&
    ((d.status === 'mediating' && agreedSessions(d).length > 0) || d.status === 'transferred');
  return (
    <Card
      size="small"
      title={t('调解协议', 'Agreements')}
      extra={
        canMake && (
          <Button size="small" type="primary" onClick={() => setMaking(true)}>
            {t('制作调解协议书', 'Draw up the agreement')}
          </Button>
        )
      }
    >
      {d.agreements.length === 0 ? (
        <Typography.Text type="secondary">{t('尚无调解协议', 'No agreement yet')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {d.agreements.map((a) => (
            <Agreement key={a.id} d={d} a={a} canHandle={canHandle} onPerform={setPerforming} />
          ))}
        </Flex>
      )}
      {making && <MakeAgreement d={d} onClose={() => setMaking(false)} onChanged={onChanged} />}
      {performing && <Performed d={d} duty={performing} onClose={() => setPerforming(null)} onChanged={onChanged} />}
    </Card>
  );
}

function Agreement(props: { d: DisputeView; a: AgreementView; canHandle: boolean; onPerform(duty: DutyView): void }) {
  const { d, a } = props;
  const { t } = useLang();
  const narrow = Grid.useBreakpoint().md === false;
  // null: as the screen suits (folded on a phone); the officer's choice after a tap.
  const [unfolded, setUnfolded] = useState<boolean | null>(null);
  const shown = unfolded ?? !narrow;
  const party = (id: string | null) =>
    id ? (d.parties.find((p) => p.id === id)?.nameMasked ?? '—') : t('各方当事人', 'All parties');
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ wordBreak: 'break-all' }}>
            {a.number}
          </Typography.Text>{' '}
          <Tag color="blue">{a.form ?? t('调解协议书', 'Agreement')}</Tag>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t(
                `签订 ${a.signedOn} · 履行期限 ${a.performanceBy}`,
                `Signed ${a.signedOn} · due by ${a.performanceBy}`,
              )}
            </Typography.Text>
          </div>
        </div>
        <Flex gap={8}>
          <Button size="small" onClick={() => download(disputeAgreementsApi.pdfUrl(d.id, a.id))}>
            {t('打印协议书', 'Print (PDF)')}
          </Button>
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setUnfolded(!shown)}>
            {shown ? t('收起', 'Less') : t('详情', 'More')}
          </Button>
        </Flex>
      </Flex>
      {shown && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 8 }}
          styles={{ label: { width: 80, whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('简要事实', 'Facts')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{a.facts}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('争议事项', 'In dispute')}>{a.disputePoints}</Descriptions.Item>
          <Descriptions.Item label={t('各方责任', 'Responsibility')}>{a.responsibilities}</Descriptions.Item>
          <Descriptions.Item label={t('履行方式', 'How')}>{a.performanceMethod}</Descriptions.Item>
          <Descriptions.Item label={t('履行地点', 'Where')}>{a.performancePlace}</Descriptions.Item>
          <Descriptions.Item label={t('调解组织', 'Mediated by')}>
            {a.mediatingBody} · {a.mediatorName}
          </Descriptions.Item>
          <Descriptions.Item label={t('份数', 'Copies')}>{a.copies}</Descriptions.Item>
        </Descriptions>
      )}
      <Flex vertical gap={6} style={{ marginTop: 8 }}>
        {a.duties.map((x, i) => (
          <Flex
            key={x.id}
            justify="space-between"
            align="start"
            gap={8}
            style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}
          >
            <div style={{ minWidth: 0 }}>
              <div>
                {i + 1}. {party(x.partyId)}：{x.description}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {x.amountYuan !== null && `${x.amountYuan.toFixed(2)}${t('元', ' yuan')} · `}
                {t(`${x.dueOn}前`, `by ${x.dueOn}`)}
              </Typography.Text>{' '}
              {x.performedAt ? (
                <Tag color="green">{t('已履行', 'Performed')}</Tag>
              ) : x.overdue ? (
                <Tag color="red">{t('逾期', 'Overdue')}</Tag>
              ) : (
                <Tag>{t('待履行', 'Pending')}</Tag>
              )}
              {x.performedAt && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when(x.performedAt)}
                    {x.performedNote ? ` · ${x.performedNote}` : ''}
                  </Typography.Text>
                </div>
              )}
            </div>
            {props.canHandle && !x.performedAt && d.status !== 'closed' && (
              <Button size="small" onClick={() => props.onPerform(x)}>
                {t('登记履行', 'Performed')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
    </div>
  );
}

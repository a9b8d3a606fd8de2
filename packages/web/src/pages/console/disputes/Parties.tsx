/**
 * A case's parties, masked as the server sends them. 查看 fetches one party's particulars for the mediator
 * who needs them — the server records every such view, and the modal says so — and 添加当事人 adds one.
 * A party under the station's guardian age is tagged: a guardian must attend.
 */
import { type DisputeView, PARTY_ROLE_LABELS, type PartyRevealed, type PartyView } from '@jingmin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Grid, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { NEW_PARTY, PartyFields, type PartyValues, toPartyInput } from './PartyFields';
import { useCaseSave } from './useCaseSave';

interface Props {
  d: DisputeView;
  canHandle: boolean;
  onChanged(d: DisputeView): void;
}

export function Parties({ d, canHandle, onChanged }: Props) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<{ party: PartyView; data: PartyRevealed } | null>(null);
  const reveal = useMutation({
    mutationFn: (p: PartyView) => disputesApi.reveal(d.id, p.id).then((data) => ({ party: p, data })),
    onSuccess: setRevealed,
    onError: (err) => message.error(errorMessage(err)),
  });
  const name = (p: PartyView) => (
    <>
      <Typography.Text strong>{p.nameMasked}</Typography.Text> <Tag>{label(PARTY_ROLE_LABELS[p.role])}</Tag>
      {p.kind === 'organisation' && <Tag>{t('单位', 'Organisation')}</Tag>}
      {p.minor && <Tag color="red">{t('未成年 · 需监护人到场', 'Minor · a guardian must attend')}</Tag>}
    </>
  );
  const revealButton = (p: PartyView) =>
    canHandle && (
      <Button size="small" loading={reveal.isPending && reveal.variables?.id === p.id} onClick={() => reveal.mutate(p)}>
        {t('查看', 'Show')}
      </Button>
    );
  const dash = (v: string | null) => v ?? '—';
  return (
    <Card
      size="small"
      title={t(`当事人（${d.parties.length}）`, `Parties (${d.parties.length})`)}
      extra={
        canHandle && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('添加当事人', 'Add a party')}
          </Button>
        )
      }
    >
      {d.parties.length === 0 ? (
        <Typography.Text type="secondary">{t('尚未登记当事人', 'No parties recorded yet')}</Typography.Text>
      ) : narrow ? (
        <Flex vertical gap={8}>
          {d.parties.map((p) => (
            <div key={p.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
              <Flex justify="space-between" align="start" gap={8}>
                <div>{name(p)}</div>
                {revealButton(p)}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[p.relation, p.phoneMasked, p.idNumberMasked].filter(Boolean).join(' · ') || '—'}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<PartyView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.parties}
          columns={[
            { title: t('当事人', 'Party'), render: (_, p) => name(p) },
            { title: t('关系', 'Relation'), dataIndex: 'relation', render: dash },
            { title: t('手机号码', 'Mobile'), dataIndex: 'phoneMasked', render: dash },
            { title: t('身份证号码', 'ID number'), dataIndex: 'idNumberMasked', render: dash },
            ...(canHandle ? [{ title: '', width: 72, render: (_: unknown, p: PartyView) => revealButton(p) }] : []),
          ]}
        />
      )}
      {adding && <AddParty d={d} onClose={() => setAdding(false)} onChanged={onChanged} />}
      {revealed && (
        <Modal
          open
          title={t('当事人信息', 'Party particulars')}
          footer={<Button onClick={() => setRevealed(null)}>{t('关闭', 'Close')}</Button>}
          onCancel={() => setRevealed(null)}
          width={420}
        >
          <Alert
            type="warning"
            showIcon
            title={t('本次查看已记录在审计日志中，仅用于调解工作。', 'This view is recorded in the audit trail.')}
            style={{ marginBottom: 12 }}
          />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('姓名', 'Name')}>{revealed.data.name}</Descriptions.Item>
            <Descriptions.Item label={t('手机号码', 'Mobile')}>
              {revealed.data.phone ? <a href={`tel:${revealed.data.phone}`}>{revealed.data.phone}</a> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('身份证号码', 'ID number')}>{revealed.data.idNumber ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Modal>
      )}
    </Card>
  );
}

function AddParty({ d, onClose, onChanged }: { d: DisputeView; onClose(): void; onChanged(d: DisputeView): void }) {
  const { t } = useLang();
  const [form] = Form.useForm<PartyValues>();
  const save = useCaseSave(
    (v: PartyValues) => disputesApi.addParty(d.id, toPartyInput(v)),
    t('当事人已添加', 'Party added'),
    {
      onClose,
      onChanged,
    },
  );
  return (
    <Modal
      open
      title={t('添加当事人', 'Add a party')}
      okText={t('添加', 'Add')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<PartyValues>
        form={form}
        layout="vertical"
        initialValues={{ ...NEW_PARTY, role: d.parties.length === 0 ? 'applicant' : 'respondent' }}
        onFinish={(v) => save.mutate(v)}
      >
        <PartyFields />
      </Form>
    </Modal>
  );
}

/**
 * 走访入户 (走访入户必评): staff who handle matters log a household visit on one of the three lines
 * (三线合一); its evaluation opens with it, and the QR of its link is shown at once so the household
 * rates the visit on the spot. The household also finds it on its doorplate page (待评价).
 */
import { VISIT_LINE_LABELS, VISIT_LINES, type VisitInput, type VisitLogged, type VisitView } from '@jingmin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Pagination,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useCan, useSession } from '../../../access';
import { errorMessage } from '../../../api/client';
import { households } from '../../../api/org';
import { visitsApi } from '../../../api/visits';
import { useLang } from '../../../i18n';
import { dateTime as when } from '../matter/labels';
import { StationPage } from '../matter/StationPicker';

const PAGE_SIZE = 20;

export default function VisitsPage() {
  const { t } = useLang();
  const can = useCan();
  // A partner department handles what is transferred to it; it does not visit households.
  if (can('matter.department_only'))
    return <Empty description={t('合作部门不登记入户走访', 'Partner departments do not log household visits')} />;
  return (
    <StationPage
      title={t('走访入户', 'Household visits')}
      intro={t(
        '走访入户必评：登记走访后即生成评价二维码，请住户当场扫码评价；住户也可在门牌页“待评价”中评价。',
        'Each logged visit opens its evaluation: show its QR so the household rates it on the spot, or it rates later from its doorplate page.',
      )}
    >
      {(stationId, { scope }) => <Visits stationId={stationId} searchUnitId={scope.stationId ? null : stationId} />}
    </StationPage>
  );
}

function Visits({ stationId, searchUnitId }: { stationId: string; searchUnitId: string | null }) {
  const { t, label } = useLang();
  const [page, setPage] = useState(1);
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<VisitLogged | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  const list = useQuery({
    queryKey: ['visits', stationId, page],
    queryFn: () => visitsApi.list(stationId, { page, pageSize: PAGE_SIZE }),
  });
  if (list.isError) return <Alert type="error" title={errorMessage(list.error)} />;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: list.data?.total ?? 0,
    hideOnSinglePage: true,
    onChange: setPage,
  };
  const rated = (v: boolean) =>
    v ? <Tag color="success">{t('已评价', 'Rated')}</Tag> : <Tag>{t('未评价', 'Not rated')}</Tag>;
  return (
    <>
      <Button type="primary" onClick={() => setLogging(true)} style={{ alignSelf: 'flex-start' }}>
        {t('登记走访', 'Log a visit')}
      </Button>
      {narrow ? (
        // On an officer's phone: one card per visit, nothing to scroll sideways.
        <Space orientation="vertical" style={{ width: '100%' }}>
          {list.isPending && <Spin />}
          {(list.data?.items ?? []).map((v) => (
            <Card key={v.id} size="small">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{v.address}</Typography.Text>
                {rated(v.evaluated)}
              </Flex>
              <Typography.Text type="secondary">
                {when(v.visitedAt)} · {label(VISIT_LINE_LABELS[v.line])} · {v.staffName}
              </Typography.Text>
              {v.note && <div>{v.note}</div>}
            </Card>
          ))}
          <Pagination {...pagination} size="small" align="center" />
        </Space>
      ) : (
        <Table<VisitView>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={pagination}
          columns={[
            { title: t('走访时间', 'When'), dataIndex: 'visitedAt', render: when },
            { title: t('门牌地址', 'Address'), dataIndex: 'address' },
            {
              title: t('条线', 'Line'),
              dataIndex: 'line',
              render: (v: VisitView['line']) => label(VISIT_LINE_LABELS[v]),
            },
            { title: t('走访人', 'Visitor'), dataIndex: 'staffName' },
            { title: t('情况记录', 'Note'), dataIndex: 'note', ellipsis: true },
            { title: t('评价', 'Evaluation'), dataIndex: 'evaluated', render: rated },
          ]}
        />
      )}
      {logging && (
        <LogVisit
          stationId={stationId}
          searchUnitId={searchUnitId}
          onClose={() => setLogging(false)}
          onLogged={(v) => {
            setLogging(false);
            setLogged(v);
          }}
        />
      )}
      {logged && <VisitQr visit={logged} onClose={() => setLogged(null)} />}
    </>
  );
}

type Values = Omit<VisitInput, 'visitedAt'> & { visitedAt?: Dayjs };

function LogVisit({
  stationId,
  searchUnitId,
  onClose,
  onLogged,
}: {
  stationId: string;
  /** Where to search households: the picked station for a bureau account, else the account's own scope. */
  searchUnitId: string | null;
  onClose(): void;
  onLogged(v: VisitLogged): void;
}) {
  const { t, label } = useLang();
  const { message } = App.useApp();
  const session = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const unitId = searchUnitId ?? session.user.scopeUnitId;
  const found = useQuery({
    queryKey: ['visit-households', unitId, q],
    queryFn: () => households.page({ unitId, q: q || undefined, page: 1, pageSize: 20 }),
    enabled: q.trim().length > 0,
  });
  const save = useMutation({
    mutationFn: (v: Values) => visitsApi.log({ ...v, visitedAt: v.visitedAt?.toISOString() }),
    onSuccess: (v) => {
      void client.invalidateQueries({ queryKey: ['visits', stationId] });
      message.success(t('走访已登记', 'Visit logged'));
      onLogged(v);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Modal
      open
      title={t('登记走访', 'Log a visit')}
      okText={t('登记并出示评价码', 'Log and show the QR')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ line: 'police' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="householdId"
          label={t('门牌地址', 'Household')}
          rules={[{ required: true, message: t('请搜索并选择门牌地址', 'Search for and choose the household') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={found.isFetching}
            placeholder={t('输入地址或门牌编码搜索', 'Type an address or doorplate code')}
            notFoundContent={q ? t('没有找到', 'Nothing found') : null}
            options={(found.data?.items ?? []).map((h) => ({
              value: h.id,
              label: `${h.address}（${h.doorplateCode} · ${h.unitName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="line" label={t('条线', 'Line')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={VISIT_LINES.map((v) => ({ value: v, label: label(VISIT_LINE_LABELS[v]) }))}
          />
        </Form.Item>
        <Form.Item
          name="visitedAt"
          label={t('走访时间（不填为现在）', 'When (now if empty)')}
          rules={[
            {
              validator: (_, v?: Dayjs) =>
                v?.isAfter(dayjs())
                  ? Promise.reject(new Error(t('走访时间不能晚于现在', 'A visit cannot be in the future')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('情况记录（仅本所可见）', 'Note (station only)')}>
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The evaluation's QR, shown on the visitor's phone at the door. */
function VisitQr({ visit, onClose }: { visit: VisitLogged; onClose(): void }) {
  const { t } = useLang();
  const url = `${window.location.origin}${visit.evaluation.path}`;
  return (
    <Modal
      open
      title={t('请住户扫码评价', 'Ask the household to scan and rate')}
      footer={null}
      onCancel={onClose}
      width={420}
    >
      <Space orientation="vertical" align="center" style={{ width: '100%' }}>
        <QRCodeSVG value={url} size={280} marginSize={2} title={t('走访评价二维码', 'Visit evaluation QR code')} />
        <Typography.Text strong>{visit.address}</Typography.Text>
        <Typography.Text type="secondary">
          {t(
            `评价只能提交一次，${when(visit.evaluation.expiresAt)} 前有效；住户也可在门牌页“待评价”中评价。`,
            `It can be answered once, until ${when(visit.evaluation.expiresAt)}; the household may also rate it from its doorplate page.`,
          )}
        </Typography.Text>
        <Button onClick={onClose}>{t('完成', 'Done')}</Button>
      </Space>
    </Modal>
  );
}

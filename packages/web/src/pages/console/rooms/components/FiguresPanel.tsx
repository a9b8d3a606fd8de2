/**
 * 数据: the station's rooms over a period (this month by default) — posts, "@" answered in time, matters and cases
 * made, lost and found, topics, reports — as cards; posts by the seven kinds of work as bars; each room in a table.
 * Only the rooms this staff member reads are counted. Readable on a phone: cards wrap two by two, the table scrolls.
 */
import { ROOM_WORK_TYPE_LABELS, type RoomFigures } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { roomReportsApi } from '../../../../api/room-reports';
import { useLang } from '../../../../i18n';

type Room = RoomFigures['rooms'][number];
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

function Figure({ title, value, note }: { title: string; value: ReactNode; note: string }) {
  return (
    <Col xs={12} sm={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} value={value as string} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Col>
  );
}

function Cards({ f }: { f: RoomFigures }) {
  const { t } = useLang();
  return (
    <Row gutter={[8, 8]}>
      <Figure
        title={t('发言', 'Posts')}
        value={f.posts}
        note={t(
          `群众 ${f.memberPosts} · 工作人员 ${f.staffPosts}`,
          `Residents ${f.memberPosts} · staff ${f.staffPosts}`,
        )}
      />
      <Figure
        title={t('@ 按时回复率', '"@" answered in time')}
        value={percent(f.answeredInTime, f.mentions)}
        note={t(
          `@ ${f.mentions}：按时 ${f.answeredInTime} · 超时 ${f.answeredLate} · 未回复 ${f.unanswered}`,
          `${f.mentions} "@": in time ${f.answeredInTime} · late ${f.answeredLate} · open ${f.unanswered}`,
        )}
      />
      <Figure
        title={t('转为事项 / 矛盾纠纷', 'Matters / cases')}
        value={`${f.matters} / ${f.cases}`}
        note={t('由本期发言转办', "From the period's posts")}
      />
      <Figure
        title={t('失物招领', 'Lost and found')}
        value={f.items.posted}
        note={t(`已找到或归还 ${f.items.closed}`, `Found or returned ${f.items.closed}`)}
      />
      <Figure
        title={t('议事', 'Topics')}
        value={f.topics.opened}
        note={t(
          `投票 ${f.topics.votes} · 已答复 ${f.topics.answered}`,
          `Votes ${f.topics.votes} · answered ${f.topics.answered}`,
        )}
      />
      <Figure
        title={t('举报', 'Reports')}
        value={f.reports.received}
        note={t(
          `隐藏 ${f.reports.hidden} · 忽略 ${f.reports.dismissed}`,
          `Hidden ${f.reports.hidden} · dismissed ${f.reports.dismissed}`,
        )}
      />
    </Row>
  );
}

function WorkTypes({ f }: { f: RoomFigures }) {
  const { t, label } = useLang();
  const most = Math.max(1, ...f.byWorkType.map((w) => w.posts));
  return (
    <Card size="small" title={t('七类工作（已标注的发言）', 'Seven kinds of work (tagged posts)')}>
      {f.byWorkType.map((w) => (
        <Flex key={w.workType} align="center" gap={8} style={{ margin: '4px 0' }}>
          <span style={{ width: 72, flex: 'none' }}>{label(ROOM_WORK_TYPE_LABELS[w.workType])}</span>
          <div aria-hidden style={{ flex: 1, height: 12, background: '#f0f0f0', borderRadius: 6 }}>
            <div
              style={{ width: `${(w.posts / most) * 100}%`, height: '100%', background: '#1677ff', borderRadius: 6 }}
            />
          </div>
          <span style={{ width: 36, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{w.posts}</span>
        </Flex>
      ))}
    </Card>
  );
}

function Rooms({ f }: { f: RoomFigures }) {
  const { t } = useLang();
  return (
    <Table<Room>
      rowKey="roomId"
      size="small"
      dataSource={f.rooms}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('没有可统计的群', 'No rooms') }}
      columns={[
        { title: t('群', 'Room'), dataIndex: 'name', fixed: 'left' },
        { title: t('成员', 'Members'), dataIndex: 'members', align: 'right' },
        { title: t('发言', 'Posts'), dataIndex: 'posts', align: 'right' },
        { title: '@', dataIndex: 'mentions', align: 'right' },
        {
          title: t('按时回复', 'In time'),
          key: 'inTime',
          align: 'right',
          render: (_, r) => (r.mentions ? `${r.answeredInTime}（${percent(r.answeredInTime, r.mentions)}）` : '0'),
        },
        { title: t('超时回复', 'Late'), dataIndex: 'answeredLate', align: 'right' },
        {
          title: t('未回复', 'Open'),
          dataIndex: 'unanswered',
          align: 'right',
          render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
        },
        { title: t('转事项', 'Matters'), dataIndex: 'matters', align: 'right' },
        { title: t('转纠纷', 'Cases'), dataIndex: 'cases', align: 'right' },
      ]}
    />
  );
}

export function FiguresPanel({ stationId }: { stationId: string }) {
  const { t } = useLang();
  // The last 30 days by default: early in a month "this month" would show a day or two.
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(29, 'day'), dayjs()]);
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const figures = useQuery({
    queryKey: ['room-figures', stationId, from, to],
    queryFn: () => roomReportsApi.figures(stationId, { from, to }),
  });
  const presets = [
    { label: t('近30天', 'Last 30 days'), value: [dayjs().subtract(29, 'day'), dayjs()] as [Dayjs, Dayjs] },
    { label: t('本月', 'This month'), value: [dayjs().startOf('month'), dayjs()] as [Dayjs, Dayjs] },
    {
      label: t('上月', 'Last month'),
      value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] as [
        Dayjs,
        Dayjs,
      ],
    },
    { label: t('今年', 'This year'), value: [dayjs().startOf('year'), dayjs()] as [Dayjs, Dayjs] },
  ];
  return (
    <Flex vertical gap={12}>
      <DatePicker.RangePicker
        aria-label={t('统计期间', 'Period')}
        value={period}
        allowClear={false}
        presets={presets}
        onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
        style={{ maxWidth: 320 }}
      />
      {figures.isError && <Alert type="error" title={errorMessage(figures.error)} />}
      {figures.isPending && <Spin />}
      {figures.data && (
        <>
          <Cards f={figures.data} />
          <Row gutter={[8, 8]}>
            <Col xs={24} lg={8}>
              <WorkTypes f={figures.data} />
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title={t('各群', 'By room')}>
                <Rooms f={figures.data} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}

/**
 * 三色看板: the station's open cases counted by colour (rows, most demanding first) and level (columns); a
 * count opens the list filtered to it; beside it the oldest cases of the most demanding colour; below, what
 * is due — 治安调解 sessions near or past their deadline, follow-ups and agreed duties past their date.
 */
import { DISPUTE_LEVEL_LABELS, DISPUTE_LEVELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { ColourTag, schemeOf, useDueDay } from './labels';

export function Board({ stationId, onPick }: { stationId: string; onPick(colour: string, level?: string): void }) {
  const { t, label } = useLang();
  const dueDay = useDueDay();
  const board = useQuery({ queryKey: ['dispute-board', stationId], queryFn: () => disputesApi.board(stationId) });
  const b = board.data;
  if (!b || b.open === 0) return null;
  const scheme = schemeOf(b.colourScheme);
  const countOf = (colour: string, level: string | null) =>
    b.cells
      .filter((c) => c.colour === colour && (level === null || c.level === level))
      .reduce((n, c) => n + c.count, 0);
  const rows = scheme.levels.map((l) => ({ key: l.key, colour: l.key }));
  const cell = (colour: string, level: string | null) => {
    const n = countOf(colour, level);
    return n ? (
      <Button type="link" size="small" onClick={() => onPick(colour, level ?? undefined)}>
        {n}
      </Button>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );
  };
  const top = scheme.levels[0];
  const WHAT: Record<string, [string, string]> = {
    session: ['治安调解期限', 'Session deadline'],
    follow_up: ['回访', 'Follow-up'],
    duty: ['协议履行', 'Agreed duty'],
  };
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t(`三色看板 · 未结 ${b.open} 件`, `Colour board · ${b.open} open`)}>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={rows}
            columns={[
              {
                title: t('颜色', 'Colour'),
                key: 'colour',
                render: (_, r) => <ColourTag scheme={b.colourScheme} colour={r.colour} />,
              },
              ...DISPUTE_LEVELS.map((level) => ({
                title: label(DISPUTE_LEVEL_LABELS[level]),
                key: level,
                render: (_: unknown, r: { colour: string }) => cell(r.colour, level),
              })),
              { title: t('合计', 'Total'), key: 'total', render: (_, r) => cell(r.colour, null) },
            ]}
          />
        </Card>
      </Col>
      {top && b.oldestTop.length > 0 && (
        <Col xs={24} lg={10}>
          <Card size="small" title={t(`受理最早的${label(top.name)}色案件`, `Oldest ${label(top.name)} cases`)}>
            {b.oldestTop.map((d) => (
              <div key={d.id} style={{ marginBottom: 6 }}>
                <Link to={`/console/disputes/${d.id}`}>{d.title}</Link>
                <Typography.Text type="secondary"> · {dateTime(d.acceptedAt)}</Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
      )}
      {b.due.length > 0 && (
        <Col xs={24}>
          <Card
            size="small"
            title={t(
              `到期与逾期 · ${b.due.filter((x) => x.overdue).length} 项逾期`,
              `Due · ${b.due.filter((x) => x.overdue).length} overdue`,
            )}
          >
            {b.due.map((x) => {
              const [zh, en] = WHAT[x.what] ?? [x.what, x.what];
              return (
                <div key={`${x.case.id}-${x.what}-${x.dueAt}`} style={{ marginBottom: 6 }}>
                  <Tag color={x.overdue ? 'red' : 'orange'}>
                    {t(zh, en)}
                    {x.overdue ? t(' · 逾期', ' · overdue') : t(' · 将到期', ' · due soon')}
                  </Tag>
                  <Link to={`/console/disputes/${x.case.id}`}>{x.case.title}</Link>
                  <Typography.Text type="secondary">
                    {' '}
                    · {x.case.number} · {t('期限', 'due')} {dueDay(x.dueAt)}
                  </Typography.Text>
                </div>
              );
            })}
          </Card>
        </Col>
      )}
    </Row>
  );
}

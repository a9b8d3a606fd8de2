/**
 * 三色看板: the station's open cases counted by colour (rows, most demanding first) and level (columns); a
 * count opens the list filtered to it; beside it the oldest cases of the most demanding colour.
 */
import { DISPUTE_LEVEL_LABELS, DISPUTE_LEVELS } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { disputesApi } from '../../../api/disputes';
import { useLang } from '../../../i18n';
import { dateTime } from '../matter/labels';
import { ColourTag, schemeOf } from './labels';

export function Board({ stationId, onPick }: { stationId: string; onPick(colour: string, level?: string): void }) {
  const { t, label } = useLang();
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
    </Row>
  );
}

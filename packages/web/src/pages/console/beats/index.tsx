/**
 * 警务区 (警格): a station's police beats — each one's responsible officer (责任民警), auxiliaries, 警务室 and
 * the villages and grids it covers ("一警多格") — and the places no beat covers yet. The beat covering a
 * place names the officer suggested at dispatch and shown on its doorplates. org.write holders (the chief,
 * the system administrator) add, change and remove beats.
 */
import type { PoliceBeat } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../access';
import { beatsApi } from '../../../api/beats';
import { errorMessage } from '../../../api/client';
import { useLang } from '../../../i18n';
import { StationPage } from '../matter/StationPicker';
import { BeatCard } from './components/BeatCard';
import { BeatForm } from './components/BeatForm';

export default function BeatsPage() {
  const { t } = useLang();
  return (
    <StationPage
      title={t('警务区', 'Police beats')}
      intro={t(
        '一警多格：每个警务区由一名责任民警负责，覆盖若干村（社区）和网格。事项的派单建议和门牌页上的责任民警，取覆盖该网格（没有则其所在村）的警务区的民警。',
        'One officer, many grids: each beat has a responsible officer and covers villages and grids. The officer of the beat covering a grid (else its village) is suggested for its matters and named on its doorplates.',
      )}
    >
      {(stationId) => <Beats stationId={stationId} />}
    </StationPage>
  );
}

function Beats({ stationId }: { stationId: string }) {
  const { t } = useLang();
  const can = useCan();
  const editable = can('org.write');
  // The beat being edited; `null` for a new one.
  const [editing, setEditing] = useState<PoliceBeat | null | undefined>(undefined);
  const list = useQuery({ queryKey: ['beats', stationId], queryFn: () => beatsApi.list(stationId) });
  if (list.isPending) return <Spin />;
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(list.error)} />;
  const { items, uncovered } = list.data;
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>
          {t(`共 ${items.length} 个警务区`, `${items.length} beat${items.length === 1 ? '' : 's'}`)}
        </Typography.Text>
        {editable && (
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('新建警务区', 'New police beat')}
          </Button>
        )}
      </Flex>
      {uncovered.length > 0 && <Uncovered places={uncovered} />}
      {items.length === 0 ? (
        <Empty description={t('本所还没有警务区', 'The station has no police beat yet')} />
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((b) => (
            <Col key={b.id} xs={24} lg={12} xxl={8}>
              <BeatCard beat={b} editable={editable} onEdit={() => setEditing(b)} />
            </Col>
          ))}
        </Row>
      )}
      {editing !== undefined && <BeatForm stationId={stationId} beat={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

/** Places no beat covers: matters from them get no suggested officer and their doorplates name none. */
function Uncovered({ places }: { places: { id: string; name: string; kind: string }[] }) {
  const { t } = useLang();
  return (
    <Alert
      type="warning"
      showIcon
      title={t(`${places.length} 处尚无警务区覆盖`, `${places.length} place(s) not covered by any beat`)}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t(
              '这些网格和村（社区）没有责任民警：事项没有派单建议，门牌页不显示民警。',
              'These have no responsible officer: their matters get no suggestion and their doorplates name none.',
            )}
          </Typography.Paragraph>
          {places.map((p) => (
            <Link key={p.id} to={`/console/tree?unit=${p.id}`}>
              <Tag style={{ marginBottom: 4 }}>{p.name}</Tag>
            </Link>
          ))}
        </>
      }
    />
  );
}

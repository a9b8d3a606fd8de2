/**
 * Which station a station-level page shows: the account's own, or — for the bureau and administrators
 * above several stations — the one picked here (the first by default).
 */
import { Empty, Flex, Select, Space, Spin, Typography } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { useLang } from '../../../i18n';
import { useStationScope } from './station';

export function useStationChoice() {
  const scope = useStationScope();
  const [picked, setPicked] = useState<string | null>(null);
  const stationId = scope.stationId ?? picked ?? scope.choices[0]?.id ?? null;
  return { scope, stationId, setPicked };
}

/** The picker, shown only to accounts above several stations. */
export function StationPicker({ choice }: { choice: ReturnType<typeof useStationChoice> }) {
  const { t } = useLang();
  const { scope, stationId, setPicked } = choice;
  if (scope.stationId || scope.choices.length === 0) return null;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('派出所', 'Station')}</Typography.Text>
      <Select
        aria-label={t('派出所', 'Station')}
        value={stationId}
        onChange={setPicked}
        style={{ minWidth: 220 }}
        options={scope.choices.map((s) => ({ value: s.id, label: s.name }))}
      />
    </Flex>
  );
}

/**
 * The frame of a station-level page: the picker (for accounts above several stations), the title and what the
 * page is for, then the chosen station's content — keyed by the station, so another pick starts it afresh.
 */
export function StationPage({
  title,
  intro,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  children: (stationId: string, choice: ReturnType<typeof useStationChoice>) => ReactNode;
}) {
  const { t } = useLang();
  const choice = useStationChoice();
  if (choice.scope.pending) return <Spin />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <StationPicker choice={choice} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {intro && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {intro}
        </Typography.Paragraph>
      )}
      {choice.stationId ? (
        <Fragment key={choice.stationId}>{children(choice.stationId, choice)}</Fragment>
      ) : (
        <Empty description={t('您的辖区下没有派出所', 'No police station in your scope')} />
      )}
    </Space>
  );
}

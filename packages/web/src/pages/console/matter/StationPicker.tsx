/**
 * Which station a station-level page shows: the account's own, or — for the bureau and administrators
 * above several stations — the one picked here (the first by default).
 */
import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
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

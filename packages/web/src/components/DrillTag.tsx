/**
 * The tag over a list that a dashboard figure opened: it says what the figure counted, and its close clears the
 * drill's keys from the address to go back to the whole list. One tag for every list (desk, field, rooms, warnings).
 */
import { Flex, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useLang } from '../i18n';

export type DrillWords = { zh: string; en: string };

/** Removes the drill's keys from the address, keeping the rest. */
export function useClearDrill(keys: readonly string[]) {
  const [, setParams] = useSearchParams();
  return () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of keys) next.delete(k);
        return next;
      },
      { replace: true },
    );
}

/** "看板：<what>（from 至 to）": the words of a drill that is a period and what was counted in it. */
export function periodWords(drill: { from: string; to: string }, what: DrillWords): DrillWords {
  return {
    zh: `看板：${what.zh}（${drill.from} 至 ${drill.to}）`,
    en: `Dashboard: ${what.en} (${drill.from} to ${drill.to})`,
  };
}

/** The tag, and beside it how many rows the list holds once it has loaded (`共 27 件`). */
export function DrillBar(props: {
  words: DrillWords;
  onClear(): void;
  total: number | undefined;
  unit: { zh: string; en: string };
}) {
  const { t } = useLang();
  return (
    <Flex gap={8} wrap align="center">
      <DrillTag words={props.words} onClear={props.onClear} />
      {props.total !== undefined && (
        <Typography.Text type="secondary">
          {t(`共 ${props.total} ${props.unit.zh}`, `${props.total} ${props.unit.en}`)}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function DrillTag({ words, onClear }: { words: DrillWords; onClear(): void }) {
  const { t } = useLang();
  return (
    <Tag
      color="purple"
      closable={{ 'aria-label': t('清除看板筛选', 'Clear the dashboard filter') }}
      onClose={(e) => {
        e.preventDefault();
        onClear();
      }}
      style={{ fontSize: 13, lineHeight: '24px', marginInlineEnd: 0, whiteSpace: 'normal' }}
    >
      {t(words.zh, words.en)}
    </Tag>
  );
}

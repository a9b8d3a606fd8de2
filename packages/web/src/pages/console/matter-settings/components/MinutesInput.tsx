/** Minutes, with the same span in days and hours under it so 4320 reads as "3天". */
import { InputNumber, Typography } from 'antd';
import { useLang } from '../../../../i18n';

/** 4320 → "3天", 90 → "1小时30分"; zero parts left out. */
export function formatSpan(minutes: number, t: (zh: string, en: string) => string): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return t(
    `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m ? `${m}分` : ''}`,
    [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' '),
  );
}

export function MinutesInput(props: {
  value?: number | null;
  onChange?(v: number | null): void;
  max: number;
  /** The inherited value, shown greyed while the cell is empty. */
  placeholder?: number;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useLang();
  const inherited = props.value == null;
  const shown = props.value ?? props.placeholder;
  if (props.disabled)
    return (
      <Typography.Text id={props.id} type={inherited ? 'secondary' : undefined}>
        {shown == null ? '—' : `${inherited ? t('沿用 ', 'inherits ') : ''}${shown}`}
        {shown != null && shown >= 60 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            ({formatSpan(shown, t)})
          </Typography.Text>
        )}
      </Typography.Text>
    );
  return (
    <div>
      <InputNumber
        id={props.id}
        aria-label={props['aria-label']}
        min={1}
        max={props.max}
        precision={0}
        value={props.value ?? null}
        onChange={(v) => props.onChange?.(v ?? null)}
        placeholder={props.placeholder === undefined ? undefined : String(props.placeholder)}
        disabled={props.disabled}
        style={{ width: '100%' }}
      />
      {shown != null && shown >= 60 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {inherited ? t('沿用 ', 'inherits ') : '= '}
          {formatSpan(shown, t)}
        </Typography.Text>
      )}
    </div>
  );
}

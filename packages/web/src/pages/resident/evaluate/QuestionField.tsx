/** One question of an evaluation, by its kind: a scale or one choice, several choices, stars, yes/no or text. */
import type { AnswerValue, PublicEvaluationView } from '@jingmin/shared';
import { ANSWER_TEXT_DEFAULT } from '@jingmin/shared';
import { Rate, Selector, TextArea } from 'antd-mobile';
import { useLang } from '../../../i18n';

export type AskedQuestion = PublicEvaluationView['template']['questions'][number];

interface Props {
  question: AskedQuestion;
  value: AnswerValue | undefined;
  onChange(value: AnswerValue | undefined): void;
}

export function QuestionField({ question: q, value, onChange }: Props) {
  const { t, label } = useLang();
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: label(o.label) }));
  switch (q.kind) {
    case 'scale':
    case 'one_choice':
      return (
        <Selector
          columns={q.kind === 'scale' ? 1 : 2}
          options={options}
          value={typeof value === 'string' ? [value] : []}
          onChange={(v) => onChange(v[0])}
        />
      );
    case 'many_choices':
      return (
        <>
          <div className="jm-muted" style={{ marginBottom: 6 }}>
            {t('可多选', 'Choose any that apply')}
          </div>
          <Selector
            multiple
            columns={2}
            options={options}
            value={Array.isArray(value) ? value : []}
            onChange={(v) => onChange(v.length ? v : undefined)}
          />
        </>
      );
    case 'stars':
      return (
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <Rate
            style={{ '--star-size': '36px' } as React.CSSProperties}
            value={typeof value === 'number' ? value : 0}
            onChange={(v) => onChange(v || undefined)}
          />
          <span>{typeof value === 'number' ? t(`${value} 星`, `${value} of 5`) : t('未选', 'Not chosen')}</span>
        </div>
      );
    case 'yes_no':
      return (
        <Selector
          columns={2}
          options={[
            { value: 'yes', label: t('是', 'Yes') },
            { value: 'no', label: t('否', 'No') },
          ]}
          value={value === true ? ['yes'] : value === false ? ['no'] : []}
          onChange={(v) => onChange(v[0] === undefined ? undefined : v[0] === 'yes')}
        />
      );
    case 'text':
      return (
        <div className="jm-field">
          <TextArea
            aria-label={label(q.label)}
            placeholder={q.required ? t('请填写', 'Please write here') : t('选填', 'Optional')}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={q.maxLength ?? ANSWER_TEXT_DEFAULT}
            showCount
            value={typeof value === 'string' ? value : ''}
            onChange={(v) => onChange(v === '' ? undefined : v)}
          />
        </div>
      );
  }
}

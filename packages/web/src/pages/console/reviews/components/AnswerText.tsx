/**
 * The resident's answer as they gave it, question by question, with the labels of the questions in
 * force. Free text is shown as text (React escapes it), never as markup.
 */
import type { EvaluationType } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { reviewsApi } from '../../../../api/reviews';
import { useLang } from '../../../../i18n';

export function AnswerText(props: { stationId: string; type: EvaluationType; answers: Record<string, unknown> }) {
  const { t, label } = useLang();
  const template = useQuery({
    queryKey: ['evaluation-template', props.stationId, props.type],
    queryFn: () => reviewsApi.template(props.stationId, props.type),
    staleTime: 300_000,
  });
  const questions = template.data?.questions ?? [];
  const shown = (id: string, value: unknown): string => {
    const q = questions.find((x) => x.id === id);
    const one = (v: unknown) => {
      const o = q?.options?.find((x) => x.value === v);
      return o ? label(o.label) : String(v);
    };
    if (Array.isArray(value)) return value.map(one).join('、');
    if (typeof value === 'boolean') return value ? t('是', 'Yes') : t('否', 'No');
    if (q?.kind === 'stars') return t(`${value} 星`, `${value} stars`);
    return one(value);
  };
  // In the order the questions are asked; answers to questions no longer asked come last.
  const order = (id: string) => {
    const i = questions.findIndex((q) => q.id === id);
    return i < 0 ? questions.length : i;
  };
  const entries = Object.entries(props.answers).sort(([a], [b]) => order(a) - order(b));
  const asked = (text: string) => (/[？?：:]$/.test(text) ? text : `${text}：`);
  if (entries.length === 0) return <Typography.Text type="secondary">{t('（未作答）', '(no answer)')}</Typography.Text>;
  return (
    <div>
      {entries.map(([id, value]) => {
        const q = questions.find((x) => x.id === id);
        return (
          <div key={id} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{asked(q ? label(q.label) : id)} </Typography.Text>
            <Typography.Text>{shown(id, value)}</Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

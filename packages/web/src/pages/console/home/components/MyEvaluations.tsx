/**
 * 我的评价 on the 工作台: what residents said of one's own work these six months, as figures only —
 * never an answer. Below five rated answers the card says the sample is too small to judge by.
 */
import { FIGURE_DEFINITIONS, type MyEvaluationFigures } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { api } from '../../../../api/client';
import { useLang } from '../../../../i18n';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function MyEvaluations() {
  const { t, label } = useLang();
  const mine = useQuery({
    queryKey: ['evaluation-figures', 'mine'],
    queryFn: () => api.get<MyEvaluationFigures>('/evaluation-figures/mine'),
  });
  const f = mine.data;
  if (!f || f.totals.requests === 0) return null;
  const how = FIGURE_DEFINITIONS.find((d) => d.id === 'satisfactionRate');
  return (
    <Card title={t(`我的评价（${f.from} 至 ${f.to}）`, `Residents' evaluations of my work (${f.from} to ${f.to})`)}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic
            title={t('满意率', 'Satisfaction')}
            valueRender={() => (f.sampleTooSmall ? t('样本不足', 'Too few') : percent(f.totals.satisfactionRate))}
          />
          <Typography.Text type="secondary">
            {f.totals.satisfied}/{f.totals.rated}
          </Typography.Text>
        </Col>
        <Col span={8}>
          <Statistic title={t('已评价', 'Answered')} value={f.totals.answered} />
        </Col>
        <Col span={8}>
          <Statistic title={t('不满意', 'Unsatisfied')} value={f.totals.unsatisfied} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {f.sampleTooSmall
          ? t(
              `有满意度的评价不足 ${f.minAnswersPerOfficer} 条，只给您本人看，不作评判。`,
              `Fewer than ${f.minAnswersPerOfficer} rated answers: shown to you only, not a verdict.`,
            )
          : how && label(how.how)}
      </Typography.Paragraph>
    </Card>
  );
}

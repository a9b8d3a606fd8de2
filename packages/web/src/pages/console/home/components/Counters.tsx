/**
 * The 工作台's figures. Each count is a link to the list it counts: the desk inbox for those who hold
 * the desk, 我的任务 for everyone else (whose figures count only what they hold). The server counts
 * and lists by the same rule, so the list opened shows exactly the number clicked.
 */

import { RightOutlined } from '@ant-design/icons';
import { COUNTER_FIGURES, type DeskSummary, MATTER_COUNTER_LABELS, type MatterCounter } from '@jingmin/shared';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang } from '../../../../i18n';
import { counterLink } from '../../matter/url-filter';

/** Counts that are bad news when above zero. */
const ALARMING = new Set<MatterCounter>(['overdue', 'awaiting_review']);

function Figure({ title, children, to }: { title: string; children: ReactNode; to?: string }) {
  const body = (
    <div className={to ? 'jm-figure jm-figure-link' : 'jm-figure'}>
      <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'nowrap' }}>
        {title}
        {to && <RightOutlined style={{ fontSize: 10, marginInlineStart: 4 }} />}
      </Typography.Text>
      {children}
    </div>
  );
  return (
    <Col xs={12} md={8}>
      {to ? (
        <Link to={to} style={{ display: 'block', color: 'inherit' }}>
          {body}
        </Link>
      ) : (
        body
      )}
    </Col>
  );
}

export function Counters(props: {
  s: DeskSummary;
  /** Where the counts lead: the desk inbox, or 我的任务 (figures of the caller's own tasks). */
  page: 'desk' | 'tasks';
  counters: MatterCounter[];
  /** Figures of the day that are not a list (average first response). */
  extra?: boolean;
}) {
  const { t, label } = useLang();
  const { s, page } = props;
  const count = (c: MatterCounter) => {
    const n = s[COUNTER_FIGURES[c]];
    return (
      <Figure key={c} title={label(MATTER_COUNTER_LABELS[c])} to={counterLink(page, c)}>
        <Statistic value={n} styles={{ content: { color: ALARMING.has(c) && n ? '#cf1322' : undefined } }} />
      </Figure>
    );
  };
  return (
    <Card title={page === 'desk' ? t('今日值班', 'Today at the desk') : t('我的任务', 'My tasks')}>
      <Row gutter={[16, 16]}>
        {props.counters.map(count)}
        {props.extra && (
          <Figure title={t('今日平均首次响应', 'Avg first response today')}>
            <Statistic
              value={s.averageFirstResponseMinutesToday ?? '—'}
              suffix={s.averageFirstResponseMinutesToday === null ? '' : t('分钟', 'min')}
            />
          </Figure>
        )}
        {props.extra && (
          <Figure title={t('满意率', 'Satisfaction')} to={counterLink(page, 'rated')}>
            <Statistic
              value={s.satisfactionRate === null ? '—' : (s.satisfactionRate * 100).toFixed(1)}
              suffix={s.satisfactionRate === null ? '' : '%'}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`${s.rated} 件已评价`, `${s.rated} rated`)}
            </Typography.Text>
          </Figure>
        )}
      </Row>
      <style>
        {'.jm-figure { padding: 8px 10px; border-radius: 6px; border: 1px solid transparent; } ' +
          '.jm-figure-link:hover, .jm-figure-link:focus-visible { border-color: #1d4f91; background: #f5f8fc; }'}
      </style>
    </Card>
  );
}

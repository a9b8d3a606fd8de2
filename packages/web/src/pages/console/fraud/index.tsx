/**
 * 反诈预警 (快接、快推、快核、快反): instructions from the anti-fraud centre or entered by the desk, each with its
 * contact countdown; an officer sees its own, the desk and the chief every one of the scope and enter and assign
 * them; the figures (counts and money only), the upstream systems and the station's rules for those who hold them.
 * The person named is someone at risk: their data shows only to the handler, the desk and the chief, audited.
 */
import type { Capability } from '@jingmin/shared';
import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../access';
import { useLang } from '../../../i18n';
import { Figures } from './Figures';
import { Instructions } from './Instructions';
import { FraudRules } from './Rules';
import { Upstreams } from './Upstreams';

export default function FraudPage() {
  const { t } = useLang();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tabs: { key: string; cap: Capability; label: string; children: ReactNode }[] = [
    { key: 'list', cap: 'fraud.handle', label: t('预警指令', 'Instructions'), children: <Instructions /> },
    { key: 'figures', cap: 'fraud.figures', label: t('统计', 'Figures'), children: <Figures /> },
    { key: 'upstreams', cap: 'fraud.manage', label: t('上游接入', 'Upstream systems'), children: <Upstreams /> },
    { key: 'rules', cap: 'fraud.manage', label: t('反诈规则', 'Rules'), children: <FraudRules /> },
  ];
  const items = tabs.filter((x) => can(x.cap)).map(({ cap: _, ...rest }) => rest);
  const active = items.some((i) => i.key === params.get('tab')) ? (params.get('tab') as string) : items[0]?.key;
  return (
    <>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('反诈预警劝阻', 'Anti-fraud warnings')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t(
          '反诈中心推送或值班台录入的预警指令，按网格推给责任民警，限时联系当事人劝阻，核查结果反馈上游（快接、快推、快核、快反）。',
          'Instructions from the anti-fraud centre or the desk go to the grid’s officer, who contacts the person in time; the result goes back upstream.',
        )}
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={items}
        destroyOnHidden
      />
    </>
  );
}

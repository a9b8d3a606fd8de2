/**
 * 待评价: the evaluations still open for this door (or this verified phone) — what the work was and
 * when, never who — each with 去评价, which asks for a fresh link and opens it. Nothing is shown
 * when nothing waits.
 */
import type { EvaluationLink, WaitingEvaluation } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../../api/client';
import { useLang } from '../../../../i18n';

interface Props {
  /** Query key of the list: the door's token or the phone's. */
  queryKey: readonly unknown[];
  load(): Promise<{ items: WaitingEvaluation[] }>;
  link(id: string): Promise<EvaluationLink>;
  /** Where to go without a fresh link, when there is a better place (a matter's own tracking page). */
  direct?(item: WaitingEvaluation): string | null;
}

/** `11-30` of a time, in Beijing. */
const shortDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 10);

export function WaitingCard({ queryKey, load, link, direct }: Props) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [opening, setOpening] = useState<string | null>(null);
  const list = useQuery({ queryKey, queryFn: load, retry: false });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const open = async (item: WaitingEvaluation) => {
    const { id } = item;
    const path = direct?.(item);
    if (path) return navigate(path);
    setOpening(id);
    try {
      const { path } = await link(id);
      navigate(path);
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
      void list.refetch();
    } finally {
      setOpening(null);
    }
  };
  return (
    <Card
      title={t(`待评价（${items.length}）`, `Waiting for your evaluation (${items.length})`)}
      style={{ margin: 12 }}
    >
      <div className="jm-muted" style={{ marginBottom: 4 }}>
        {t('请为派出所的工作打分，每项只能评价一次', 'Please rate the station’s work; each can be rated once')}
      </div>
      <List style={{ '--border-top': 'none', '--border-bottom': 'none', '--padding-left': '0' }}>
        {items.map((item) => (
          <List.Item
            key={item.id}
            description={`${item.stationName} · ${t(`${shortDate(item.expiresAt)} 前有效`, `open until ${shortDate(item.expiresAt)}`)}`}
            extra={
              <Button size="small" color="primary" loading={opening === item.id} onClick={() => void open(item)}>
                {t('去评价', 'Rate')}
              </Button>
            }
          >
            {item.title}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

/**
 * /m/<tracking link>: the resident follows the matter live (SSE, with the
 * browser's own reconnect) and rates it once it is resolved.
 */
import { MATTER_KIND_LABELS, MATTER_STATUS_LABELS, RATING_LABELS, RATINGS, type Rating } from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Selector, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { resident } from '../../../api/resident';
import { ResidentLoading, ResidentProblem, ResidentShell } from '../components/ResidentShell';

const EVENT_TEXT: Record<string, string> = {
  'matter.submitted': '已提交',
  'matter.accept': '派出所已受理',
  'matter.dispatch': '已派给责任民警/部门',
  'matter.transfer': '已转交办理',
  'matter.take': '已接单，正在办理',
  'matter.reply': '办理人员回复',
  'matter.resolve': '已办结',
  'matter.rate': '您已评价',
  'matter.reopen': '重新办理',
  'matter.return': '退回派出所重新安排',
  'matter.close': '已关闭',
  'matter.invalidate': '未受理',
  'matter.merge': '已与相同事项合并办理',
};

export default function MatterPage() {
  const { tracking = '' } = useParams();
  const view = useQuery({
    queryKey: ['resident-matter', tracking],
    queryFn: () => resident.matter(tracking),
    retry: false,
  });
  const [live, setLive] = useState(false);
  const { refetch } = view;
  useEffect(() => {
    const source = new EventSource(`/api/v1/public/matters/${tracking}/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = () => void refetch();
    for (const type of Object.keys(EVENT_TEXT)) source.addEventListener(type, () => void refetch());
    return () => source.close();
  }, [tracking, refetch]);

  if (view.isPending) return <ResidentLoading />;
  if (!view.data) {
    const unknown = view.error instanceof ApiError && view.error.status === 404;
    return unknown ? (
      <ResidentProblem title="链接无效，请使用提交时保存的链接，或致电派出所" />
    ) : (
      <ResidentProblem title="网络不稳定，暂时打不开" onRetry={() => void refetch()} />
    );
  }
  const m = view.data;
  return (
    <ResidentShell>
      <Card
        title={`回执号 ${m.number}`}
        extra={<Tag color={live ? 'success' : 'default'}>{live ? '实时更新' : '连接中'}</Tag>}
        style={{ margin: 12 }}
      >
        <div style={{ lineHeight: 1.8 }}>
          <div>
            {MATTER_KIND_LABELS[m.kind].zh} · <strong>{MATTER_STATUS_LABELS[m.status].zh}</strong>
          </div>
          <div style={{ whiteSpace: 'pre-wrap', color: '#333' }}>{m.body}</div>
          <div style={{ color: '#666' }}>
            {m.address} · {m.stationName}
          </div>
          {m.handledBy && <div>办理：{m.handledBy}</div>}
          {m.outcome && <div>办结情况：{m.outcome}</div>}
        </div>
      </Card>
      <Card title="办理进度" style={{ margin: 12 }}>
        <Steps direction="vertical" current={m.timeline.length - 1}>
          {m.timeline.map((e) => (
            <Steps.Step
              key={e.id}
              status="finish"
              title={EVENT_TEXT[e.type] ?? e.type}
              description={
                <div>
                  <div>{new Date(e.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</div>
                  {e.note && <div style={{ whiteSpace: 'pre-wrap', color: '#333' }}>{e.note}</div>}
                </div>
              }
            />
          ))}
        </Steps>
      </Card>
      {m.canRate && <RateCard tracking={tracking} onDone={() => void refetch()} />}
      {m.rating && <Card style={{ margin: 12 }}>您的评价：{RATING_LABELS[m.rating].zh}，谢谢！</Card>}
    </ResidentShell>
  );
}

function RateCard({ tracking, onDone }: { tracking: string; onDone(): void }) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!rating) return;
    setSending(true);
    try {
      await resident.rate(tracking, { rating, ...(comment.trim() ? { comment } : {}) });
      onDone();
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title="请为这次办理评价" style={{ margin: 12 }}>
      <Selector
        columns={3}
        value={rating ? [rating] : []}
        onChange={(v) => setRating((v[0] as Rating) ?? null)}
        options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r].zh }))}
      />
      <TextArea
        placeholder="想说的话（可选）"
        value={comment}
        onChange={setComment}
        maxLength={500}
        style={{ marginTop: 12 }}
      />
      <Button block color="primary" style={{ marginTop: 12 }} disabled={!rating} loading={sending} onClick={send}>
        提交评价
      </Button>
    </Card>
  );
}

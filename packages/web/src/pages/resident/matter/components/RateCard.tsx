/**
 * 评单: the resident rates each round of handling once; the answer is theirs
 * alone (no default satisfaction). After 不满意 the page says when the chief calls back.
 */
import { RATING_LABELS, RATINGS, type Rating, type ResidentMatterView } from '@jingmin/shared';
import { Button, Card, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';
import { deviceKeyHeader } from '../../evaluate/device-key';

interface Props {
  tracking: string;
  /** 1 unless the chief reopened the matter. */
  round: number;
  onDone(view: ResidentMatterView): void;
}

export function RateCard({ tracking, round, onDone }: Props) {
  const { t, label } = useLang();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!rating) return;
    setSending(true);
    try {
      onDone(await resident.rate(tracking, { rating, ...(comment.trim() ? { comment } : {}) }, deviceKeyHeader()));
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };
  return (
    <Card
      title={
        round > 1
          ? t(`请为第${round}次办理评价`, `Please rate round ${round} of the handling`)
          : t('请为这次办理评价', 'Please rate how this was handled')
      }
      style={{ margin: 12 }}
    >
      <Selector
        columns={3}
        value={rating ? [rating] : []}
        onChange={(v) => setRating((v[0] as Rating) ?? null)}
        options={RATINGS.map((r) => ({ value: r, label: label(RATING_LABELS[r]) }))}
      />
      <label htmlFor="jm-rate-comment" className="jm-muted" style={{ display: 'block', marginTop: 12 }}>
        {t('想说的话（可选）', 'Anything to add (optional)')}
      </label>
      <div className="jm-field">
        <TextArea
          id="jm-rate-comment"
          value={comment}
          onChange={setComment}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
        />
      </div>
      <Button block color="primary" style={{ marginTop: 12 }} disabled={!rating} loading={sending} onClick={send}>
        {t('提交评价', 'Send rating')}
      </Button>
    </Card>
  );
}

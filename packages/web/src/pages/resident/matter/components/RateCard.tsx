/** 评单: the resident rates a resolved matter once; the answer is theirs alone (no default satisfaction). */
import { RATING_LABELS, RATINGS, type Rating, type ResidentMatterView } from '@jingmin/shared';
import { Button, Card, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { resident } from '../../../../api/resident';
import { useLang } from '../../../../i18n';

export function RateCard({ tracking, onDone }: { tracking: string; onDone(view: ResidentMatterView): void }) {
  const { t, label } = useLang();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    if (!rating) return;
    setSending(true);
    try {
      onDone(await resident.rate(tracking, { rating, ...(comment.trim() ? { comment } : {}) }));
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title={t('请为这次办理评价', 'Please rate how this was handled')} style={{ margin: 12 }}>
      <Selector
        columns={3}
        value={rating ? [rating] : []}
        onChange={(v) => setRating((v[0] as Rating) ?? null)}
        options={RATINGS.map((r) => ({ value: r, label: label(RATING_LABELS[r]) }))}
      />
      <TextArea
        placeholder={t('想说的话（可选）', 'Anything to add (optional)')}
        value={comment}
        onChange={setComment}
        maxLength={500}
        style={{ marginTop: 12 }}
      />
      <Button block color="primary" style={{ marginTop: 12 }} disabled={!rating} loading={sending} onClick={send}>
        {t('提交评价', 'Send rating')}
      </Button>
    </Card>
  );
}

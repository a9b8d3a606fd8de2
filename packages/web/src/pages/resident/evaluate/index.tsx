/**
 * /e/<token>: 五必评 — the resident answers one evaluation (a window, a
 * meeting, a visit …) through a single-use link or QR. The station's questions
 * are shown with their skip rules applied as the resident answers; required
 * questions are marked; the answer is sent once. A used, expired or unknown
 * link says so in plain words.
 */
import {
  type Answers,
  type AnswerValue,
  answerProblemText,
  EVALUATION_TYPE_LABELS,
  isSkipped,
  validateAnswers,
} from '@jingmin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { evaluations } from '../../../api/evaluations';
import { useLang } from '../../../i18n';
import { ResidentLoading, ResidentProblem, ResidentShell, useDocumentTitle } from '../components/ResidentShell';
import { MUTED } from '../components/residentStyle';
import { deviceKeyHeader } from './device-key';
import { type AskedQuestion, QuestionField } from './QuestionField';

/** The page after a plain-words state: used, expired, unknown, thanks. */
function Said({ title, body }: { title: string; body: string }) {
  return (
    <ResidentShell>
      <div role="status" style={{ padding: '48px 24px', textAlign: 'center' }}>
        <div style={{ fontSize: '1.25em', fontWeight: 600, marginBottom: 12 }}>{title}</div>
        <div style={{ color: MUTED }}>{body}</div>
      </div>
    </ResidentShell>
  );
}

/** Drops answers to questions a later choice now skips, so what is sent matches what is shown. */
function shownAnswers(questions: AskedQuestion[], answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || isSkipped(q, kept)) continue;
    if (typeof value === 'string' && !value.trim()) continue;
    kept[q.id] = value;
  }
  return kept;
}

export default function EvaluatePage() {
  const { t, label, locale } = useLang();
  const { token = '' } = useParams();
  // A refused QR scan arrives here with the reason instead of an evaluation.
  const [search] = useSearchParams();
  const refused = search.get('problem');
  const view = useQuery({
    queryKey: ['evaluation', token],
    queryFn: () => evaluations.open(token),
    retry: false,
    enabled: !refused,
  });
  const [answers, setAnswers] = useState<Answers>({});
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const e = view.data;
  useDocumentTitle(e ? t(`${e.stationName} · 评价`, `${e.stationName} · Evaluation`) : null);

  if (done)
    return (
      <Said
        title={t('感谢您的评价', 'Thank you for your evaluation')}
        body={t(
          '您的意见已送到派出所，我们会认真改进。',
          'Your answer has reached the police station; we will act on it.',
        )}
      />
    );
  if (refused === 'RATE_LIMITED')
    return (
      <Said
        title={t('扫码太频繁了', 'Too many scans')}
        body={t(
          '这个网络短时间内扫码次数太多，请过几分钟再扫。',
          'Too many scans from this network just now; please scan again in a few minutes.',
        )}
      />
    );
  if (refused)
    return (
      <Said
        title={t('这个评价码已失效', 'This evaluation code is no longer valid')}
        body={t(
          '评价码可能已经更换。请扫窗口或会场现在张贴的二维码，或直接向工作人员反映意见。',
          'The code may have been replaced. Please scan the code now on display, or tell the staff directly.',
        )}
      />
    );
  if (view.error) {
    const code = view.error instanceof ApiError ? view.error.code : '';
    if (code === 'EVALUATION_ANSWERED')
      return (
        <Said
          title={t('这次评价已经提交过了', 'This evaluation has already been given')}
          body={t('每个评价码只能评价一次，感谢您的参与。', 'Each evaluation code can be used once. Thank you.')}
        />
      );
    if (code === 'EVALUATION_EXPIRED')
      return (
        <Said
          title={t('这个评价已经过期', 'This evaluation has expired')}
          body={t(
            '评价时间已过。如有意见，可以直接联系派出所。',
            'The time to answer has passed. You may contact the station directly.',
          )}
        />
      );
    if (code === 'NOT_FOUND')
      return (
        <Said
          title={t('没有找到这个评价', 'This evaluation was not found')}
          body={t('请检查链接是否完整，或重新扫码。', 'Please check the link is complete, or scan the code again.')}
        />
      );
    return <ResidentProblem title={errorMessage(view.error)} onRetry={() => void view.refetch()} />;
  }
  if (!e) return <ResidentLoading />;

  const questions = e.template.questions as AskedQuestion[];
  const set = (id: string, value: AnswerValue | undefined) => {
    setProblem(null);
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
  };
  const submit = async () => {
    const sent = shownAnswers(questions, answers);
    const local = validateAnswers({ questions }, sent);
    if (local) {
      setProblem(answerProblemText({ questions }, local, locale === 'en' ? 'en' : 'zh-CN'));
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      await evaluations.answer(token, { version: e.template.version, answers: sent }, deviceKeyHeader());
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'EVALUATION_ANSWERED') return void view.refetch();
      Toast.show({ icon: 'fail', content: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  let number = 0;
  return (
    <ResidentShell>
      <div style={{ padding: '8px 12px 4px' }}>
        <h1 style={{ fontSize: '1.25em', margin: '4px 0' }}>{e.stationName}</h1>
        <div className="jm-muted">
          {t(
            `${EVALUATION_TYPE_LABELS[e.type].zh}评价 · 带 * 的题必须回答`,
            `${EVALUATION_TYPE_LABELS[e.type].en} · questions marked * must be answered`,
          )}
        </div>
      </div>
      {questions.map((q) => {
        if (isSkipped(q, shownAnswers(questions, answers))) return null;
        number += 1;
        return (
          <Card key={q.id} style={{ margin: 12 }}>
            <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
              <legend style={{ fontWeight: 600, marginBottom: 8, padding: 0 }}>
                {number}. {label(q.label)}
                {q.required && (
                  <span style={{ color: '#c8102e', marginLeft: 6, fontSize: '.85em', fontWeight: 400 }}>
                    * {t('必答', 'required')}
                  </span>
                )}
              </legend>
              <QuestionField question={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} />
            </fieldset>
          </Card>
        );
      })}
      <div style={{ padding: '4px 12px 32px' }}>
        {problem && (
          <div role="alert" style={{ color: '#c8102e', marginBottom: 8 }}>
            {problem}
          </div>
        )}
        <Button block color="primary" size="large" loading={sending} onClick={() => void submit()}>
          {t('提交评价', 'Send evaluation')}
        </Button>
        <div className="jm-muted" style={{ marginTop: 8 }}>
          {t('评价只能提交一次，提交后不能修改。', 'An evaluation is sent once and cannot be changed.')}
        </div>
      </div>
    </ResidentShell>
  );
}

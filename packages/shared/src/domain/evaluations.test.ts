import { describe, expect, it } from 'vitest';
import { EvaluationTemplateInput } from '../schemas/evaluations.js';
import {
  answerProblemText,
  type EvaluationTemplate,
  isSatisfiedAnswer,
  presetTemplate,
  SATISFACTION_SCALES,
  validateAnswers,
} from './evaluations.js';

const three = presetTemplate('meeting');
const five = presetTemplate('reception', 'five');

/** One question of every kind: the checks each kind makes. */
const everyKind: EvaluationTemplate = {
  questions: [
    ...three.questions.slice(0, 2),
    { id: 'stars', kind: 'stars', label: { zh: '打几颗星？', en: 'Stars?' }, required: true },
    { id: 'again', kind: 'yes_no', label: { zh: '还会再来吗？', en: 'Come again?' }, required: false },
    {
      id: 'window',
      kind: 'one_choice',
      label: { zh: '哪个窗口？', en: 'Which window?' },
      required: false,
      options: [
        { value: 'w1', label: { zh: '1号窗口', en: 'Window 1' } },
        { value: 'w2', label: { zh: '2号窗口', en: 'Window 2' } },
      ],
    },
    { id: 'remark', kind: 'text', label: { zh: '建议', en: 'Suggestion' }, required: false, maxLength: 10 },
  ],
};

describe('the three-level scale in use now', () => {
  it('counts 满意 and 基本满意 as satisfied, 不满意 not; an unanswered scale is not rated', () => {
    expect(isSatisfiedAnswer(three, { overall: 'satisfied' })).toBe(true);
    expect(isSatisfiedAnswer(three, { overall: 'fairly_satisfied' })).toBe(true);
    expect(isSatisfiedAnswer(three, { overall: 'unsatisfied', wrong: ['slow'] })).toBe(false);
    expect(isSatisfiedAnswer(three, {})).toBeNull();
  });

  it('skips "what went wrong" when satisfied, and asks it when not', () => {
    expect(validateAnswers(three, { overall: 'satisfied' })).toBeNull();
    expect(validateAnswers(three, { overall: 'unsatisfied' })).toEqual({ kind: 'required', question: 'wrong' });
    expect(validateAnswers(three, { overall: 'unsatisfied', wrong: ['attitude', 'slow'] })).toBeNull();
  });
});

describe('the national 好差评 five-level scale', () => {
  it('lists 非常满意 … 非常不满意 and counts the first three as satisfied', () => {
    expect(SATISFACTION_SCALES.five.map((o) => o.label.zh)).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    const counted = ['very_satisfied', 'satisfied', 'fairly_satisfied', 'unsatisfied', 'very_unsatisfied'].map((v) =>
      isSatisfiedAnswer(five, { overall: v, ...(v.includes('unsatisfied') ? { wrong: ['other'] } : {}) }),
    );
    expect(counted).toEqual([true, true, true, false, false]);
  });

  it('skips "what went wrong" for 非常满意 and asks it for 非常不满意', () => {
    expect(validateAnswers(five, { overall: 'very_satisfied' })).toBeNull();
    expect(validateAnswers(five, { overall: 'very_unsatisfied' })).toEqual({ kind: 'required', question: 'wrong' });
  });

  it('is a sound template a station may set', () => {
    expect(EvaluationTemplateInput.safeParse(five).success).toBe(true);
  });
});

describe('every problem names its question', () => {
  const base = { overall: 'satisfied', stars: 4 };

  it('accepts a full answer of every kind', () => {
    expect(validateAnswers(everyKind, { ...base, again: true, window: 'w2', remark: '很好' })).toBeNull();
  });

  it.each([
    ['a required scale missing', {}, { kind: 'required', question: 'overall' }],
    ['a required star count missing', { overall: 'satisfied' }, { kind: 'required', question: 'stars' }],
    ['a scale value not in the list', { ...base, overall: 'great' }, { kind: 'not_an_option', question: 'overall' }],
    ['six stars', { ...base, stars: 6 }, { kind: 'not_an_option', question: 'stars' }],
    ['yes/no answered with text', { ...base, again: 'yes' }, { kind: 'not_an_option', question: 'again' }],
    ['one choice not in the list', { ...base, window: 'w9' }, { kind: 'not_an_option', question: 'window' }],
    [
      'several choices with a stranger',
      { overall: 'unsatisfied', wrong: ['slow', 'x'], stars: 1 },
      { kind: 'not_an_option', question: 'wrong' },
    ],
    ['text too long', { ...base, remark: '太'.repeat(11) }, { kind: 'too_long', question: 'remark', limit: 10 }],
    ['an answer to a skipped question', { ...base, wrong: ['slow'] }, { kind: 'skipped', question: 'wrong' }],
    ['an answer to no question', { ...base, extra: 'x' }, { kind: 'unknown_question', question: 'extra' }],
  ])('%s', (_, answers, problem) => {
    expect(validateAnswers(everyKind, answers)).toEqual(problem);
  });

  it('says the problem in plain words with the question’s number and text', () => {
    const problem = validateAnswers(three, { overall: 'unsatisfied' });
    expect(problem && answerProblemText(three, problem, 'zh-CN')).toBe('第 2 题“哪里做得不好？”必须回答');
    expect(problem && answerProblemText(three, problem, 'en')).toBe('question 2 "What went wrong?" must be answered');
  });

  it('treats blank text as unanswered: optional stays empty, required is missing', () => {
    expect(validateAnswers(everyKind, { ...base, remark: '   ' })).toBeNull();
    expect(validateAnswers(three, { overall: 'unsatisfied', wrong: [] })).toEqual({
      kind: 'required',
      question: 'wrong',
    });
  });
});

describe('a template a station sets', () => {
  const first = three.questions[0]!;
  it.each([
    ['a repeated question id', { questions: [first, first] }, 'appears twice'],
    ['a scale with no satisfied option', { questions: [{ ...first, options: [] }] }, 'at least two options'],
    [
      'a scale that marks nothing satisfied',
      { questions: [{ ...first, options: first.options!.map((o) => ({ ...o, satisfied: false })) }] },
      'satisfied',
    ],
    [
      'a skip rule pointing forward',
      { questions: [{ ...first, skipIf: { question: 'wrong', in: ['slow'] } }, three.questions[1]!] },
      'earlier question',
    ],
  ])('refuses %s', (_, template, message) => {
    const parsed = EvaluationTemplateInput.safeParse(template);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain(message);
  });
});

/**
 * Password policy. Defaults follow what a 等保 level-3 assessor checks
 * (≥ 10 characters, three character classes, not the username, not common,
 * periodic change for administrators); every number is configurable.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  minClasses: number;
  /** Days before an administrator must change the password; 0 disables rotation. */
  maxAgeDays: number;
  /** How many earlier passwords may not be reused. */
  historySize: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  maxLength: 128,
  minClasses: 3,
  maxAgeDays: 90,
  historySize: 5,
};

export type PasswordProblem = 'too_short' | 'too_long' | 'classes' | 'contains_username' | 'common';

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, { zh: string; en: string }> = {
  too_short: { zh: '长度不足 {minLength} 位', en: 'shorter than {minLength} characters' },
  too_long: { zh: '长度超过 {maxLength} 位', en: 'longer than {maxLength} characters' },
  classes: {
    zh: '须包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    en: 'must mix at least {minClasses} of upper case, lower case, digits and symbols',
  },
  contains_username: { zh: '不能包含用户名', en: 'must not contain the username' },
  common: { zh: '属于常见弱密码', en: 'is a commonly used password' },
};

export function characterClasses(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  return classes.filter((re) => re.test(password)).length;
}

/**
 * Lists what is wrong with a password. `isCommon` is injected: the server
 * checks a large list, the browser a short hint only.
 */
export function checkPassword(
  password: string,
  username: string,
  policy: PasswordPolicy,
  isCommon: (password: string) => boolean = () => false,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push('too_short');
  if (length > policy.maxLength) problems.push('too_long');
  if (characterClasses(password) < policy.minClasses) problems.push('classes');
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push('contains_username');
  if (isCommon(password)) problems.push('common');
  return problems;
}

export function describePasswordProblems(
  problems: PasswordProblem[],
  policy: PasswordPolicy,
  locale: 'zh-CN' | 'en',
): string {
  return problems
    .map((p) => {
      const label = PASSWORD_PROBLEM_LABELS[p];
      const text = locale === 'en' ? label.en : label.zh;
      return text.replace(/\{(\w+)\}/g, (_, k: keyof PasswordPolicy) => String(policy[k]));
    })
    .join(locale === 'en' ? '; ' : '；');
}

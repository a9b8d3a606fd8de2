/** Puts a schema failure into words the caller reads: which field, what is wrong, in zh-CN or en. */
import type { Locale } from '@jingmin/shared';

interface Issue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldOf(context: string | undefined, issue: Issue): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const keys = issue.params?.keys as string[] | undefined;
  if (issue.keyword === 'unrecognized_keys' && keys?.length) return [path, keys.join(',')].filter(Boolean).join('.');
  return path || context || 'body';
}

function zhReason(issue: Issue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'too_small':
      return p.origin === 'string' ? `至少 ${p.minimum} 个字符` : `不能小于 ${p.minimum}`;
    case 'too_big':
      return p.origin === 'string' ? `最多 ${p.maximum} 个字符` : `不能大于 ${p.maximum}`;
    case 'invalid_type':
      return p.input === undefined ? '必填' : '类型不正确';
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '不是允许的取值';
    case 'unrecognized_keys':
      return '是不允许的字段';
    default:
      return issue.message?.includes('NUL') ? '不能包含空字符（NUL）' : (issue.message ?? '不正确');
  }
}

export function describeValidation(issues: Issue[], context: string | undefined, locale: Locale) {
  const fields = issues.map((issue) => ({
    field: fieldOf(context, issue),
    message: locale === 'en' ? (issue.message ?? 'invalid') : zhReason(issue),
  }));
  const detail = fields.map((f) => `${f.field} ${f.message}`).join(locale === 'en' ? '; ' : '；');
  return { detail, fields };
}

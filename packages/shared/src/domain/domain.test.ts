import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors.js';
import { localeFromHeader } from '../i18n.js';
import { canPlace } from './org.js';
import { checkPassword, DEFAULT_PASSWORD_POLICY, describePasswordProblems } from './password.js';
import { capabilitiesOf, requiresTotp, violatesRoleSeparation } from './roles.js';

describe('password policy', () => {
  const check = (p: string, user = 'zhang.wei') => checkPassword(p, user, DEFAULT_PASSWORD_POLICY);
  it('accepts ten characters of three classes', () => expect(check('Qinghe#2026')).toEqual([]));
  it('names every problem at once', () =>
    expect(check('zhang.wei')).toEqual(['too_short', 'classes', 'contains_username']));
  it('counts characters, not UTF-16 units, so Chinese passphrases are measured fairly', () => {
    expect(check('派出所值班24h!好').includes('too_short')).toBe(false);
  });
  it('explains in both languages', () => {
    expect(describePasswordProblems(['too_short'], DEFAULT_PASSWORD_POLICY, 'zh-CN')).toBe('长度不足 10 位');
    expect(describePasswordProblems(['too_short'], DEFAULT_PASSWORD_POLICY, 'en')).toBe('shorter than 10 characters');
  });
});

describe('roles', () => {
  it('refuses two administrator roles on one account (三员分立)', () => {
    expect(violatesRoleSeparation(['system_admin', 'auditor'])).toBe(true);
    expect(violatesRoleSeparation(['system_admin', 'community_officer'])).toBe(false);
  });
  it('keeps the audit trail to the auditor alone', () => {
    expect(capabilitiesOf(['system_admin'])).not.toContain('audit.read');
    expect(capabilitiesOf(['security_admin'])).not.toContain('audit.read');
    expect(capabilitiesOf(['auditor'])).toEqual(['audit.read']);
  });
  it('requires a second factor of administrators and chiefs only', () => {
    expect(requiresTotp(['station_chief'])).toBe(true);
    expect(requiresTotp(['duty_officer', 'mediator'])).toBe(false);
  });
});

describe('jurisdiction tree', () => {
  it('places grids under villages and stations under bureaus only', () => {
    expect(canPlace('grid', 'village')).toBe(true);
    expect(canPlace('grid', 'station')).toBe(false);
    expect(canPlace('station', 'bureau')).toBe(true);
    expect(canPlace('bureau', null)).toBe(true);
  });
});

describe('language', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW,en;q=0.5', 'zh-CN'],
    ['fr-FR,en;q=0.4,zh;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
  ])('%s → %s', (header, locale) => expect(localeFromHeader(header)).toBe(locale));
});

describe('error messages', () => {
  it('name what was not found, and the step still to do, in words', () => {
    expect(errorMessage('NOT_FOUND', 'zh-CN', { what: 'matter' })).toBe('未找到该事项');
    expect(errorMessage('NOT_FOUND', 'en', { what: 'matter', number: 'JM20261130-000001' })).toBe(
      'Matter JM20261130-000001 not found',
    );
    expect(errorMessage('STAGE_REQUIRED', 'zh-CN', { stage: 'password_change' })).not.toContain('password_change');
  });
});

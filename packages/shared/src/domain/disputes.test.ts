import { describe, expect, it } from 'vitest';
import {
  COLOUR_SCHEMES,
  DEFAULT_COLOUR_SCHEME,
  DEFAULT_DISPUTE_SUBCATEGORIES,
  DEFAULT_MEDIATION_RULES,
  DISPUTE_CATEGORIES,
} from './disputes.js';

describe('the dispute vocabulary a station starts from', () => {
  it('ships 三工’s three colours as the default, and every scheme as ordered levels with a colour and a meaning', () => {
    const sangong = COLOUR_SCHEMES.find((s) => s.key === DEFAULT_COLOUR_SCHEME);
    expect(sangong?.levels.map((l) => l.name.zh)).toEqual(['红', '橙', '绿']);
    expect(new Set(COLOUR_SCHEMES.map((s) => s.key)).size).toBe(COLOUR_SCHEMES.length);
    for (const scheme of COLOUR_SCHEMES) {
      expect(new Set(scheme.levels.map((l) => l.key)).size, scheme.key).toBe(scheme.levels.length);
      for (const level of scheme.levels) {
        expect(level.colour).toMatch(/^#[0-9a-f]{6}$/);
        expect(level.meaning.zh.length).toBeGreaterThan(1);
      }
    }
    // 云和's green means resolved, 三工's means the village resolves it: the meaning is the scheme's, not the colour's.
    const green = (key: string) => COLOUR_SCHEMES.find((s) => s.key === key)?.levels.find((l) => l.key === 'green');
    expect(green('yunhe')?.meaning.zh).not.toBe(green('sangong')?.meaning.zh);
  });

  it('gives every default subcategory one top category, once', () => {
    const names = DEFAULT_DISPUTE_SUBCATEGORIES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of DEFAULT_DISPUTE_SUBCATEGORIES) expect(DISPUTE_CATEGORIES).toContain(s.category);
  });

  it('keeps the 治安调解 norm as the default rules: 3 and 7 working days, two sessions, a guardian under 16', () => {
    expect(DEFAULT_MEDIATION_RULES).toMatchObject({
      finishWorkingDays: 3,
      secondSessionWorkingDays: 7,
      maxSessions: 2,
      guardianUnderAge: 16,
    });
  });
});

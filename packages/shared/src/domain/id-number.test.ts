import { describe, expect, it } from 'vitest';
import { birthDateOf, idCheckChar, idNumberProblem, maskIdNumber, upgradeIdNumber } from './id-number.js';

describe('公民身份号码 (GB 11643)', () => {
  it('accepts the standard test vector, with x or X', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('names what is wrong: the check, the birth date, the region, the format', () => {
    expect(idNumberProblem('110105194912310021')).toBe('check');
    expect(idNumberProblem('110105194902300024')).toBe('birth_date'); // 30 February
    expect(idNumberProblem('110105209912310025', new Date('2026-11-30'))).toBe('birth_date'); // not born yet
    expect(idNumberProblem('991105194912310020')).toBe('check'); // a foreigner's permit is checked too
    expect(idNumberProblem('000105194912310020')).toBe('region');
    expect(idNumberProblem('11010519491231002')).toBe('format');
    expect(idNumberProblem('1101051949123100ZX')).toBe('format');
  });

  it('accepts the residence permits of Hong Kong, Macao and Taiwan residents', () => {
    const first17 = '81000019900101001';
    expect(idNumberProblem(first17 + idCheckChar(first17))).toBeNull();
  });

  it('upgrades a 15-digit number, masks for lists and reads the birth date', () => {
    expect(upgradeIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(upgradeIdNumber('11010549123100')).toBeNull();
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
  });
});

import { validateOrgCode } from './org-code.ts';

/** GB 32100-2015 character set, in value order; I, O, S, V and Z are never used. */
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccProblem =
  | { reason: 'length'; length: number }
  | { reason: 'charset'; position: number; char: string; expected: 'digit' | 'code-char' }
  | { reason: 'checksum'; position: 18; char: string; expected: string };

export interface UsccCheck {
  readonly valid: boolean;
  readonly problem?: UsccProblem;
  /** The embedded GB 11714 organization code failed its own check: a warning, never an error. */
  readonly embeddedOrgCodeValid?: boolean;
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

/** Strict validation: the code must already be normalised (18 upper-case characters, no spaces). */
export function validateUscc(code: string): UsccCheck {
  if (code.length !== 18) return { valid: false, problem: { reason: 'length', length: code.length } };
  for (let i = 0; i < 18; i++) {
    const char = code[i] ?? '';
    const digitOnly = i >= 2 && i <= 7;
    const allowed = digitOnly ? /[0-9]/.test(char) : USCC_CHARS.includes(char);
    if (!allowed) {
      return {
        valid: false,
        problem: { reason: 'charset', position: i + 1, char, expected: digitOnly ? 'digit' : 'code-char' },
      };
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return { valid: false, problem: { reason: 'checksum', position: 18, char: code[17] ?? '', expected } };
  }
  return { valid: true, embeddedOrgCodeValid: validateOrgCode(code.slice(8, 17)).valid };
}

/** What users type: trims, upper-cases and drops spaces and hyphens before strict validation. */
export const normalizeUscc = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();

export function describeUsccProblem(p: UsccProblem, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  switch (p.reason) {
    case 'length':
      return zh ? `长度应为 18 位，实际 ${p.length} 位` : `must be 18 characters long, got ${p.length}`;
    case 'charset':
      if (p.expected === 'digit') {
        return zh
          ? `第 ${p.position} 位“${p.char}”应为数字（第 3–8 位是行政区划码）`
          : `character ${p.position} '${p.char}' must be a digit (positions 3–8 are the division code)`;
      }
      return zh
        ? `第 ${p.position} 位“${p.char}”不是允许的字符（只允许数字和除 I、O、S、V、Z 外的大写字母）`
        : `character ${p.position} '${p.char}' is not allowed (digits and capitals except I, O, S, V, Z)`;
    case 'checksum':
      return zh
        ? `第 18 位校验码“${p.char}”不正确，按前 17 位计算应为“${p.expected}”`
        : `check character 18 is '${p.char}' but the first 17 characters give '${p.expected}'`;
  }
}

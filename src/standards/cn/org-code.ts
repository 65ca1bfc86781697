/** GB 11714-1997 organization code: 8 body characters + a check digit or X, often printed XXXXXXXX-C. */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type OrgCodeProblem =
  | { reason: 'length'; length: number }
  | { reason: 'format'; detail: string }
  | { reason: 'charset'; position: number; char: string }
  | { reason: 'checksum'; char: string; expected: string };

export interface OrgCodeCheck {
  readonly valid: boolean;
  readonly problem?: OrgCodeProblem;
}

const charValue = (c: string): number => (/[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += charValue(body[i] ?? '0') * (WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function validateOrgCode(input: string): OrgCodeCheck {
  const hyphen = input.indexOf('-');
  if (hyphen !== -1 && (hyphen !== 8 || input.length !== 10)) {
    return {
      valid: false,
      problem: { reason: 'format', detail: 'hyphen only directly before the check character' },
    };
  }
  const code = hyphen === -1 ? input : input.slice(0, 8) + input.slice(9);
  if (code.length !== 9) return { valid: false, problem: { reason: 'length', length: code.length } };
  for (let i = 0; i < 8; i++) {
    const char = code[i] ?? '';
    if (!/[0-9A-Z]/.test(char))
      return { valid: false, problem: { reason: 'charset', position: i + 1, char } };
  }
  const check = code[8] ?? '';
  if (!/[0-9X]/.test(check))
    return { valid: false, problem: { reason: 'charset', position: 9, char: check } };
  const expected = orgCodeCheckChar(code.slice(0, 8));
  if (check !== expected) return { valid: false, problem: { reason: 'checksum', char: check, expected } };
  return { valid: true };
}

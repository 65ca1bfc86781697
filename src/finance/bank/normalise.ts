/**
 * Names, accounts and references compared the way a cashier reads them: full-width and half-width
 * characters alike (ＡＢＣ１２３ = ABC123, （ = (), spaces and punctuation ignored, and the legal-form
 * suffix of a company left off (北京某某科技有限公司 = 北京某某科技 = 北京某某科技股份有限公司), so
 * that the bank's abbreviated or re-typed counterparty name still meets the name in the books.
 */

/** Legal forms, longest first; removed from the end of a name, repeatedly. */
const SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '责任公司',
  '集团公司',
  '总公司',
  '公司',
  '集团',
  'companylimited',
  'colimited',
  'coltd',
  'limited',
  'ltd',
  'incorporated',
  'inc',
  'corporation',
  'corp',
  'company',
  'llc',
  'gmbh',
  'plc',
];

/** Letters (any script) and digits only, NFKC-folded and lower-cased. */
const fold = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A counterparty name for comparison; '' when nothing is left. */
export function normaliseName(name: string | null | undefined): string {
  if (name === null || name === undefined) return '';
  let out = fold(name);
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (out.length > suffix.length + 1 && out.endsWith(suffix)) {
        out = out.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** An account number for comparison: digits and letters only, upper-cased; `*` kept as a mask. */
export function normaliseAccount(account: string | null | undefined): string {
  if (account === null || account === undefined) return '';
  return account
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z*]+/g, '');
}

/** A reference or free text for "contains" checks: letters and digits only, upper-cased. */
export function normaliseReference(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export type AccountLikeness = 'same' | 'masked' | 'different' | 'unknown';

/**
 * Two account numbers: the same; consistent where one is masked (6222****1234 against 6222021234561234:
 * the visible head and tail agree); different; or unknown when either is missing.
 */
export function compareAccounts(a: string, b: string): AccountLikeness {
  if (a === '' || b === '') return 'unknown';
  if (a === b) return 'same';
  const masked = a.includes('*') ? a : b.includes('*') ? b : undefined;
  if (masked === undefined) return 'different';
  const plain = masked === a ? b : a;
  const head = masked.slice(0, masked.indexOf('*'));
  const tail = masked.slice(masked.lastIndexOf('*') + 1);
  if (head.length + tail.length < 4 || plain.includes('*')) return 'different';
  return plain.length >= head.length + tail.length && plain.startsWith(head) && plain.endsWith(tail)
    ? 'masked'
    : 'different';
}

export type NameLikeness = 'same' | 'contains' | 'different' | 'unknown';

/** Two normalised names: the same, one containing the other (at least 4 characters), different, unknown. */
export function compareNames(a: string, b: string): NameLikeness {
  if (a === '' || b === '') return 'unknown';
  if (a === b) return 'same';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short) ? 'contains' : 'different';
}

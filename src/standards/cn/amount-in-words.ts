/**
 * 大写金额 (amount in Chinese uppercase) for CNY amounts in fen, following PBOC 支付结算办法 附件一 and
 * 会计基础工作规范 第52条. `toWords` writes the canonical form (整 after 元 and after 角, the optional 零
 * after 元, no optional 零 between 万/亿 and 仟); `fromWords` reads any permitted spelling back.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'] as const;

function groupWords(group: number): string {
  let out = '';
  let zeroPending = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(group / 10 ** pos) % 10;
    if (d === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out += (DIGITS[d] ?? '') + (SMALL_UNITS[pos] ?? '');
  }
  return out;
}

/**
 * Integer yuan in words: 亿 splits off the high part (itself possibly with 万), 万 the middle. A zero
 * is written where the next part does not start at its top digit, except the optional 零 before 仟.
 */
function integerWords(n: bigint): string {
  if (n >= 100000000n) {
    const low = n % 100000000n;
    const high = integerWords(n / 100000000n) + '亿';
    return low === 0n ? high : high + (low < 10000000n ? '零' : '') + integerWords(low);
  }
  if (n >= 10000n) {
    const low = Number(n % 10000n);
    const high = groupWords(Number(n / 10000n)) + '万';
    return low === 0 ? high : high + (low < 1000 ? '零' : '') + groupWords(low);
  }
  return groupWords(Number(n));
}

/** Canonical words for a non-negative amount in fen (up to 9999 万亿 元). */
export function toWords(fen: bigint): string {
  if (fen < 0n) throw new RangeError('amount in words is defined for non-negative amounts only');
  if (fen >= 10n ** 18n) throw new RangeError('amount too large for amount in words');
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const fenDigit = Number(fen % 10n);
  if (fen === 0n) return '零元整';

  const integer = yuan > 0n ? integerWords(yuan) + '元' : '';
  if (jiao === 0 && fenDigit === 0) return integer + '整';
  let fraction = '';
  if (jiao > 0) {
    fraction += (yuan > 0n && yuan % 10n === 0n ? '零' : '') + (DIGITS[jiao] ?? '') + '角';
  } else if (yuan > 0n) {
    fraction += '零';
  }
  if (fenDigit > 0) fraction += (DIGITS[fenDigit] ?? '') + '分';
  else fraction += '整';
  return integer + fraction;
}

const DIGIT_VALUE = new Map([...DIGITS].map((c, i) => [c, i]));

const normalize = (words: string): string =>
  words
    .replace(/^人民币/, '')
    .replace(/圆/g, '元')
    .replace(/正$/, '整');

/**
 * Reads 大写 back into fen. Accepts the permitted variants (圆 for 元, 正 for 整, a 人民币 prefix,
 * either choice for each optional 零, no 整 after 角) and refuses malformed spellings with null — a
 * missing mandatory 零, a doubled 零, an omitted 壹 before 拾, a missing 整 after 元, 整 after 分 —
 * because the value read is accepted only if it spells back to the same words.
 */
export function fromWords(words: string): bigint | null {
  const text = normalize(words);
  const m = /^(?:([^元]+)元)?(?:零?([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?整?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  const yuan = m[1] === undefined ? 0n : parseInteger(m[1]);
  if (yuan === null) return null;
  const fen =
    yuan * 100n + BigInt((DIGIT_VALUE.get(m[2] ?? '零') ?? 0) * 10 + (DIGIT_VALUE.get(m[3] ?? '零') ?? 0));
  if (fen >= 10n ** 18n) return null;
  return acceptedSpellings(fen).has(text) ? fen : null;
}

function parseInteger(text: string): bigint | null {
  let result = 0n; // whole 亿 part
  let wan = 0n; // the 万 part inside the current 亿 section
  let section = 0n; // below 万
  let digit = 0n;
  for (const c of text) {
    const d = DIGIT_VALUE.get(c);
    if (d !== undefined) {
      digit = BigInt(d);
    } else if (c === '拾' || c === '佰' || c === '仟') {
      section += digit * (c === '拾' ? 10n : c === '佰' ? 100n : 1000n);
      digit = 0n;
    } else if (c === '万') {
      wan = (section + digit) * 10000n;
      section = 0n;
      digit = 0n;
    } else if (c === '亿') {
      result = (result + wan + section + digit) * 100000000n;
      wan = 0n;
      section = 0n;
      digit = 0n;
    } else {
      return null;
    }
  }
  return result + wan + section + digit;
}

/** Every permitted spelling of an amount (without 人民币 prefix, with 元/整 normalised). */
function acceptedSpellings(fen: bigint): Set<string> {
  const canonical = toWords(fen);
  const out = new Set<string>([canonical]);
  const variants = [canonical];
  // optional 零 between 万/亿 and a non-zero 仟: add it
  const withGroupZero = canonical.replace(/([万亿])(?=[壹贰叁肆伍陆柒捌玖]仟)/g, '$1零');
  variants.push(withGroupZero);
  for (const v of variants) {
    out.add(v);
    // optional 零 after 元 when the 元 digit is 0 and 角 is non-zero: drop it
    const noYuanZero = v.replace(/元零([壹贰叁肆伍陆柒捌玖]角)/, '元$1');
    out.add(noYuanZero);
    for (const w of [v, noYuanZero]) if (/角整$/.test(w)) out.add(w.slice(0, -1)); // 整 after 角 optional
  }
  return out;
}

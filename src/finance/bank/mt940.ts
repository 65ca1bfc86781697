import { isCurrencyCode } from '../../model/currencies.ts';
import {
  FileFaults,
  unreadable,
  type ParsedFile,
  type ParsedLine,
  type ParsedStatement,
  type StatedBalance,
} from './statement-file.ts';
import { cleanAccount, cleanText, dayNumber, digitsOf, readAmount, readYymmdd } from './values.ts';

/**
 * SWIFT MT940 (Customer Statement Message): per message :20: reference, :25: account, :28C: statement
 * number, :60F:/:60M: opening balance, any number of :61: statement lines each optionally followed by
 * :86: information to the account owner, :62F:/:62M: closing balance (:64:/:65: and a closing :86: are
 * read past). A file may hold several messages, with or without the FIN envelope ({1:…}{2:…}{4: … -}).
 *
 * :61: = value date YYMMDD, [entry date MMDD], mark C/D/RC/RD, [funds code], amount with a decimal comma,
 * transaction type (N/F/S + 3), customer reference [//bank reference], [newline supplementary details].
 * RC (reversal of a credit) takes money out, RD (reversal of a debit) puts it back.
 *
 * :86: is free text by standard; banks structure it their own way. Read here: SWIFT codewords
 * (/NAME/…/ACCW/…/REMI/…, /CNTP/iban/bic/name/…), German ?-subfields (?20–?29 remittance, ?31 account,
 * ?32–?33 name) and the labelled Chinese form (对方户名：…；对方账号：…；摘要：…). The Chinese form is an
 * assumption from how Chinese banks' host-to-host statements label their fields — no bank publishes it;
 * see docs/bank.md.
 */
export const looksLikeMt940 = (text: string): boolean =>
  /(?:^|[\n}])\s*(?:\{4:\s*)?:20:/.test(text) && /(?:^|\n):6[01][FM]?:/.test(text);

interface Field {
  readonly tag: string;
  value: string;
  readonly line: number;
}

/** Marks where a line cut at the field width goes on (a private-use character no bank file holds). */
const JOINED = '\uE000';

function fieldsOf(text: string): Field[][] {
  const messages: Field[][] = [];
  let current: Field[] = [];
  let field: Field | undefined;
  const close = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    field = undefined;
  };
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    let line = raw;
    const block4 = line.indexOf('{4:');
    if (block4 !== -1) line = line.slice(block4 + 3);
    else if (/^\s*\{\d:/.test(line)) return;
    if (/^\s*-\s*(\}.*)?$/.test(line)) return close();
    if (line.trim() === '') return;
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m) {
      if (m[1] === '20') close();
      field = { tag: m[1] ?? '', value: m[2] ?? '', line: i + 1 };
      current.push(field);
    } else if (field !== undefined) {
      const previous = field.value.split('\n').at(-1) ?? '';
      // a line cut at the 65-character width goes on without a space; others are new lines
      field.value += previous.length >= 65 ? `${JOINED}${line}` : `\n${line}`;
    }
  });
  close();
  return messages.map((fields) => fields.map((f) => ({ ...f, value: f.value.replaceAll(JOINED, '') })));
}

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d[\d,]*)$/;
const LINE = /^(\d{6})(\d{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)([NSF][A-Z0-9]{3})(.*)$/;

/** What :86: says of the counterparty, the reference and the purpose. */
export interface Information {
  readonly name: string | null;
  readonly account: string | null;
  readonly reference: string | null;
  readonly description: string | null;
}

const CODEWORDS = [
  'NAME',
  'BENM',
  'ORDP',
  'REMI',
  'EREF',
  'ACCW',
  'IBAN',
  'BIC',
  'CNTP',
  'TRTP',
  'PREF',
  'MARF',
  'CSID',
  'ISDT',
  'RTRN',
  'PURP',
  'ULTC',
  'ULTD',
  'ULTB',
  'INFO',
  'ACC',
  'NAM',
  'REF',
  'ADDR',
  'CITY',
];
const CODEWORD = new RegExp(`/(${CODEWORDS.join('|')})/`, 'g');

const LABELS: readonly { readonly field: keyof Information; readonly re: string }[] = [
  {
    field: 'name',
    re: '对方户名|对方名称|对方单位名称|对方单位|收款人名称|付款人名称|收款人户名|付款人户名|收款单位|付款单位|收款人|付款人|户名',
  },
  {
    field: 'account',
    re: '对方账号|对方帐号|收款人账号|付款人账号|收款人帐号|付款人帐号|收款账号|付款账号|账号|帐号',
  },
  { field: 'reference', re: '业务参考号|客户参考号|参考号|业务编号' },
  { field: 'description', re: '交易附言|附言|摘要|用途|备注|说明' },
];
const LABEL = new RegExp(`(${LABELS.map((l) => l.re).join('|')})\\s*[:：]`, 'g');

const tidy = (text: string | undefined | null): string | null => {
  const t = (text ?? '').replace(/\s+/g, ' ').replace(/^[\s;；,，|｜/]+|[\s;；,，|｜/]+$/g, '');
  return t === '' ? null : t;
};

export function readInformation(raw: string): Information {
  const info = raw.trim();
  // German ?-subfields: "166?00SEPA-UEBERWEISUNG?20EREF+…?30BIC?31IBAN?32NAME"
  if (/^\d{3}\?\d{2}/.test(info) || /\?\d{2}/.test(info.slice(0, 8))) {
    const parts = new Map<string, string>();
    for (const m of info.replace(/\n/g, '').matchAll(/\?(\d{2})([^?]*)/g))
      parts.set(m[1] ?? '', (parts.get(m[1] ?? '') ?? '') + (m[2] ?? ''));
    const remittance = [...parts.entries()]
      .filter(([k]) => (k >= '20' && k <= '29') || (k >= '60' && k <= '63'))
      .map(([, v]) => v)
      .join('');
    const eref = /EREF\+(.*?)(?=[A-Z]{4}\+|$)/.exec(remittance)?.[1];
    const svwz = /SVWZ\+(.*?)(?=[A-Z]{4}\+|$)/.exec(remittance)?.[1];
    return {
      name: tidy((parts.get('32') ?? '') + (parts.get('33') ?? '')),
      account: cleanAccount(parts.get('31')),
      reference: tidy(eref),
      description: tidy([parts.get('00'), svwz ?? remittance].filter(Boolean).join(' ')),
    };
  }
  // SWIFT codewords: "/NAME/…/ACCW/…/REMI/…"
  const codes = [...info.replace(/\n/g, '').matchAll(CODEWORD)];
  if (codes.length > 0 && info.startsWith('/')) {
    const flat = info.replace(/\n/g, '');
    const values = new Map<string, string>();
    codes.forEach((m, i) => {
      const start = m.index + m[0].length;
      const end = codes[i + 1]?.index ?? flat.length;
      values.set(m[1] ?? '', flat.slice(start, end));
    });
    const cntp = values.get('CNTP')?.split('/');
    return {
      name: tidy(values.get('NAME') ?? values.get('NAM') ?? cntp?.[2]),
      account: cleanAccount(values.get('ACCW') ?? values.get('IBAN') ?? values.get('ACC') ?? cntp?.[0]),
      reference: tidy(values.get('EREF') ?? values.get('PREF') ?? values.get('REF')),
      description: tidy(values.get('REMI') ?? values.get('INFO') ?? values.get('PURP')),
    };
  }
  // labelled Chinese: "对方户名：上海某某有限公司；对方账号：3100…；摘要：货款"
  const labels = [...info.matchAll(LABEL)];
  if (labels.length > 0) {
    const found: Partial<Record<keyof Information, string>> = {};
    const rest: string[] = [tidy(info.slice(0, labels[0]?.index ?? 0)) ?? ''];
    labels.forEach((m, i) => {
      const start = m.index + m[0].length;
      const end = labels[i + 1]?.index ?? info.length;
      const value = info.slice(start, end).split(/[;；|｜\n]|\s{2,}/)[0] ?? '';
      const label = m[1] ?? '';
      const field = LABELS.find((l) => new RegExp(`^(?:${l.re})$`).test(label))?.field ?? 'description';
      if (found[field] === undefined) found[field] = value;
      else rest.push(value);
    });
    return {
      name: tidy(found.name),
      account: cleanAccount(found.account),
      reference: tidy(found.reference),
      description: tidy([found.description, ...rest].filter(Boolean).join(' ')),
    };
  }
  return { name: null, account: null, reference: null, description: tidy(info) };
}

export function parseMt940(text: string, encoding: string): ParsedFile {
  const messages = fieldsOf(text);
  if (messages.length === 0)
    throw unreadable('没有 MT940 报文（:20: 字段）', 'no MT940 message (:20: field)');
  const faults = new FileFaults();
  const statements: ParsedStatement[] = [];
  for (const fields of messages) {
    const head = fields[0];
    const at = head?.line ?? 1;
    const one = (tags: readonly string[]) => fields.find((f) => tags.includes(f.tag));
    const missing = (tag: string, zh: string, en: string) =>
      faults.add(at, tag, `缺少 ${zh}`, `${en} is missing`);
    if (head?.tag !== '20') {
      faults.add(at, ':20:', '报文不以 :20: 开头', 'the message does not start with :20:');
      continue;
    }
    const accountField = one(['25', '25P']);
    const number = one(['28C', '28']);
    const openingField = one(['60F', '60M']);
    const closingField = one(['62F', '62M']);
    if (accountField === undefined) missing(':25:', '账号字段 :25:', 'the account field :25:');
    if (number === undefined) missing(':28C:', '对账单序号 :28C:', 'the statement number :28C:');
    if (openingField === undefined) missing(':60F:', '期初余额 :60F:', 'the opening balance :60F:');
    if (closingField === undefined) missing(':62F:', '期末余额 :62F:', 'the closing balance :62F:');
    if (accountField === undefined || openingField === undefined || closingField === undefined) continue;

    const balance = (f: Field): (StatedBalance & { currency: string }) | null => {
      const m = BALANCE.exec(f.value.trim());
      const field = `:${f.tag}:`;
      if (!m) {
        faults.add(
          f.line,
          field,
          `“${f.value}”不是余额（应如 C261130CNY1000,00）`,
          `"${f.value}" is not a balance (expected e.g. C261130CNY1000,00)`,
        );
        return null;
      }
      const currency = m[3] ?? '';
      if (!isCurrencyCode(currency)) {
        faults.add(f.line, field, `未知币种 ${currency}`, `unknown currency ${currency}`);
        return null;
      }
      const date = readYymmdd(m[2] ?? '');
      const amount = readAmount(m[4] ?? '', digitsOf(currency), ',');
      if (!date.ok) faults.add(f.line, field, date.zh, date.en);
      if (!amount.ok) faults.add(f.line, field, amount.zh, amount.en);
      if (!date.ok || !amount.ok || amount.value === null) return null;
      return { minor: m[1] === 'D' ? -amount.value : amount.value, on: date.value, currency };
    };
    const opening = balance(openingField);
    const closing = balance(closingField);
    if (opening === null || closing === null) continue;
    if (closing.currency !== opening.currency)
      faults.add(
        closingField.line,
        `:${closingField.tag}:`,
        `币种 ${closing.currency} 与期初的 ${opening.currency} 不同`,
        `currency ${closing.currency} differs from the opening's ${opening.currency}`,
      );
    const currency = opening.currency;
    const digits = digitsOf(currency);

    const faultsBefore = faults.list.length;
    const lines: ParsedLine[] = [];
    fields.forEach((f, i) => {
      if (f.tag !== '61') return;
      const [first = '', second] = f.value.split('\n');
      const m = LINE.exec(first.trim());
      if (!m) {
        faults.add(
          f.line,
          ':61:',
          `“${first}”不符合 :61: 格式（起息日 YYMMDD、[记账日 MMDD]、借贷标记、金额、交易类型、参考号）`,
          `"${first}" does not follow :61: (value date YYMMDD, [entry date MMDD], mark, amount, type, reference)`,
        );
        return;
      }
      const value = readYymmdd(m[1] ?? '');
      if (!value.ok) {
        faults.add(f.line, ':61: value date', value.zh, value.en);
        return;
      }
      let booked = value.value;
      if (m[2] !== undefined) {
        const year = Number(value.value.slice(0, 4));
        const candidates = [year - 1, year, year + 1]
          .map((y) => readYymmdd(`${String(y % 100).padStart(2, '0')}${m[2] ?? ''}`))
          .filter((d): d is { ok: true; value: string } => d.ok);
        if (candidates.length === 0) {
          faults.add(
            f.line,
            ':61: entry date',
            `记账日 ${m[2]} 不是真实日期`,
            `entry date ${m[2]} is not a real date`,
          );
          return;
        }
        const target = dayNumber(value.value);
        booked = candidates.reduce((best, d) =>
          Math.abs(dayNumber(d.value) - target) < Math.abs(dayNumber(best.value) - target) ? d : best,
        ).value;
      }
      const amount = readAmount(m[5] ?? '', digits, ',');
      if (!amount.ok || amount.value === null || amount.value <= 0n) {
        faults.add(
          f.line,
          ':61: amount',
          amount.ok ? '金额必须大于零' : amount.zh,
          amount.ok ? 'the amount must be above zero' : amount.en,
        );
        return;
      }
      const mark = m[3] ?? '';
      const [customerRef = '', bankRef] = (m[7] ?? '').split('//');
      const next = fields[i + 1];
      const info = next?.tag === '86' ? readInformation(next.value) : undefined;
      const ownRef = cleanText(customerRef.trim());
      lines.push({
        seq: lines.length + 1,
        fileLine: f.line,
        bookedOn: booked,
        valueOn: value.value,
        amountMinor: amount.value,
        currency,
        direction: mark === 'C' || mark === 'RD' || mark === 'EC' ? 'in' : 'out',
        counterpartyName: info?.name ?? null,
        counterpartyAccount: info?.account ?? null,
        reference:
          (ownRef !== null && ownRef.toUpperCase() !== 'NONREF' ? ownRef : null) ?? info?.reference ?? null,
        description: tidy([info?.description, second].filter(Boolean).join(' / ')),
        bankTxnId: cleanText(bankRef),
        balanceMinor: null,
      });
    });
    const sum = lines.reduce((s, l) => s + (l.direction === 'in' ? l.amountMinor : -l.amountMinor), 0n);
    if (faults.list.length === faultsBefore && opening.minor + sum !== closing.minor)
      faults.add(
        closingField.line,
        `:${closingField.tag}:`,
        `期初余额 ${String(opening.minor)} 加本期发生额 ${String(sum)} 不等于期末余额 ${String(closing.minor)}（最小单位）`,
        `the opening balance ${String(opening.minor)} and the lines ${String(sum)} do not make the closing ${String(closing.minor)} (minor units)`,
      );
    const account = accountField.value
      .trim()
      .split('/')
      .at(-1)
      ?.replace(/\s+[A-Z]{3}$/, '');
    const days = lines.map((l) => l.bookedOn).sort();
    statements.push({
      accountNumber: cleanAccount(account),
      currency,
      ref: [head.value.trim(), number?.value.trim()].filter(Boolean).join(' ') || null,
      fromOn: days[0] ?? opening.on,
      toOn: days.at(-1) ?? closing.on,
      opening: { minor: opening.minor, on: opening.on },
      closing: { minor: closing.minor, on: closing.on },
      lines,
      skipped: 0,
    });
  }
  faults.check();
  return { format: 'mt940', layout: null, encoding, statements };
}

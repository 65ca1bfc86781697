import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isCurrencyCode } from '../../model/currencies.ts';
import { lineAt } from './decode.ts';
import {
  FileFaults,
  unreadable,
  type ParsedFile,
  type ParsedLine,
  type ParsedStatement,
  type StatedBalance,
  type StatementFormat,
} from './statement-file.ts';
import { cleanAccount, digitsOf, readAmount, readDate } from './values.ts';

/**
 * ISO 20022 camt.053 (BankToCustomerStatement) — Document/BkToCstmrStmt/Stmt with Acct, Bal and Ntry.
 * Versions differ in a few places this reader takes both ways:
 * - entry status: `<Sts>BOOK</Sts>` up to V06, `<Sts><Cd>BOOK</Cd></Sts>` from V07 (camt.053.001.08);
 * - related parties: `<Dbtr><Nm>` up to V06, `<Dbtr><Pty><Nm>` (Party40Choice) from V07;
 * - dates are `<Dt>` or `<DtTm>` (the day of a date-time is the bank's, its time is dropped).
 * Only booked entries (BOOK) are statement lines; pending (PDNG) and information (INFO) entries are
 * counted as skipped. A reversal (RvslInd) is a line in the direction its CdtDbtInd states.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['Stmt', 'Ntry', 'Bal', 'NtryDtls', 'TxDtls', 'Ustrd', 'AddtlTxInf'].includes(name),
});

type Node = Record<string, unknown>;

const node = (value: unknown, ...path: string[]): Node | undefined => {
  let current: unknown = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Node)[step];
  }
  return current !== null && typeof current === 'object' && !Array.isArray(current)
    ? (current as Node)
    : undefined;
};
const list = (value: unknown, name: string): Node[] => {
  const v = value !== null && typeof value === 'object' ? (value as Node)[name] : undefined;
  return Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === 'object') as Node[]) : [];
};
/** The text of an element, whether it carries attributes or not. */
const text = (value: unknown, ...path: string[]): string | null => {
  let current: unknown = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Node)[step];
  }
  if (Array.isArray(current)) current = current[0];
  if (typeof current === 'string') return current === '' ? null : current;
  if (current !== null && typeof current === 'object') {
    const t = (current as Node)['#text'];
    return typeof t === 'string' && t !== '' ? t : null;
  }
  return null;
};
const attribute = (value: unknown, name: string): string | null => {
  if (value === null || typeof value !== 'object') return null;
  const a = (value as Node)[`@_${name}`];
  return typeof a === 'string' ? a : null;
};

const CAMT = /urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\.001\.(\d{2})/;

/** Whether bytes decoded as text look like an ISO 20022 statement (the detector asks before parsing). */
export const looksLikeCamt = (text: string): boolean =>
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?Document[\s>]/.test(text);

/** Positions of the opening tags of an element, in document order, for line numbers in messages. */
function tagLines(xml: string, name: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s>/]`, 'g');
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) out.push(lineAt(xml, m.index));
  return out;
}

const dayOf = (value: unknown): string | null => {
  const raw = text(value, 'Dt') ?? text(value, 'DtTm');
  return raw === null ? null : raw.slice(0, 10);
};

export function parseCamt053(xml: string, encoding: string): ParsedFile {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw unreadable(
      'XML 中不允许 DOCTYPE 或实体声明',
      'an XML DOCTYPE or entity declaration is not allowed',
    );
  const ns = CAMT.exec(xml);
  if (ns !== null && ns[1] !== '053')
    throw unreadable(
      `这是 camt.${ns[1] ?? ''} 报文，不是 camt.053 对账单`,
      `a camt.${ns[1] ?? ''} message, not a camt.053 statement`,
    );
  const format: StatementFormat = ns === null ? 'camt.053' : `camt.053.001.${ns[2] ?? ''}`;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- fast-xml-parser 5 still ships its validator, which names the line of malformed XML; its successor (the fast-xml-validator package) is not a dependency
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    throw unreadable(
      `XML 格式错误（第 ${wellFormed.err.line} 行）：${wellFormed.err.msg}`,
      `malformed XML (line ${wellFormed.err.line}): ${wellFormed.err.msg}`,
    );
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw unreadable(`XML 格式错误：${message}`, `malformed XML: ${message}`);
  }
  const root = node(doc, 'Document', 'BkToCstmrStmt');
  if (root === undefined)
    throw unreadable('没有 Document/BkToCstmrStmt 元素', 'no Document/BkToCstmrStmt element');
  const stmts = list(root, 'Stmt');
  if (stmts.length === 0) throw unreadable('文件中没有 Stmt（对账单）', 'no Stmt (statement) in the file');

  const faults = new FileFaults();
  const ntryLines = tagLines(xml, 'Ntry');
  const balLines = tagLines(xml, 'Bal');
  const stmtLines = tagLines(xml, 'Stmt');
  let ntryIndex = 0;
  let balIndex = 0;
  const statements: ParsedStatement[] = [];

  stmts.forEach((stmt, s) => {
    const stmtLine = stmtLines[s] ?? 1;
    const faultsBefore = faults.list.length;
    const account =
      cleanAccount(text(stmt, 'Acct', 'Id', 'IBAN')) ?? cleanAccount(text(stmt, 'Acct', 'Id', 'Othr', 'Id'));
    const accountCurrency = text(stmt, 'Acct', 'Ccy');
    if (accountCurrency !== null && !isCurrencyCode(accountCurrency))
      faults.add(stmtLine, 'Acct/Ccy', `未知币种 ${accountCurrency}`, `unknown currency ${accountCurrency}`);

    let opening: StatedBalance | null = null;
    let previous: StatedBalance | null = null;
    let closing: StatedBalance | null = null;
    let closingLine = stmtLine;
    for (const bal of list(stmt, 'Bal')) {
      const line = balLines[balIndex++] ?? stmtLine;
      const code = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry');
      if (code !== 'OPBD' && code !== 'PRCD' && code !== 'CLBD') continue;
      const currency = attribute(node(bal, 'Amt'), 'Ccy') ?? accountCurrency ?? 'CNY';
      const amount = readAmount(text(bal, 'Amt') ?? '', digitsOf(currency));
      const sign = text(bal, 'CdtDbtInd');
      const on = dayOf(node(bal, 'Dt'));
      if (!amount.ok || amount.value === null) {
        faults.add(
          line,
          `Bal/${code}/Amt`,
          amount.ok ? '缺少金额' : amount.zh,
          amount.ok ? 'no amount' : amount.en,
        );
        continue;
      }
      if (sign !== 'CRDT' && sign !== 'DBIT') {
        faults.add(
          line,
          `Bal/${code}/CdtDbtInd`,
          `应为 CRDT 或 DBIT，而不是 ${sign ?? '空'}`,
          `expected CRDT or DBIT, not ${sign ?? 'nothing'}`,
        );
        continue;
      }
      const date = on === null ? null : readDate(on);
      if (date !== null && !date.ok) {
        faults.add(line, `Bal/${code}/Dt`, date.zh, date.en);
        continue;
      }
      const balance = { minor: sign === 'DBIT' ? -amount.value : amount.value, on: date?.value ?? '' };
      if (code === 'OPBD') opening = balance;
      else if (code === 'PRCD') previous = balance;
      else {
        closing = balance;
        closingLine = line;
      }
    }
    opening ??= previous;

    const lines: ParsedLine[] = [];
    let skipped = 0;
    for (const ntry of list(stmt, 'Ntry')) {
      const line = ntryLines[ntryIndex++] ?? stmtLine;
      const status = text(ntry, 'Sts', 'Cd') ?? text(ntry, 'Sts');
      if (status !== null && status !== 'BOOK') {
        skipped += 1;
        continue;
      }
      const currency = attribute(node(ntry, 'Amt'), 'Ccy') ?? accountCurrency;
      if (currency === null || !isCurrencyCode(currency)) {
        faults.add(
          line,
          'Ntry/Amt/@Ccy',
          `币种 ${currency ?? '缺失'} 无效`,
          `currency ${currency ?? 'missing'} is not valid`,
        );
        continue;
      }
      if (accountCurrency !== null && currency !== accountCurrency)
        faults.add(
          line,
          'Ntry/Amt/@Ccy',
          `币种 ${currency} 与账户币种 ${accountCurrency} 不同`,
          `currency ${currency} differs from the account's ${accountCurrency}`,
        );
      const amount = readAmount(text(ntry, 'Amt') ?? '', digitsOf(currency));
      if (!amount.ok || amount.value === null || amount.value <= 0n) {
        faults.add(
          line,
          'Ntry/Amt',
          amount.ok ? '金额缺失或不是正数' : amount.zh,
          amount.ok ? 'the amount is missing or not positive' : amount.en,
        );
        continue;
      }
      const indicator = text(ntry, 'CdtDbtInd');
      if (indicator !== 'CRDT' && indicator !== 'DBIT') {
        faults.add(
          line,
          'Ntry/CdtDbtInd',
          `应为 CRDT 或 DBIT，而不是 ${indicator ?? '空'}`,
          `expected CRDT or DBIT, not ${indicator ?? 'nothing'}`,
        );
        continue;
      }
      const booked = dayOf(node(ntry, 'BookgDt'));
      const bookedOn = booked === null ? null : readDate(booked);
      if (bookedOn === null || !bookedOn.ok) {
        faults.add(
          line,
          'Ntry/BookgDt',
          bookedOn?.ok === false ? bookedOn.zh : '缺少记账日期',
          bookedOn?.ok === false ? bookedOn.en : 'no booking date',
        );
        continue;
      }
      const value = dayOf(node(ntry, 'ValDt'));
      const valueOn = value === null ? null : readDate(value);
      if (valueOn !== null && !valueOn.ok) {
        faults.add(line, 'Ntry/ValDt', valueOn.zh, valueOn.en);
        continue;
      }
      const direction = indicator === 'CRDT' ? 'in' : 'out';
      const details = list(ntry, 'NtryDtls').flatMap((d) => list(d, 'TxDtls'));
      const single = details.length === 1 ? details[0] : undefined;
      const party = direction === 'in' ? 'Dbtr' : 'Cdtr';
      const parties = node(single, 'RltdPties');
      const name =
        text(parties, party, 'Nm') ??
        text(parties, party, 'Pty', 'Nm') ??
        text(parties, `Ultmt${party}`, 'Nm') ??
        text(parties, `Ultmt${party}`, 'Pty', 'Nm');
      const counterAccount =
        cleanAccount(text(parties, `${party}Acct`, 'Id', 'IBAN')) ??
        cleanAccount(text(parties, `${party}Acct`, 'Id', 'Othr', 'Id'));
      const refs = node(single, 'Refs');
      const endToEnd = text(refs, 'EndToEndId');
      const reference =
        (endToEnd !== null && endToEnd.toUpperCase() !== 'NOTPROVIDED' ? endToEnd : null) ??
        text(refs, 'InstrId') ??
        text(refs, 'PmtInfId') ??
        text(single, 'RmtInf', 'Strd', 'CdtrRefInf', 'Ref');
      const texts = [
        ...details.flatMap((d) => {
          const v = d['RmtInf'];
          const ustrd = v !== null && typeof v === 'object' ? (v as Node)['Ustrd'] : undefined;
          return Array.isArray(ustrd) ? ustrd.filter((u): u is string => typeof u === 'string') : [];
        }),
        ...details.flatMap((d) => {
          const v = d['AddtlTxInf'];
          return Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string') : [];
        }),
        text(ntry, 'AddtlNtryInf'),
      ].filter((t): t is string => t !== null && t !== '');
      const description = [...new Set(texts)].join(' / ');
      lines.push({
        seq: lines.length + 1,
        fileLine: line,
        bookedOn: bookedOn.value,
        valueOn: valueOn?.value ?? null,
        amountMinor: amount.value,
        currency,
        direction,
        counterpartyName: name,
        counterpartyAccount: counterAccount,
        reference,
        description:
          details.length > 1
            ? `批量 ${details.length} 笔 / batch of ${details.length}${description === '' ? '' : ` / ${description}`}`
            : description === ''
              ? null
              : description,
        bankTxnId: text(ntry, 'AcctSvcrRef') ?? text(refs, 'AcctSvcrRef') ?? text(ntry, 'NtryRef'),
        balanceMinor: null,
      });
    }

    if (opening !== null && closing !== null && faults.list.length === faultsBefore) {
      const sum = lines.reduce((s, l) => s + (l.direction === 'in' ? l.amountMinor : -l.amountMinor), 0n);
      if (opening.minor + sum !== closing.minor)
        faults.add(
          closingLine,
          'Bal/CLBD',
          `期初余额加本期发生额为 ${String(opening.minor + sum)}（最小单位），与期末余额 ${String(closing.minor)} 不符`,
          `the opening balance plus the entries make ${String(opening.minor + sum)} (minor units), not the closing ${String(closing.minor)}`,
        );
    }
    const days = lines.map((l) => l.bookedOn).sort();
    const stated = (t: string | null, field: string): string | undefined => {
      if (t === null) return undefined;
      const d = readDate(t.slice(0, 10));
      if (d.ok) return d.value;
      faults.add(stmtLine, field, d.zh, d.en);
      return undefined;
    };
    const from =
      stated(text(stmt, 'FrToDt', 'FrDtTm'), 'Stmt/FrToDt/FrDtTm') ??
      days[0] ??
      (opening?.on || undefined) ??
      closing?.on;
    const to =
      stated(text(stmt, 'FrToDt', 'ToDtTm'), 'Stmt/FrToDt/ToDtTm') ??
      days.at(-1) ??
      (closing?.on || undefined) ??
      from;
    if (from === undefined || from === '' || to === undefined || to === '') {
      faults.add(
        stmtLine,
        'Stmt',
        '对账单没有日期：既无明细也无余额日期',
        'the statement has no dates: no entries and no balance dates',
      );
      return;
    }
    statements.push({
      accountNumber: account,
      currency: accountCurrency ?? lines[0]?.currency ?? null,
      ref: text(stmt, 'Id'),
      fromOn: from,
      toOn: to,
      opening,
      closing: closing === null ? null : { minor: closing.minor, on: closing.on === '' ? to : closing.on },
      lines,
      skipped,
    });
  });
  faults.check();
  return { format, layout: null, encoding, statements };
}

import type { SettingsProblem } from '../../contract.ts';
import { canEncode } from './encoding.ts';
import { dateTokens, missingDateParts } from './formats.ts';
import type { AckLayout, Encoding, MasterLayout, VoucherLayout, VoucherListLayout } from './schema.ts';
import { KNOWN_SOURCES, sourceInfo } from './sources.ts';

/**
 * The rules a layout must keep that a schema cannot say: each refused layout is named by a JSON pointer
 * into the settings (`/layout/columns/3/source`) and a sentence a finance admin can act on. A layout
 * that passes can write every canonical voucher, and the ERP can read it back.
 */
type Problems = SettingsProblem[];
const problem = (pointer: string, message: string): SettingsProblem => ({ pointer, message });

const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8',
  gbk: 'GBK',
};

function checkDelimiter(delimiter: string, at: string): Problems {
  return /["\r\n]/.test(delimiter) ? [problem(at, 'a delimiter cannot be a quote or a line break')] : [];
}

/** Titles twice, and titles (or other texts) the file's encoding cannot write. */
function checkTitles(
  columns: readonly { readonly title: string }[],
  encoding: Encoding,
  at: string,
): Problems {
  const problems: Problems = [];
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    const earlier = seen.get(column.title.trim());
    if (earlier !== undefined)
      problems.push(
        problem(`${at}/${i}/title`, `two columns are titled ${column.title} (columns ${earlier} and ${i})`),
      );
    else seen.set(column.title.trim(), i);
    if (!canEncode(column.title, encoding))
      problems.push(
        problem(`${at}/${i}/title`, `${ENCODING_NAMES[encoding]} cannot write the title ${column.title}`),
      );
  });
  return problems;
}

function checkFileName(fileName: string, token: string, extensions: readonly string[], at: string): Problems {
  const count = fileName.split(token).length - 1;
  if (count !== 1) return [problem(at, `the file name must hold ${token} exactly once`)];
  const rest = fileName.replace(token, '');
  if (/[{}]/.test(rest)) return [problem(at, `the file name knows only ${token}`)];
  if (/[/\\]/.test(fileName)) return [problem(at, 'a file name cannot name a folder; set folders instead')];
  const lower = fileName.toLowerCase();
  if (extensions.length > 0 && !extensions.some((e) => lower.endsWith(e)))
    return [problem(at, `the file name must end with ${extensions.join(' or ')}`)];
  return [];
}

function checkColumn(layout: VoucherLayout, i: number, at: string): Problems {
  const column = layout.columns[i];
  if (column === undefined) return [];
  const here = `${at}/columns/${i}`;
  const info = sourceInfo(column.source);
  if (info === undefined)
    return [problem(`${here}/source`, `unknown field ${column.source}; known: ${KNOWN_SOURCES.join(', ')}`)];
  const problems: Problems = [];
  if (info.scope === 'constant' && column.value === undefined)
    problems.push(problem(`${here}/value`, 'a constant column needs its value'));
  if (info.scope !== 'constant' && column.value !== undefined)
    problems.push(problem(`${here}/value`, 'only a constant column has a value'));
  if (column.value !== undefined && !canEncode(column.value, layout.encoding ?? 'utf-8'))
    problems.push(problem(`${here}/value`, `the file’s encoding cannot write ${column.value}`));
  if (column.dateFormat !== undefined) {
    if (info.type !== 'date')
      problems.push(
        problem(`${here}/dateFormat`, `${column.source} is not a date; only date takes a date format`),
      );
    else {
      const tokens = dateTokens(column.dateFormat);
      const missing = 'error' in tokens ? [] : missingDateParts(tokens);
      if ('error' in tokens) problems.push(problem(`${here}/dateFormat`, tokens.error));
      else if (missing.length > 0)
        problems.push(
          problem(
            `${here}/dateFormat`,
            `the date format ${column.dateFormat} has no ${missing.join(', no ')}`,
          ),
        );
    }
  }
  if (column.amount !== undefined) {
    const amount = column.amount;
    if (info.type !== 'amount') problems.push(problem(`${here}/amount`, `${column.source} is not an amount`));
    if (amount.thousandsSeparator === amount.decimalSeparator)
      problems.push(
        problem(`${here}/amount/thousandsSeparator`, 'the digit grouping cannot be the decimal point'),
      );
    if (amount.sign !== undefined && column.source !== 'line.amount')
      problems.push(problem(`${here}/amount/sign`, 'only line.amount has a sign convention'));
    if (amount.sign === 'absolute' && !layout.columns.some((c) => c.source === 'line.direction'))
      problems.push(
        problem(`${here}/amount/sign`, 'absolute amounts need a line.direction column saying the side'),
      );
  }
  if (column.labels !== undefined) {
    if (info.type !== 'direction') problems.push(problem(`${here}/labels`, 'only line.direction has labels'));
    else if (column.labels.debit === column.labels.credit)
      problems.push(problem(`${here}/labels/credit`, 'debit and credit need different labels'));
  }
  return problems;
}

/** The columns a voucher file cannot do without, and the amount columns that need each other. */
function checkCompleteness(layout: VoucherLayout, at: string): Problems {
  const problems: Problems = [];
  const index = (source: string) => layout.columns.findIndex((c) => c.source === source);
  const [debit, credit, amount] = [index('line.debit'), index('line.credit'), index('line.amount')];
  if (debit >= 0 && credit < 0)
    problems.push(problem(`${at}/columns/${debit}/source`, 'line.debit has no line.credit partner column'));
  if (credit >= 0 && debit < 0)
    problems.push(problem(`${at}/columns/${credit}/source`, 'line.credit has no line.debit partner column'));
  if (amount >= 0 && (debit >= 0 || credit >= 0))
    problems.push(
      problem(`${at}/columns/${amount}/source`, 'the amounts are already in line.debit and line.credit'),
    );
  if (debit < 0 && credit < 0 && amount < 0)
    problems.push(
      problem(`${at}/columns`, 'no column holds the amounts (line.debit with line.credit, or line.amount)'),
    );
  const required: readonly [string, string][] = [
    ['reference', 'our reference (the ERP checks it is unique, and acknowledges by it)'],
    ['date', 'the voucher date'],
    ['line.account', 'the line account'],
  ];
  for (const [source, what] of required)
    if (index(source) < 0)
      problems.push(problem(`${at}/columns`, `no column holds ${what} (source ${source})`));
  return problems;
}

export function checkVoucherLayout(layout: VoucherLayout, at: string): Problems {
  const problems: Problems = [];
  const encoding = layout.encoding ?? 'utf-8';
  if (layout.format === 'xlsx' && layout.encoding !== undefined && layout.encoding !== 'utf-8')
    problems.push(problem(`${at}/encoding`, 'an xlsx file is always UTF-8 inside; leave the encoding out'));
  if (layout.format === 'csv' && layout.sheetName !== undefined)
    problems.push(problem(`${at}/sheetName`, 'only an xlsx layout has a worksheet'));
  if (layout.delimiter !== undefined) problems.push(...checkDelimiter(layout.delimiter, `${at}/delimiter`));
  problems.push(
    ...checkFileName(
      layout.fileName,
      '{reference}',
      [layout.format === 'csv' ? '.csv' : '.xlsx'],
      `${at}/fileName`,
    ),
  );
  layout.columns.forEach((_, i) => problems.push(...checkColumn(layout, i, at)));
  problems.push(...checkTitles(layout.columns, encoding, `${at}/columns`));
  problems.push(...checkCompleteness(layout, at));
  return problems;
}

export function checkAckLayout(layout: AckLayout, at: string): Problems {
  const problems: Problems = [...checkDelimiter(layout.delimiter, `${at}/delimiter`)];
  problems.push(...checkFileName(layout.fileName, '{name}', [], `${at}/fileName`));
  const seen = new Map<string, number>();
  layout.columns.forEach((c, i) => {
    if (c.field === 'ignore') return;
    if (seen.has(c.field))
      problems.push(problem(`${at}/columns/${i}/field`, `${c.field} is already column ${seen.get(c.field)}`));
    seen.set(c.field, i);
  });
  for (const needed of ['reference', 'status'])
    if (!seen.has(needed)) problems.push(problem(`${at}/columns`, `no column holds the ${needed}`));
  problems.push(...checkTitles(layout.columns, layout.encoding, `${at}/columns`));
  layout.errorValues.forEach((value, i) => {
    if (layout.okValues.includes(value))
      problems.push(problem(`${at}/errorValues/${i}`, `${value} cannot mean both OK and ERROR`));
  });
  return problems;
}

const MASTER_FIELD = /^(number|name|usable|modifiedAt|data\.[A-Za-z][A-Za-z0-9_]*)$/;

export function checkMasterLayout(layout: MasterLayout, at: string): Problems {
  const problems: Problems = [...checkDelimiter(layout.delimiter, `${at}/delimiter`)];
  if (/[/\\]/.test(layout.fileName))
    problems.push(problem(`${at}/fileName`, 'a file name cannot name a folder; set folders.master instead'));
  const fields = new Map<string, number>();
  layout.columns.forEach((c, i) => {
    if (!MASTER_FIELD.test(c.field))
      problems.push(
        problem(
          `${at}/columns/${i}/field`,
          `unknown field ${c.field}; known: number, name, usable, modifiedAt, data.<key>`,
        ),
      );
    else if (fields.has(c.field))
      problems.push(
        problem(`${at}/columns/${i}/field`, `${c.field} is already column ${fields.get(c.field)}`),
      );
    else fields.set(c.field, i);
  });
  for (const needed of ['number', 'name'])
    if (!fields.has(needed)) problems.push(problem(`${at}/columns`, `no column holds the ${needed}`));
  if (layout.watermark === 'column' && !fields.has('modifiedAt'))
    problems.push(problem(`${at}/watermark`, 'a column watermark needs a modifiedAt column'));
  if (fields.has('usable') && layout.usableValues.length === 0)
    problems.push(problem(`${at}/usableValues`, 'say which values of the usable column mean usable'));
  problems.push(...checkTitles(layout.columns, layout.encoding, `${at}/columns`));
  return problems;
}

/** A file name holding each of its tokens exactly once and nothing else in braces, no folder. */
function checkTokens(fileName: string, tokens: readonly string[], at: string): Problems {
  for (const token of tokens)
    if (fileName.split(token).length - 1 !== 1)
      return [problem(at, `the file name must hold ${token} exactly once`)];
  const rest = tokens.reduce((name, token) => name.replace(token, ''), fileName);
  if (/[{}]/.test(rest)) return [problem(at, `the file name knows only ${tokens.join(', ')}`)];
  if (/[/\\]/.test(fileName))
    return [problem(at, 'a file name cannot name a folder; set folders.vouchers instead')];
  return [];
}

/** Each field once; the fields a listing cannot do without present. */
function checkFields(
  columns: readonly { readonly title: string; readonly field: string }[],
  needed: readonly string[],
  at: string,
): Problems {
  const problems: Problems = [];
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (c.field === 'ignore') return;
    if (seen.has(c.field))
      problems.push(problem(`${at}/${i}/field`, `${c.field} is already column ${seen.get(c.field)}`));
    seen.set(c.field, i);
  });
  for (const field of needed)
    if (!seen.has(field)) problems.push(problem(at, `no column holds the ${field}`));
  return problems;
}

export function checkVoucherListLayout(layout: VoucherListLayout, at: string): Problems {
  const problems: Problems = [...checkDelimiter(layout.delimiter, `${at}/delimiter`)];
  problems.push(...checkTokens(layout.requestFile, ['{period}', '{request}'], `${at}/requestFile`));
  problems.push(...checkTokens(layout.partFile, ['{period}', '{request}', '{part}'], `${at}/partFile`));
  problems.push(...checkTokens(layout.doneFile, ['{period}', '{request}'], `${at}/doneFile`));
  const names = [layout.requestFile, layout.partFile, layout.doneFile];
  if (new Set(names.map((n) => n.replace('{part}', ''))).size < names.length)
    problems.push(problem(`${at}/doneFile`, 'the request, part and done files need names of their own'));
  problems.push(...checkFields(layout.requestColumns, ['period', 'request'], `${at}/requestColumns`));
  problems.push(...checkFields(layout.doneColumns, ['parts'], `${at}/doneColumns`));
  problems.push(
    ...checkFields(
      layout.columns,
      ['erpId', 'reference', 'account', 'debit', 'credit', 'currency'],
      `${at}/columns`,
    ),
  );
  const tokens = dateTokens(layout.dateFormat);
  if ('error' in tokens) problems.push(problem(`${at}/dateFormat`, tokens.error));
  else if (missingDateParts(tokens).length > 0)
    problems.push(
      problem(`${at}/dateFormat`, `the date format lacks ${missingDateParts(tokens).join(', ')}`),
    );
  for (const [key, columns] of [
    ['requestColumns', layout.requestColumns],
    ['doneColumns', layout.doneColumns],
    ['columns', layout.columns],
  ] as const)
    problems.push(...checkTitles(columns, layout.encoding, `${at}/${key}`));
  return problems;
}

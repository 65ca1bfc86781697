/**
 * CSV as RFC 4180 writes it, with the layout's delimiter and line ending: a field is quoted when it
 * holds the delimiter, a quote, a line break or leading/trailing blanks, quotes doubled inside. The
 * reader accepts CRLF and LF and reports an unterminated quote (a truncated file) instead of guessing.
 */
export interface CsvDialect {
  readonly delimiter: string;
  readonly lineEnding: 'crlf' | 'lf';
}

const quoteIfNeeded = (field: string, delimiter: string): string =>
  field.includes(delimiter) || /["\r\n]/.test(field) || field.trim() !== field
    ? `"${field.replace(/"/g, '""')}"`
    : field;

export function writeCsv(rows: readonly (readonly string[])[], dialect: CsvDialect): string {
  const eol = dialect.lineEnding === 'crlf' ? '\r\n' : '\n';
  return rows
    .map((row) => row.map((f) => quoteIfNeeded(f, dialect.delimiter)).join(dialect.delimiter) + eol)
    .join('');
}

export function parseCsv(text: string, delimiter: string): { rows: string[][] } | { error: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
      line++;
    } else field += c;
  }
  if (quoted) return { error: `a quoted field opened on line ${line} is never closed (the file is cut off)` };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => !(r.length === 1 && r[0] === '')) };
}

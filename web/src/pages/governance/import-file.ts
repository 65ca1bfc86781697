import { unzipSync } from 'fflate';

/**
 * The header row of the file a person picked, read in the browser so the columns can be mapped before
 * anything is sent: an xlsx's first sheet (as the server reads it), or a CSV's first line in UTF-8 or,
 * when it is not valid UTF-8, GBK (Excel's default on Chinese Windows).
 */
export async function readHeaders(file: File): Promise<string[]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return /\.xlsx$/i.test(file.name) ? xlsxHeaders(bytes) : csvHeaders(decodeText(bytes));
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gbk').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The first record of a CSV (quoted fields, doubled quotes, commas or semicolons inside quotes). */
export function csvHeaders(text: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field.trim());
      field = '';
    } else if (c === '\n' || c === '\r') break;
    else field += c;
  }
  out.push(field.trim());
  return out.filter((h, i) => h !== '' || i < out.length - 1);
}

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function xml(files: Record<string, Uint8Array>, path: string): Document | undefined {
  const bytes = files[path];
  return bytes === undefined
    ? undefined
    : new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
}

const byTag = (node: Document | Element, tag: string) => [...node.getElementsByTagNameNS('*', tag)];

/** Column letters → 0-based index (A → 0, AA → 26). */
const columnIndex = (ref: string) =>
  [...(/^[A-Z]+/.exec(ref)?.[0] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

function xlsxHeaders(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes, {
    filter: (f) =>
      f.name === 'xl/workbook.xml' ||
      f.name.startsWith('xl/_rels/') ||
      f.name.startsWith('xl/worksheets/') ||
      f.name === 'xl/sharedStrings.xml',
  });
  // the first sheet, through the workbook's relationships (as the server takes it)
  const workbook = xml(files, 'xl/workbook.xml');
  const rels = xml(files, 'xl/_rels/workbook.xml.rels');
  const relId =
    workbook === undefined ? null : (byTag(workbook, 'sheet')[0]?.getAttributeNS(NS_REL, 'id') ?? null);
  const target =
    rels === undefined
      ? undefined
      : byTag(rels, 'Relationship')
          .find((r) => r.getAttribute('Id') === relId)
          ?.getAttribute('Target');
  const sheetPath =
    target === undefined || target === null
      ? 'xl/worksheets/sheet1.xml'
      : target.startsWith('/')
        ? target.slice(1)
        : `xl/${target}`;
  const sheet = xml(files, sheetPath);
  if (sheet === undefined) return [];
  const shared = xml(files, 'xl/sharedStrings.xml');
  const strings =
    shared === undefined
      ? []
      : byTag(shared, 'si').map((si) =>
          byTag(si, 't')
            .map((t) => t.textContent)
            .join(''),
        );
  const row = byTag(sheet, 'row')[0];
  if (row === undefined) return [];
  const out: string[] = [];
  for (const cell of byTag(row, 'c')) {
    const type = cell.getAttribute('t');
    const value = byTag(cell, 'v')[0]?.textContent ?? '';
    const text =
      type === 's'
        ? (strings[Number(value)] ?? '')
        : type === 'inlineStr'
          ? byTag(cell, 't')
              .map((t) => t.textContent)
              .join('')
          : value;
    out[columnIndex(cell.getAttribute('r') ?? '')] = text.trim();
  }
  return Array.from({ length: out.length }, (_, i) => out[i] ?? '');
}

/** A column's letter as the server names it in `/columns/B` (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

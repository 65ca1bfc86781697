import { DomainError } from '../../model/result.ts';
import { looksLikeCamt, parseCamt053 } from './camt053.ts';
import { CSV_LAYOUTS } from './csv-layouts.ts';
import { parseBankCsv } from './csv.ts';
import { decodeText } from './decode.ts';
import { looksLikeMt940, parseMt940 } from './mt940.ts';
import type { ParsedFile } from './statement-file.ts';

/**
 * A bank file of any supported kind → statements. The content decides the format: an ISO 20022
 * Document is camt.053, text with :20: and :61:/:60F: fields is MT940, anything else is read as CSV
 * through the layout named or the one its header row identifies. `layout` may also name a format
 * (`camt053`, `mt940`) to insist on it.
 */
export const FORMAT_NAMES = ['camt053', 'mt940'] as const;

export interface ParseOptions {
  readonly layout?: string;
  /** The currency of lines whose file does not say (the account's). */
  readonly currency: string;
}

export function parseStatementFile(bytes: Uint8Array, options: ParseOptions): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const wanted = options.layout;
  if (wanted === 'camt053' || (wanted === undefined && looksLikeCamt(text)))
    return parseCamt053(text, encoding);
  if (wanted === 'mt940' || (wanted === undefined && looksLikeMt940(text))) return parseMt940(text, encoding);
  if (wanted !== undefined && !CSV_LAYOUTS.some((l) => l.name === wanted))
    throw new DomainError('bank_layout_unknown', {
      reason: `没有名为 ${wanted} 的格式或版式`,
      reasonEn: `there is no format or layout named ${wanted}`,
      known: [...FORMAT_NAMES, ...CSV_LAYOUTS.map((l) => l.name)].join(', '),
    });
  return parseBankCsv(text, encoding, {
    currency: options.currency,
    ...(wanted === undefined ? {} : { layout: wanted }),
  });
}

import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherValue } from '../../../model/voucher.ts';
import { entryOf, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { importBulkDataRequest, type ImportRequest } from './fbdi.ts';
import type { GlRow, JournalRows } from './gl-interface.ts';
import { batchNameOf, fbdiDate, groupIdOf, periodNameOf } from './identifiers.ts';
import { oracleSettings } from './profile.ts';
import { voucherLineSegments } from './segments.ts';

/** REFERENCE columns hold up to 240 characters. */
const clip = (text: string): string => text.slice(0, 240);

/** Our reference as the journal keeps it (REFERENCE6, the journal reference: 240 characters). */
export const storedJournalReference = clip;

/**
 * Pure canonical Voucher → GL_INTERFACE rows (§3.5): one row per line with STATUS NEW, the ledger,
 * accounting date, source and category names, currency, ACTUAL_FLAG A, the account combination in
 * SEGMENT1…n, the entered amount on its side; the batch and journal named after our reference
 * (REFERENCE1, REFERENCE4), our full reference in REFERENCE6, descriptions in REFERENCE2/5/10, a group
 * of its own (GROUP_ID) and the period name. A voucher outside the ledger currency names the
 * conversion type and date; Oracle converts at its daily rate.
 */
export function journalRows(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
  explain: Explanation[],
): JournalRows {
  const settings = oracleSettings(profile);
  const batchName = batchNameOf(reference);
  const groupId = groupIdOf(reference);
  const amount = (minor: bigint) => (minor === 0n ? '' : formatMinor(minor, exponentOf(voucher.currency)));
  const category = entryOf(settings.journalCategories, voucher.word);
  const period = periodNameOf(voucher.period, settings.periodNames);
  const foreign = voucher.currency !== settings.ledgerCurrency;
  explain.push(
    {
      source: '/word',
      field: 'GlInterface.csv[*].USER_JE_CATEGORY_NAME',
      from: voucher.word,
      to: category ?? voucher.word,
      rule:
        category === undefined ? 'identity' : `settings.journalCategories[${JSON.stringify(voucher.word)}]`,
    },
    {
      source: '/period',
      field: 'GlInterface.csv[*].PERIOD_NAME',
      from: voucher.period,
      to: period,
      rule:
        entryOf(settings.periodNames, voucher.period) === undefined
          ? 'Mon-YY'
          : `settings.periodNames[${JSON.stringify(voucher.period)}]`,
    },
    {
      source: '/externalReference',
      field: 'GlInterface.csv[*].REFERENCE1 (batch name), REFERENCE4 (journal name)',
      from: reference,
      to: batchName,
      rule: batchName === reference ? 'identity' : 'FB- + sha256 (the reference is long or not plain)',
    },
    {
      source: '/externalReference',
      field: 'GlInterface.csv[*].REFERENCE6 (journal reference)',
      from: reference,
      to: clip(reference),
      rule: 'identity',
    },
  );
  const header: GlRow = {
    STATUS: 'NEW',
    LEDGER_ID: settings.ledgerId,
    ACCOUNTING_DATE: fbdiDate(voucher.date),
    USER_JE_SOURCE_NAME: settings.journalSource,
    USER_JE_CATEGORY_NAME: category ?? voucher.word,
    CURRENCY_CODE: voucher.currency,
    DATE_CREATED: fbdiDate(voucher.date),
    ACTUAL_FLAG: 'A',
    REFERENCE1: batchName,
    REFERENCE2: clip(voucher.summary),
    REFERENCE4: batchName,
    REFERENCE5: clip(voucher.summary),
    REFERENCE6: clip(reference),
    GROUP_ID: groupId,
    PERIOD_NAME: period,
    ...(foreign
      ? {
          USER_CURRENCY_CONVERSION_TYPE: settings.conversionRateType,
          CURRENCY_CONVERSION_DATE: fbdiDate(voucher.date),
        }
      : {}),
  };
  const rows = voucher.lines.map((line, i): GlRow => {
    const segments = voucherLineSegments(
      line,
      i,
      profile.valueMaps,
      settings.segments,
      `GlInterface.csv[${i}]`,
      explain,
    );
    return {
      ...header,
      SEGMENTS: segments,
      ENTERED_DR: amount(line.debitMinor),
      ENTERED_CR: amount(line.creditMinor),
      REFERENCE10: clip(line.summary),
    };
  });
  return { reference, batchName, groupId, rows };
}

/** The importBulkData request for one voucher (what a dry run shows, and what push sends). */
export function renderJournal(voucher: VoucherValue, reference: string, profile: MappingProfile): Rendered {
  const explain: Explanation[] = [];
  const journal = journalRows(voucher, reference, profile, explain);
  const request: ImportRequest = importBulkDataRequest([journal], oracleSettings(profile));
  return {
    erpObject: 'journalBatches',
    operation: 'importBulkData',
    payload: { ...request },
    explain,
  };
}

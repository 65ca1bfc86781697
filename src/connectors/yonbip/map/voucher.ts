import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherValue } from '../../../model/voucher.ts';
import {
  accountOfLine,
  entryOf,
  mapDimension,
  type Explanation,
  type MappingProfile,
  type Rendered,
} from '../../contract.ts';
import { yonbipSettings } from './profile.ts';

/** An amount as a JSON number literal with exactly the currency's digits (`1200.00`), never a float. */
const decimalLiteral = (text: string): unknown =>
  (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON(text);

/**
 * Pure canonical Voucher → `POST /yonbip/fi/ficloud/openapi/voucher/addVoucher` body (C4): top-level
 * header, one `bodies[]` line per voucher line with `debitOriginal`+`debitOrg` or
 * `creditOriginal`+`creditOrg` (book currency, rate 1), dimensions in `clientAuxiliaryList`. Our
 * reference is the business idempotency key `businessId` and the `externalSourceDataId`.
 */
export function renderYonBipVoucher(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = yonbipSettings(profile);
  const explain: Explanation[] = [];
  const amount = (minor: bigint) => decimalLiteral(formatMinor(minor, exponentOf(voucher.currency)));
  const typeCode = entryOf(settings.voucherTypeCodes, voucher.word);
  explain.push({
    source: '/word',
    field: 'voucherTypeCode',
    from: voucher.word,
    to: typeCode ?? voucher.word,
    rule: typeCode === undefined ? 'identity' : `settings.voucherTypeCodes[${JSON.stringify(voucher.word)}]`,
  });
  const bodies = voucher.lines.map((line, i) => {
    const account = accountOfLine(line, profile.valueMaps);
    explain.push({
      source: `/lines/${i}/accountCode`,
      field: `bodies[${i}].accsubjectCode`,
      from: line.accountCode,
      to: account.to,
      rule: account.rule,
      object: 'accounts',
    });
    const auxiliary = Object.entries(line.aux).flatMap(([dimension, code]) => {
      const filedCode = entryOf(settings.auxiliaryItems, dimension);
      if (filedCode === undefined) return [];
      const mapped = mapDimension(profile.valueMaps, dimension, code);
      explain.push({
        source: `/lines/${i}/aux/${dimension}`,
        field: `bodies[${i}].clientAuxiliaryList[filedCode=${filedCode}].valueCode`,
        from: code,
        to: mapped.to,
        rule: mapped.rule,
        ...(mapped.object === undefined ? {} : { object: mapped.object }),
      });
      return [{ filedCode, valueCode: mapped.to }];
    });
    const debit = line.debitMinor !== 0n;
    return {
      description: line.summary,
      accsubjectCode: account.to,
      ...(debit
        ? { debitOriginal: amount(line.debitMinor), debitOrg: amount(line.debitMinor) }
        : { creditOriginal: amount(line.creditMinor), creditOrg: amount(line.creditMinor) }),
      currencyCode: voucher.currency,
      rateType: '01',
      rateOrg: 1,
      busidate: voucher.date,
      ...(auxiliary.length > 0 ? { clientAuxiliaryList: auxiliary } : {}),
    };
  });
  explain.push({
    source: '/externalReference',
    field: 'businessId, externalSourceDataId',
    from: reference,
    to: reference,
    rule: 'identity',
  });
  const maker =
    settings.makerMobile !== undefined && settings.makerMobile !== ''
      ? { makerMobile: settings.makerMobile }
      : { makerEmail: settings.makerEmail ?? '' };
  return {
    erpObject: 'voucher',
    operation: 'addVoucher',
    payload: {
      accbookCode: settings.accbookCode,
      voucherTypeCode: typeCode ?? voucher.word,
      period: voucher.period,
      ...maker,
      makeTime: voucher.date,
      description: voucher.summary,
      businessId: reference,
      externalSourceDataId: reference,
      bodies,
    },
    explain,
  };
}

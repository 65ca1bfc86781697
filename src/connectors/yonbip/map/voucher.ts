import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherValue } from '../../../model/voucher.ts';
import {
  mapVoucherLine,
  entryOf,
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
    const { account, dimensions } = mapVoucherLine(
      line,
      i,
      profile.valueMaps,
      {
        account: `bodies[${i}].accsubjectCode`,
        slotOf: (dimension) => entryOf(settings.auxiliaryItems, dimension),
        dimensionField: (filedCode) => `bodies[${i}].clientAuxiliaryList[filedCode=${filedCode}].valueCode`,
      },
      explain,
    );
    const auxiliary = dimensions.map((d) => ({ filedCode: d.slot, valueCode: d.code }));
    const debit = line.debitMinor !== 0n;
    return {
      description: line.summary,
      accsubjectCode: account,
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

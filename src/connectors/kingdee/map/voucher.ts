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
import { kingdeeSettings, saveRequest } from './profile.ts';

/** Pure canonical Voucher → GL_VOUCHER Save (A7.1). Amounts are sent as exact decimal strings. */
export function renderGlVoucher(voucher: VoucherValue, reference: string, profile: MappingProfile): Rendered {
  const settings = kingdeeSettings(profile);
  const explain: Explanation[] = [];
  const money = (minor: bigint) => formatMinor(minor, exponentOf(voucher.currency));
  const currency = entryOf(settings.currencies, voucher.currency) ?? voucher.currency;
  const entries = voucher.lines.map((line, i) => {
    const { account, dimensions } = mapVoucherLine(
      line,
      i,
      profile.valueMaps,
      {
        account: `FEntity[${i}].FACCOUNTID`,
        slotOf: (dimension) => entryOf(settings.dimensionSlots, dimension),
        dimensionField: (slot) => `FEntity[${i}].FDetailID.${slot}`,
      },
      explain,
    );
    const amount = line.debitMinor !== 0n ? line.debitMinor : line.creditMinor;
    return {
      FEXPLANATION: line.summary,
      FACCOUNTID: { FNumber: account },
      ...(dimensions.length > 0
        ? { FDetailID: Object.fromEntries(dimensions.map((d) => [d.slot, { FNumber: d.code }])) }
        : {}),
      FCURRENCYID: { FNumber: currency },
      FEXCHANGERATETYPE: { FNumber: settings.exchangeRateType },
      FEXCHANGERATE: 1,
      FAMOUNTFOR: money(amount),
      FDEBIT: money(line.debitMinor),
      FCREDIT: money(line.creditMinor),
      FBUSNO: reference,
    };
  });
  return saveRequest(
    'GL_VOUCHER',
    settings,
    {
      FVOUCHERID: 0,
      FAccountBookID: { FNumber: settings.accountBook },
      FDate: voucher.date,
      FVOUCHERGROUPID: { FNumber: entryOf(settings.voucherGroups, voucher.word) ?? 'PRE001' },
      FVOUCHERGROUPNO: '',
      FEntity: entries,
    },
    explain,
    ['FBillNo', 'FVOUCHERGROUPNO'],
  );
}

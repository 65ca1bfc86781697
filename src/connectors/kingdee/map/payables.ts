import { exponentOf } from '../../../model/currencies.ts';
import { decimal, formatDecimal } from '../../../model/decimal.ts';
import { formatMinor } from '../../../model/money.ts';
import type { PaymentValue, SupplierBillValue } from '../../../model/payables.ts';
import { entryOf, mapValue, type Explanation, type MappingProfile, type Rendered } from '../../contract.ts';
import { kingdeeSettings, saveRequest } from './profile.ts';

/** Kingdee writes tax rates as percentages: "0.06" → "6". */
const percent = (rate: string): string => {
  const r = decimal(rate);
  return formatDecimal(
    r.scale >= 2
      ? { units: r.units, scale: r.scale - 2 }
      : { units: r.units * 10n ** BigInt(2 - r.scale), scale: 0 },
  );
};

/** Canonical SupplierBill → AP_Payable (费用应付单, A7.2); our reference rides in FAP_Remark. */
export function renderApPayable(
  bill: SupplierBillValue,
  reference: string,
  profile: MappingProfile,
): Rendered {
  const settings = kingdeeSettings(profile);
  const money = (minor: bigint) => formatMinor(minor, exponentOf(bill.currency));
  const supplier = mapValue(profile.valueMaps, 'suppliers', bill.supplierCode);
  const explain: Explanation[] = [
    {
      source: '/supplierCode',
      field: 'FSUPPLIERID',
      from: bill.supplierCode,
      to: supplier.to,
      rule: supplier.rule,
      object: 'suppliers',
    },
  ];
  const org = { FNumber: settings.orgNumber };
  const entries = bill.lines.map((line, i) => {
    const mapped = entryOf(settings.expenseItems, line.categoryCode);
    explain.push({
      source: `/lines/${i}/categoryCode`,
      field: `FEntityDetail[${i}].FCOSTID`,
      from: line.categoryCode,
      to: mapped ?? line.categoryCode,
      rule: mapped === undefined ? 'identity' : `settings.expenseItems[${JSON.stringify(line.categoryCode)}]`,
    });
    const department =
      line.departmentCode === undefined
        ? undefined
        : mapValue(profile.valueMaps, 'departments', line.departmentCode);
    if (department !== undefined && line.departmentCode !== undefined)
      explain.push({
        source: `/lines/${i}/departmentCode`,
        field: `FEntityDetail[${i}].FCOSTDEPARTMENTID`,
        from: line.departmentCode,
        to: department.to,
        rule: department.rule,
        object: 'departments',
      });
    return {
      FCOSTID: { FNumber: mapped ?? line.categoryCode },
      ...(department === undefined ? {} : { FCOSTDEPARTMENTID: { FNumber: department.to } }),
      FPriceQty: 1,
      FTaxPrice: money(line.grossMinor),
      FPrice: money(line.netMinor),
      FEntryTaxRate: percent(line.taxRate),
      FNoTaxAmountFor_D: money(line.netMinor),
      FTAXAMOUNTFOR_D: money(line.taxMinor),
      FALLAMOUNTFOR_D: money(line.grossMinor),
      FComment: line.description,
    };
  });
  return saveRequest(
    'AP_Payable',
    settings,
    {
      FID: 0,
      FBillTypeID: { FNUMBER: settings.payableBillType },
      FDATE: bill.date,
      FENDDATE_H: bill.dueDate ?? bill.date,
      FSUPPLIERID: { FNumber: supplier.to },
      FCURRENCYID: { FNumber: entryOf(settings.currencies, bill.currency) ?? bill.currency },
      FBUSINESSTYPE: 'FY',
      FISPRICEEXCLUDETAX: false,
      FISTAX: true,
      FSETTLEORGID: org,
      FPAYORGID: org,
      FAP_Remark: reference,
      FsubHeadFinc: {
        FTaxAmountFor: money(bill.taxMinor),
        FNoTaxAmountFor: money(bill.totalMinor - bill.taxMinor),
      },
      FEntityDetail: entries,
    },
    explain,
  );
}

const PAYEE_FORMS = { supplier: 'BD_Supplier', employee: 'BD_Empinfo', customer: 'BD_Customer' } as const;
const PAYEE_MAPS = { supplier: 'suppliers', employee: 'employees', customer: null } as const;

/** Canonical Payment → AP_PAYBILL (付款单, A7.3); our reference rides in FREMARK. */
export function renderApPaybill(payment: PaymentValue, reference: string, profile: MappingProfile): Rendered {
  const settings = kingdeeSettings(profile);
  const money = formatMinor(payment.amountMinor, exponentOf(payment.currency));
  const map = PAYEE_MAPS[payment.payeeKind];
  const payee =
    map === null
      ? { to: payment.payeeCode, rule: 'identity' }
      : mapValue(profile.valueMaps, map, payment.payeeCode);
  const explain: Explanation[] = [
    {
      source: '/payeeCode',
      field: 'FCONTACTUNIT',
      from: payment.payeeCode,
      to: payee.to,
      rule: payee.rule,
      ...(map === null ? {} : { object: map }),
    },
  ];
  const bank =
    payment.bankAccountCode === undefined
      ? undefined
      : (entryOf(settings.bankAccounts, payment.bankAccountCode) ?? payment.bankAccountCode);
  const form = PAYEE_FORMS[payment.payeeKind];
  const org = { FNumber: settings.orgNumber };
  return saveRequest(
    'AP_PAYBILL',
    settings,
    {
      FID: 0,
      FBillTypeID: { FNumber: settings.paymentBillType },
      FDATE: payment.paidOn,
      FCONTACTUNITTYPE: form,
      FCONTACTUNIT: { FNumber: payee.to },
      FRECTUNITTYPE: form,
      FRECTUNIT: { FNumber: payee.to },
      FCURRENCYID: { FNumber: entryOf(settings.currencies, payment.currency) ?? payment.currency },
      FSETTLECUR: { FNumber: entryOf(settings.currencies, payment.currency) ?? payment.currency },
      FSETTLEORGID: org,
      FPAYORGID: org,
      FEXCHANGERATE: 1,
      FREMARK: reference,
      FPAYBILLENTRY: [
        {
          FSETTLETYPEID: { FNumber: entryOf(settings.settleTypes, payment.method) ?? 'JSFS04_SYS' },
          FPURPOSEID: { FNumber: settings.paymentPurpose },
          FPAYTOTALAMOUNTFOR: money,
          FREALPAYAMOUNTFOR_D: money,
          FSETTLEPAYAMOUNTFOR: money,
          FPOSTDATE: payment.paidOn,
          ...(bank === undefined ? {} : { FACCOUNTID: { FNumber: bank } }),
          ...(payment.payeeBankAccount === undefined
            ? {}
            : { FOPPOSITEBANKACCOUNT: payment.payeeBankAccount }),
          ...(payment.memo === undefined ? {} : { FCOMMENT: payment.memo }),
        },
      ],
    },
    explain,
  );
}

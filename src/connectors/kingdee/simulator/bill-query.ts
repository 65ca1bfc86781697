import { BASE_FORMS, type BaseForm, type Ledger } from './ledger.ts';
import { billRows, emptyBill } from './payables.ts';
import { QueryError, runQuery, type BillQuery, type Row } from './query.ts';
import { MSG, billFormOf, failure, yuan } from './wire.ts';

/**
 * ExecuteBillQuery and BillQuery (单据查询) over the book: the rows each form shows — a voucher's one per
 * line, with its header repeated; bills; base data — run through the query engine (query.ts), answered
 * as arrays of values (ExecuteBillQuery) or objects keyed by FieldKeys (BillQuery). A failure is
 * wrapped as the real system wraps it: `[[{Result: {ResponseStatus: …}}]]`.
 */
export type QueryMethod = 'executebillquery' | 'billquery';

export const isQuery = (method: string): method is QueryMethod =>
  method === 'executebillquery' || method === 'billquery';

export function billQuery(
  ledger: Ledger,
  method: QueryMethod,
  data: Record<string, unknown>,
  ceiling: number,
): unknown {
  const query = data as unknown as BillQuery & { FormId?: string };
  const rows = rowsOf(ledger, query.FormId ?? '');
  if (rows === undefined) return [[failure(MSG.noForm, 5)]];
  try {
    const known = new Set(Object.keys(rows[0] ?? templateOf((query.FormId ?? '').toUpperCase())));
    const result = runQuery(rows, known, query, ceiling);
    if (method === 'executebillquery') return result;
    const keys = query.FieldKeys.split(',').map((k) => k.trim());
    return result.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
  } catch (error) {
    if (error instanceof QueryError) return [[failure(error.message, 9)]];
    throw error;
  }
}

/** The rows of a form (FormId in any case), or undefined when the simulator knows no such form. */
function rowsOf(ledger: Ledger, formId: string): Row[] | undefined {
  const form = formId.toUpperCase();
  if (form === 'GL_VOUCHER') return voucherRows(ledger);
  const bill = billFormOf(form);
  if (bill !== undefined) return billRows(ledger.bills.values(), bill);
  const base = BASE_FORMS.find((f) => f.toUpperCase() === form);
  return base === undefined ? undefined : baseRows(ledger, base);
}

function voucherRows(ledger: Ledger): Row[] {
  const rows: Row[] = [];
  for (const v of ledger.vouchers.values()) {
    for (const e of v.entries) {
      rows.push({
        FVOUCHERID: v.id,
        FBILLNO: v.billNo,
        FDATE: `${v.date}T00:00:00`,
        FYEAR: v.year,
        FPERIOD: v.period,
        'FVOUCHERGROUPID.FNUMBER': v.group,
        'FVOUCHERGROUPID.FNAME': ledger.voucherGroups.get(v.group) ?? '',
        FVOUCHERGROUPNO: String(v.groupNo),
        FDOCUMENTSTATUS: v.status,
        'FACCOUNTBOOKID.FNUMBER': v.book,
        FATTACHMENTS: v.attachments,
        FENTITY_FENTRYID: e.entryId,
        FEXPLANATION: e.explanation,
        'FACCOUNTID.FNUMBER': e.account,
        'FACCOUNTID.FNAME': ledger.baseRecord('BD_Account', e.account)?.name ?? '',
        'FCURRENCYID.FNUMBER': e.currency,
        'FCURRENCYID.FCODE': String(ledger.baseRecord('BD_Currency', e.currency)?.extra['FCODE'] ?? ''),
        FDEBIT: yuan(e.debit),
        FCREDIT: yuan(e.credit),
        FBUSNO: e.busNo,
        FCREATEDATE: v.createdAt.slice(0, 19),
        FMODIFYDATE: v.modifiedAt.slice(0, 19),
      });
    }
  }
  return rows;
}

/** The primary key field of each base-data form. */
const BASE_PK: Readonly<Record<BaseForm, string>> = {
  BD_Account: 'FACCTID',
  BD_Currency: 'FCURRENCYID',
  BD_Department: 'FDEPTID',
  BD_Empinfo: 'FID',
  BD_Supplier: 'FSUPPLIERID',
};

function baseRows(ledger: Ledger, form: BaseForm): Row[] {
  return [...(ledger.base.get(form)?.values() ?? [])].map((r) => ({
    [BASE_PK[form]]: r.id,
    FNUMBER: r.number,
    FSTAFFNUMBER: r.number,
    FNAME: r.name,
    FDOCUMENTSTATUS: 'C',
    FFORBIDSTATUS: 'A',
    'FUSEORGID.FNUMBER': '100',
    FMODIFYDATE: r.modifiedAt.slice(0, 19),
    ...Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k.toUpperCase(), v])),
  }));
}

/** The keys a form's rows have, for a form that holds no rows yet (its FieldKeys are still checked). */
const VOUCHER_TEMPLATE: Row = {
  FVOUCHERID: 0,
  FBILLNO: '',
  FDATE: '',
  FYEAR: 0,
  FPERIOD: 0,
  'FVOUCHERGROUPID.FNUMBER': '',
  'FVOUCHERGROUPID.FNAME': '',
  FVOUCHERGROUPNO: '',
  FDOCUMENTSTATUS: '',
  'FACCOUNTBOOKID.FNUMBER': '',
  FATTACHMENTS: 0,
  FENTITY_FENTRYID: 0,
  FEXPLANATION: '',
  'FACCOUNTID.FNUMBER': '',
  'FACCOUNTID.FNAME': '',
  'FCURRENCYID.FNUMBER': '',
  'FCURRENCYID.FCODE': '',
  FDEBIT: 0,
  FCREDIT: 0,
  FBUSNO: '',
  FCREATEDATE: '',
  FMODIFYDATE: '',
};
const BASE_TEMPLATE: Row = {
  FNUMBER: '',
  FNAME: '',
  FDOCUMENTSTATUS: '',
  FFORBIDSTATUS: '',
  'FUSEORGID.FNUMBER': '',
  FMODIFYDATE: '',
};

function templateOf(form: string): Row {
  if (form === 'GL_VOUCHER') return VOUCHER_TEMPLATE;
  const bill = billFormOf(form);
  return bill === undefined ? BASE_TEMPLATE : (billRows([emptyBill(bill)], bill)[0] ?? BASE_TEMPLATE);
}

import type { BaseForm, BillForm, Ledger, StoredBill } from './ledger.ts';
import type { Row } from './query.ts';
import { refuse, type Json, type Refusal } from './wire.ts';

/**
 * AP_Payable (应付单) and AP_PAYBILL (付款单) in the simulated book: Save validation with the real
 * system's Chinese messages, numbering, and the rows ExecuteBillQuery sees. Amounts are integer fen.
 */

export const BILL_TYPES: Readonly<Record<BillForm, readonly string[]>> = {
  AP_Payable: ['YFD01_SYS', 'YFD02_SYS'],
  AP_PAYBILL: ['FKDLX01_SYS', 'FKDLX02_SYS', 'FKDLX03_SYS', 'FKDLX04_SYS'],
};
const PREFIX: Readonly<Record<BillForm, string>> = { AP_Payable: 'AP', AP_PAYBILL: 'FKD' };
const NAME: Readonly<Record<BillForm, string>> = { AP_Payable: '应付单', AP_PAYBILL: '付款单' };
export const billName = (form: BillForm): string => NAME[form];

/** The number a base-data reference names: {FNumber}, {FNUMBER} or {FSTAFFNUMBER}. */
export const numberOf = (ref: unknown): string | undefined => {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const r = ref as Json;
  const value = r['FNumber'] ?? r['FNUMBER'] ?? r['FSTAFFNUMBER'];
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const field = (model: Json, ...names: string[]): unknown => {
  for (const name of names) if (model[name] !== undefined) return model[name];
  return undefined;
};
export const fenOf = (value: unknown): bigint | null => {
  const text = typeof value === 'number' ? value.toFixed(2) : typeof value === 'string' ? value.trim() : '';
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text === '' ? '0' : text);
  if (!m) return null;
  return BigInt(`${m[1] ?? ''}${m[2] ?? ''}${(m[3] ?? '').padEnd(2, '0')}`);
};

const CONTACT_FORMS: readonly string[] = ['BD_Supplier', 'BD_Empinfo', 'BD_Customer'];

function header(
  form: BillForm,
  model: Json,
  ledger: Ledger,
): Refusal | { billType: string; date: string; currency: string } {
  const billType = numberOf(field(model, 'FBillTypeID', 'FBILLTYPEID'));
  if (billType === undefined) return refuse('字段[单据类型]是必录字段', 'FBillTypeID');
  if (!BILL_TYPES[form].includes(billType)) return refuse(`单据类型[${billType}]不存在`, 'FBillTypeID', 9);
  const rawDate = field(model, 'FDATE', 'FDate');
  const date = typeof rawDate === 'string' ? rawDate.slice(0, 10) : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse('字段[业务日期]是必录字段', 'FDATE');
  if (ledger.closedPeriods.has(date.slice(0, 7)))
    return refuse(`业务日期${date}所在期间已结账，不能保存`, 'FDATE');
  const currency = numberOf(field(model, 'FCURRENCYID', 'FCurrencyId'));
  if (currency === undefined || ledger.baseRecord('BD_Currency', currency) === undefined)
    return refuse(`币别[${currency ?? ''}]不存在`, 'FCURRENCYID', 9);
  for (const org of ['FSETTLEORGID', 'FPAYORGID']) {
    const number = numberOf(model[org]);
    if (number !== undefined && number !== ledger.orgNumber) return refuse(`组织[${number}]不存在`, org, 9);
  }
  return { billType, date, currency };
}

export function validatePayable(
  model: Json,
  ledger: Ledger,
): Refusal | { ok: true; bill: Omit<StoredBill, 'id' | 'billNo' | 'status' | 'createdAt' | 'modifiedAt'> } {
  const head = header('AP_Payable', model, ledger);
  if ('ok' in head) return head;
  const supplier = numberOf(field(model, 'FSUPPLIERID', 'FSupplierId'));
  if (supplier === undefined) return refuse('字段[供应商]是必录字段', 'FSUPPLIERID');
  if (ledger.baseRecord('BD_Supplier', supplier) === undefined)
    return refuse(`供应商[${supplier}]不存在或未审核`, 'FSUPPLIERID', 9);
  const lines = Array.isArray(model['FEntityDetail']) ? (model['FEntityDetail'] as Json[]) : [];
  if (lines.length === 0) return refuse('明细分录不能为空', 'FEntityDetail');
  let total = 0n;
  let tax = 0n;
  for (const [i, line] of lines.entries()) {
    if (numberOf(line['FCOSTID']) === undefined && numberOf(line['FMATERIALID']) === undefined)
      return refuse(`第${i + 1}行明细的费用项目和物料不能同时为空`, 'FCOSTID');
    const net = fenOf(line['FNoTaxAmountFor_D']);
    const lineTax = fenOf(line['FTAXAMOUNTFOR_D']);
    const gross = fenOf(line['FALLAMOUNTFOR_D']);
    if (net === null || lineTax === null || gross === null)
      return refuse(`第${i + 1}行明细金额格式不正确`, 'FALLAMOUNTFOR_D', 8);
    if (gross <= 0n) return refuse(`第${i + 1}行明细价税合计必须大于0`, 'FALLAMOUNTFOR_D');
    if (net + lineTax !== gross)
      return refuse(`第${i + 1}行明细不含税金额加税额不等于价税合计`, 'FALLAMOUNTFOR_D');
    total += gross;
    tax += lineTax;
  }
  const remark = field(model, 'FAP_Remark', 'FAP_REMARK');
  return {
    ok: true,
    bill: {
      form: 'AP_Payable',
      billType: head.billType,
      date: head.date,
      counterpartyType: 'BD_Supplier',
      counterparty: supplier,
      currency: head.currency,
      total,
      tax,
      remark: typeof remark === 'string' ? remark : '',
      entries: lines.length,
    },
  };
}

export function validatePaybill(
  model: Json,
  ledger: Ledger,
): Refusal | { ok: true; bill: Omit<StoredBill, 'id' | 'billNo' | 'status' | 'createdAt' | 'modifiedAt'> } {
  const head = header('AP_PAYBILL', model, ledger);
  if ('ok' in head) return head;
  const contacts: string[] = [];
  for (const [typeKey, unitKey, label] of [
    ['FCONTACTUNITTYPE', 'FCONTACTUNIT', '往来单位'],
    ['FRECTUNITTYPE', 'FRECTUNIT', '收款单位'],
  ] as const) {
    const type = model[typeKey];
    if (typeof type !== 'string' || !CONTACT_FORMS.includes(type))
      return refuse(`字段[${label}类型]是必录字段`, typeKey);
    const unit = numberOf(model[unitKey]);
    if (unit === undefined) return refuse(`字段[${label}]是必录字段`, unitKey);
    if (type !== 'BD_Customer' && ledger.baseRecord(type as BaseForm, unit) === undefined)
      return refuse(`${label}[${unit}]不存在或未审核`, unitKey, 9);
    contacts.push(type, unit);
  }
  const lines = Array.isArray(model['FPAYBILLENTRY']) ? (model['FPAYBILLENTRY'] as Json[]) : [];
  if (lines.length === 0) return refuse('付款明细不能为空', 'FPAYBILLENTRY');
  let total = 0n;
  for (const [i, line] of lines.entries()) {
    if (numberOf(line['FSETTLETYPEID']) === undefined)
      return refuse(`第${i + 1}行付款明细的结算方式是必录字段`, 'FSETTLETYPEID');
    const amount = fenOf(line['FPAYTOTALAMOUNTFOR']);
    if (amount === null) return refuse(`第${i + 1}行付款明细金额格式不正确`, 'FPAYTOTALAMOUNTFOR', 8);
    if (amount <= 0n) return refuse(`第${i + 1}行付款明细应付金额必须大于0`, 'FPAYTOTALAMOUNTFOR');
    total += amount;
  }
  const remark = model['FREMARK'];
  return {
    ok: true,
    bill: {
      form: 'AP_PAYBILL',
      billType: head.billType,
      date: head.date,
      counterpartyType: contacts[0] ?? '',
      counterparty: contacts[1] ?? '',
      currency: head.currency,
      total,
      tax: 0n,
      remark: typeof remark === 'string' ? remark : '',
      entries: lines.length,
    },
  };
}

export const nextBillNo = (form: BillForm, id: number): string =>
  `${PREFIX[form]}${String(id - 300_000).padStart(8, '0')}`;

const yuan = (fen: bigint): number => Number(fen) / 100;

export function billRows(bills: Iterable<StoredBill>, form: BillForm): Row[] {
  const rows: Row[] = [];
  for (const b of bills) {
    if (b.form !== form) continue;
    const common = {
      FID: b.id,
      FBILLNO: b.billNo,
      FDATE: `${b.date}T00:00:00`,
      'FBILLTYPEID.FNUMBER': b.billType,
      'FCURRENCYID.FNUMBER': b.currency,
      FDOCUMENTSTATUS: b.status,
      FCREATEDATE: b.createdAt.slice(0, 19),
      FMODIFYDATE: b.modifiedAt.slice(0, 19),
    };
    rows.push(
      form === 'AP_Payable'
        ? {
            ...common,
            'FSUPPLIERID.FNUMBER': b.counterparty,
            FALLAMOUNTFOR: yuan(b.total),
            FTAXAMOUNTFOR: yuan(b.tax),
            FAP_REMARK: b.remark,
          }
        : {
            ...common,
            FCONTACTUNITTYPE: b.counterpartyType,
            'FCONTACTUNIT.FNUMBER': b.counterparty,
            FPAYTOTALAMOUNTFOR_H: yuan(b.total),
            FREALPAYAMOUNTFOR_H: yuan(b.total),
            FREMARK: b.remark,
          },
    );
  }
  return rows;
}

/** A blank bill, for the query keys of a form that holds no documents yet. */
export const emptyBill = (form: BillForm): StoredBill => ({
  id: 0,
  form,
  billNo: '',
  billType: '',
  date: '',
  counterpartyType: '',
  counterparty: '',
  currency: '',
  total: 0n,
  tax: 0n,
  remark: '',
  entries: 0,
  status: 'A',
  createdAt: '',
  modifiedAt: '',
});

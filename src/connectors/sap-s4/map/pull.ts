import type { ErpRecord, PullCursor } from '../../contract.ts';
import {
  clockOf,
  dateTimeLiteral,
  dateTimeOffsetLiteral,
  isoDateOf,
  isoDateTimeOf,
  queryOf,
  stringLiteral,
  textOf,
  timeLiteral,
} from '../odata.ts';

/** What a pull needs to know of the connection: whose chart of accounts and controlling area, which language, what day it is. */
export interface PullScope {
  readonly chartOfAccounts: string;
  readonly controllingArea: string;
  /** SAP language key of the texts to take (`EN`, `ZH`). */
  readonly language: string;
  /** Today (`YYYY-MM-DD`), for the validity of cost centres. */
  readonly today: string;
}

/** A master-data object pulled from one OData entity set, keyset-paged on (watermark, number). */
export interface PullObject {
  readonly service: string;
  readonly entitySet: string;
  /** The entity set's resource with `$filter`, `$orderby`, `$top` for one page after the cursor. */
  resource(after: PullCursor, limit: number, scope: PullScope): string;
  record(row: Readonly<Record<string, unknown>>, scope: PullScope): ErpRecord;
}

type Row = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The texts of an expanded `to_Text` (`{"results":[…]}`), the one in our language first. */
function textIn(row: Row, language: string, field: string): string {
  const nav = row['to_Text'];
  const texts = isRecord(nav) && Array.isArray(nav['results']) ? nav['results'].filter(isRecord) : [];
  const mine = texts.find((t) => textOf(t, 'Language').toUpperCase() === language.toUpperCase()) ?? texts[0];
  return mine === undefined ? '' : textOf(mine, field);
}

const dataOf = (row: Row, omit: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([key, value]) =>
        key !== '__metadata' && !omit.includes(key) && !(isRecord(value) && '__deferred' in value),
    ),
  );

const and = (...parts: (string | undefined)[]): string =>
  parts.filter((p): p is string => p !== undefined && p !== '').join(' and ');

const page = (filter: string, orderby: string, limit: number, extra: Record<string, string> = {}) =>
  queryOf({
    $filter: filter,
    $orderby: orderby,
    $top: String(limit),
    $inlinecount: 'allpages',
    ...extra,
    $format: 'json',
  });

/**
 * Suppliers: `API_BUSINESS_PARTNER/A_BusinessPartner` of the partners that are suppliers. `A_Supplier`
 * carries no change time, so the watermark is the partner's `LastChangeDate` + `LastChangeTime` (§1.6,
 * [inferred]); the record number is the supplier number (in S/4 usually the partner's own).
 */
const SUPPLIERS: PullObject = {
  service: 'API_BUSINESS_PARTNER',
  entitySet: 'A_BusinessPartner',
  resource(after, limit) {
    const watermark = after.modifiedAt ?? '';
    const [date = '', clock = ''] = watermark.split('T');
    const keyset =
      watermark === ''
        ? after.number === null
          ? undefined
          : `Supplier gt ${stringLiteral(after.number)}`
        : `(LastChangeDate gt ${dateTimeLiteral(date)} or (LastChangeDate eq ${dateTimeLiteral(date)} and ` +
          `(LastChangeTime gt ${timeLiteral(clock)} or (LastChangeTime eq ${timeLiteral(clock)} and ` +
          `Supplier gt ${stringLiteral(after.number ?? '')}))))`;
    return `A_BusinessPartner${page(
      and("Supplier ne ''", keyset),
      'LastChangeDate,LastChangeTime,Supplier',
      limit,
      {
        $select:
          'BusinessPartner,Supplier,BusinessPartnerFullName,BusinessPartnerCategory,BusinessPartnerGrouping,BusinessPartnerIsBlocked,IsMarkedForArchiving,CreationDate,LastChangeDate,LastChangeTime',
      },
    )}`;
  },
  record(row) {
    const date = isoDateOf(row['LastChangeDate']) ?? isoDateOf(row['CreationDate']) ?? '';
    const clock = clockOf(row['LastChangeTime']) ?? '00:00:00';
    return {
      number: textOf(row, 'Supplier'),
      name: textOf(row, 'BusinessPartnerFullName'),
      usable: row['BusinessPartnerIsBlocked'] !== true && row['IsMarkedForArchiving'] !== true,
      modifiedAt: date === '' ? '' : `${date}T${clock}`,
      data: dataOf(row, ['Supplier', 'BusinessPartnerFullName']),
    };
  },
};

/**
 * G/L accounts of the chart of accounts: `API_GLACCOUNTINCHARTOFACCOUNTS_SRV/A_GLAccountInChartOfAccounts`
 * with its texts (`to_Text`), the watermark `LastChangeDateTime`. The service is not in the wire-format
 * reference: its name and fields are [inferred] from public integration code.
 */
const ACCOUNTS: PullObject = {
  service: 'API_GLACCOUNTINCHARTOFACCOUNTS_SRV',
  entitySet: 'A_GLAccountInChartOfAccounts',
  resource(after, limit, scope) {
    const at = after.modifiedAt ?? '';
    const keyset =
      at === ''
        ? after.number === null
          ? undefined
          : `GLAccount gt ${stringLiteral(after.number)}`
        : `(LastChangeDateTime gt ${dateTimeOffsetLiteral(at)} or (LastChangeDateTime eq ${dateTimeOffsetLiteral(at)} and GLAccount gt ${stringLiteral(after.number ?? '')}))`;
    return `A_GLAccountInChartOfAccounts${page(
      and(`ChartOfAccounts eq ${stringLiteral(scope.chartOfAccounts)}`, keyset),
      'LastChangeDateTime,GLAccount',
      limit,
      { $expand: 'to_Text' },
    )}`;
  },
  record(row, scope) {
    const changed = isoDateTimeOf(row['LastChangeDateTime']);
    return {
      number: textOf(row, 'GLAccount'),
      name: textIn(row, scope.language, 'GLAccountName'),
      usable: row['AccountIsBlockedForPosting'] !== true && row['AccountIsMarkedForDeletion'] !== true,
      modifiedAt: changed === undefined ? '' : `${changed}Z`,
      data: dataOf(row, ['GLAccount', 'to_Text']),
    };
  },
};

/**
 * Cost centres (what the department dimension posts to): `API_COSTCENTER_SRV/A_CostCenter` of the
 * controlling area, valid today or later, with texts. No change time is exposed [inferred], so pages go
 * by cost centre number and changes need a pull from the start. Service and fields [inferred] as above.
 */
const COST_CENTERS: PullObject = {
  service: 'API_COSTCENTER_SRV',
  entitySet: 'A_CostCenter',
  resource(after, limit, scope) {
    return `A_CostCenter${page(
      and(
        `ControllingArea eq ${stringLiteral(scope.controllingArea)}`,
        `ValidityEndDate ge ${dateTimeLiteral(scope.today)}`,
        after.number === null ? undefined : `CostCenter gt ${stringLiteral(after.number)}`,
      ),
      'CostCenter',
      limit,
      { $expand: 'to_Text' },
    )}`;
  },
  record(row, scope) {
    const from = isoDateOf(row['ValidityStartDate']);
    return {
      number: textOf(row, 'CostCenter'),
      name: textIn(row, scope.language, 'CostCenterName'),
      usable: from === undefined || from <= scope.today,
      modifiedAt: '',
      data: dataOf(row, ['CostCenter', 'to_Text']),
    };
  },
};

/** Our pull objects by name (the value maps' targets: suppliers, accounts, departments). */
export const PULL_OBJECTS: Readonly<Record<string, PullObject>> = {
  suppliers: SUPPLIERS,
  accounts: ACCOUNTS,
  departments: COST_CENTERS,
};

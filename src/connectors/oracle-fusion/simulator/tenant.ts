import type { SimulatorMasterData } from '../../contract.ts';
import { DEFAULT_ORACLE_SETTINGS } from '../map/profile.ts';

/**
 * The simulated Fusion tenant's setup — what a customer's implementation would have configured: the
 * business unit, the ledger and its currency, journal sources and categories, a chart of accounts of
 * three segments (company, department, natural account) whose value sets come from the master data,
 * supplier sites, tax rate codes and closed periods. Matches DEFAULT_ORACLE_SETTINGS, so a connection
 * with a default profile posts into it.
 */
export interface TenantSetup {
  readonly businessUnits: readonly string[];
  readonly ledgerId: string;
  readonly ledgerName: string;
  readonly ledgerCurrency: string;
  readonly dataAccessSets: readonly string[];
  readonly journalSources: readonly string[];
  readonly journalCategories: readonly string[];
  /** The chart of accounts in segment order: each segment's name, value set and values. */
  readonly segments: readonly {
    readonly name: string;
    readonly valueSet: string;
    readonly values: ReadonlyMap<string, { readonly postable: boolean }>;
  }[];
  readonly segmentSeparator: string;
  /** Every supplier's site names (sites are assigned to every business unit). */
  readonly supplierSites: readonly string[];
  /** Tax rate codes and their rates. */
  readonly taxRateCodes: ReadonlyMap<string, string>;
  /** Closed GL and AP periods, YYYY-MM. */
  readonly closedPeriods: ReadonlySet<string>;
}

export function tenantOf(master: SimulatorMasterData, closedPeriods: readonly string[] = []): TenantSetup {
  const d = DEFAULT_ORACLE_SETTINGS;
  return {
    businessUnits: [d.businessUnit],
    ledgerId: d.ledgerId,
    ledgerName: 'FinBridge CN Primary Ledger',
    ledgerCurrency: d.ledgerCurrency,
    dataAccessSets: ['#NULL', '300000046975980'],
    journalSources: [d.journalSource, 'Spreadsheet', 'Manual'],
    journalCategories: [...new Set([...Object.values(d.journalCategories), 'Accrual', 'Manual'])],
    segments: [
      { name: 'Company', valueSet: 'FinBridge Company', values: new Map([['101', { postable: true }]]) },
      {
        name: 'Department',
        valueSet: 'FinBridge Department',
        values: new Map([
          ['000', { postable: true }],
          ...master.departments.map((x) => [x.code, { postable: true }] as const),
        ]),
      },
      {
        name: 'Account',
        valueSet: 'FinBridge Account',
        values: new Map(master.accounts.map((a) => [a.code, { postable: a.postable }] as const)),
      },
    ],
    segmentSeparator: d.segmentSeparator,
    supplierSites: [d.supplierSite],
    taxRateCodes: new Map(Object.entries(d.taxRateCodes).map(([rate, code]) => [code, rate] as const)),
    closedPeriods: new Set(closedPeriods),
  };
}

import type { LedgerSeed } from './ledger.ts';

/** Seed data is given by the caller (the demo seeds the simulator with the demo company's master data). */
export interface DemoMaster {
  readonly accounts: readonly {
    code: string;
    name: string;
    postable: boolean;
    balanceDirection: 'debit' | 'credit';
  }[];
  readonly departments: readonly { code: string; name: string }[];
  readonly employees: readonly { code: string; name: string }[];
  readonly suppliers: readonly { code: string; name: string; taxId: string }[];
}

export const ledgerSeedFrom = (master: DemoMaster): LedgerSeed => ({
  accounts: master.accounts.map((a) => ({
    number: a.code,
    name: a.name,
    detail: a.postable,
    dc: a.balanceDirection === 'debit' ? 1 : -1,
  })),
  departments: master.departments.map((d) => ({ number: d.code, name: d.name })),
  employees: master.employees.map((e) => ({ number: e.code, name: e.name })),
  suppliers: master.suppliers.map((s) => ({ number: s.code, name: s.name, uscc: s.taxId })),
});

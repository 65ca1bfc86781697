import type { SimulatorMasterData } from '../../contract.ts';
import type { LedgerSeed } from './ledger.ts';

/** The book's first master data, given by the caller (the demo company's, or a test's). */
export const ledgerSeedFrom = (master: SimulatorMasterData): LedgerSeed => ({
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

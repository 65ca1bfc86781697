import { ledgerSeedFrom } from '../../src/connectors/kingdee/simulator/demo-seed.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_DEPARTMENTS,
  DEMO_EMPLOYEES,
  DEMO_SUPPLIERS,
} from '../../src/demo/demo-company.ts';

/** The simulator's book seeded with the demo company's master data. */
export const demoLedger = () =>
  ledgerSeedFrom({
    accounts: DEMO_ACCOUNTS.map((a) => ({
      code: String(a['code']),
      name: String(a['name']),
      postable: a['postable'] !== false,
      balanceDirection: a['balanceDirection'] as 'debit' | 'credit',
    })),
    departments: DEMO_DEPARTMENTS.map((d) => ({ code: String(d['code']), name: String(d['name']) })),
    employees: DEMO_EMPLOYEES.map((e) => ({ code: String(e['code']), name: String(e['name']) })),
    suppliers: DEMO_SUPPLIERS.map((s) => ({
      code: String(s['code']),
      name: String(s['name']),
      taxId: String(s['taxId']),
    })),
  });

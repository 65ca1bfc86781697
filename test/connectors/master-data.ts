import type { SimulatorMasterData } from '../../src/connectors/contract.ts';

/** The small book every Yonyou simulator test starts from: a few accounts, one department, one person, seven suppliers out of order. */
export const MASTER: SimulatorMasterData = {
  accounts: [
    { code: '1002', name: '银行存款', postable: true, balanceDirection: 'debit' },
    { code: '2221', name: '应交税费', postable: false, balanceDirection: 'credit' },
    { code: '22210101', name: '进项税额', postable: true, balanceDirection: 'debit' },
    { code: '224101', name: '应付报销款', postable: true, balanceDirection: 'credit' },
    { code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' },
  ],
  departments: [{ code: 'SALES-E', name: '华东销售部' }],
  employees: [{ code: 'E011', name: '张三' }],
  suppliers: ['S0005', 'S0002', 'S0007', 'S0001', 'S0004', 'S0003', 'S0006'].map((code) => ({
    code,
    name: `供应商${code}`,
    taxId: '',
  })),
};

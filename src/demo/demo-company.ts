import { orgCodeCheckChar } from '../standards/cn/org-code.ts';
import { usccCheckChar } from '../standards/cn/uscc.ts';

/**
 * The demo company: a small Shanghai technology firm with an org chart, staff, suppliers, a 企业会计准则
 * chart of accounts and expense categories mapped to it. All names are fictional and every credit
 * code is synthetic (built with the GB 32100 / GB 11714 check characters, identifying no real entity).
 */
export function syntheticUscc(division: string, orgBody: string): string {
  const first17 = `91${division}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return first17 + usccCheckChar(first17);
}

export const DEMO_COMPANY = {
  code: 'DEMO',
  name: '示例科技（上海）有限公司',
  taxId: syntheticUscc('310115', 'MA1FB001'),
  baseCurrency: 'CNY',
  fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
  accountingStandard: 'CAS',
  address: '上海市浦东新区示例路 88 号',
} as const;

type Row = Record<string, unknown>;

const account = (
  code: string,
  name: string,
  type: string,
  balanceDirection: string,
  extra: Row = {},
): Row => ({
  code,
  name,
  type,
  balanceDirection,
  ...(code.length > 4 ? { parentCode: code.length > 6 ? code.slice(0, 6) : code.slice(0, 4) } : {}),
  ...extra,
});
const expense = (code: string, name: string, aux: string[] = ['department']) =>
  account(code, name, 'profit_loss', 'debit', { auxDimensions: aux });

export const DEMO_ACCOUNTS: Row[] = [
  account('1001', '库存现金', 'asset', 'debit'),
  account('1002', '银行存款', 'asset', 'debit'),
  account('1012', '其他货币资金', 'asset', 'debit'),
  account('1122', '应收账款', 'asset', 'debit', { auxDimensions: ['customer'] }),
  account('1123', '预付账款', 'asset', 'debit', { auxDimensions: ['supplier'] }),
  account('1221', '其他应收款', 'asset', 'debit', { postable: false }),
  account('122101', '其他应收款-员工借款', 'asset', 'debit', { auxDimensions: ['employee'] }),
  account('1403', '原材料', 'asset', 'debit'),
  account('1405', '库存商品', 'asset', 'debit'),
  account('1601', '固定资产', 'asset', 'debit'),
  account('1602', '累计折旧', 'asset', 'credit'),
  account('1701', '无形资产', 'asset', 'debit'),
  account('1801', '长期待摊费用', 'asset', 'debit'),
  account('2202', '应付账款', 'liability', 'credit', { auxDimensions: ['supplier'] }),
  account('2211', '应付职工薪酬', 'liability', 'credit'),
  account('2221', '应交税费', 'liability', 'credit', { postable: false }),
  account('222101', '应交税费-应交增值税', 'liability', 'credit', { postable: false }),
  account('22210101', '应交税费-应交增值税(进项税额)', 'liability', 'credit'),
  account('22210102', '应交税费-应交增值税(销项税额)', 'liability', 'credit'),
  account('2241', '其他应付款', 'liability', 'credit', { postable: false }),
  account('224101', '其他应付款-员工报销款', 'liability', 'credit', { auxDimensions: ['employee'] }),
  account('4103', '本年利润', 'equity', 'credit'),
  account('4104', '利润分配', 'equity', 'credit'),
  account('6001', '主营业务收入', 'profit_loss', 'credit'),
  account('6401', '主营业务成本', 'profit_loss', 'debit'),
  account('6601', '销售费用', 'profit_loss', 'debit', { postable: false }),
  expense('660101', '销售费用-差旅费', ['department', 'employee']),
  expense('660102', '销售费用-业务招待费'),
  expense('660103', '销售费用-交通费'),
  expense('660104', '销售费用-通讯费'),
  expense('660105', '销售费用-广告宣传费'),
  expense('660106', '销售费用-会议费'),
  expense('660199', '销售费用-其他'),
  account('6602', '管理费用', 'profit_loss', 'debit', { postable: false }),
  expense('660201', '管理费用-办公费'),
  expense('660202', '管理费用-差旅费', ['department', 'employee']),
  expense('660203', '管理费用-业务招待费'),
  expense('660204', '管理费用-交通费'),
  expense('660205', '管理费用-通讯费'),
  expense('660206', '管理费用-培训费'),
  expense('660207', '管理费用-会议费'),
  expense('660208', '管理费用-福利费'),
  expense('660209', '管理费用-软件及技术服务费'),
  expense('660299', '管理费用-其他'),
  account('6603', '财务费用', 'profit_loss', 'debit', { postable: false }),
  expense('660301', '财务费用-手续费', []),
  account('6711', '营业外支出', 'profit_loss', 'debit'),
];

export const DEMO_EXPENSE_CATEGORIES: Row[] = [
  {
    code: 'TRAVEL',
    name: '差旅费',
    standardCategory: 'travel',
    managementAccountCode: '660202',
    salesAccountCode: '660101',
  },
  {
    code: 'HOTEL',
    name: '住宿费',
    standardCategory: 'accommodation',
    managementAccountCode: '660202',
    salesAccountCode: '660101',
    parentCode: 'TRAVEL',
  },
  {
    code: 'TAXI',
    name: '市内交通费',
    standardCategory: 'transport',
    managementAccountCode: '660204',
    salesAccountCode: '660103',
  },
  {
    code: 'MEAL',
    name: '餐费',
    standardCategory: 'meals',
    managementAccountCode: '660208',
    salesAccountCode: '660199',
  },
  {
    code: 'ENTERTAIN',
    name: '业务招待费',
    standardCategory: 'entertainment',
    managementAccountCode: '660203',
    salesAccountCode: '660102',
  },
  {
    code: 'OFFICE',
    name: '办公费',
    standardCategory: 'office',
    managementAccountCode: '660201',
    salesAccountCode: '660199',
  },
  {
    code: 'PHONE',
    name: '通讯费',
    standardCategory: 'communication',
    managementAccountCode: '660205',
    salesAccountCode: '660104',
  },
  {
    code: 'TRAINING',
    name: '培训费',
    standardCategory: 'training',
    managementAccountCode: '660206',
    salesAccountCode: '660199',
  },
  {
    code: 'MEETING',
    name: '会议费',
    standardCategory: 'meeting',
    managementAccountCode: '660207',
    salesAccountCode: '660106',
  },
  {
    code: 'ADS',
    name: '广告宣传费',
    standardCategory: 'advertising',
    managementAccountCode: '660299',
    salesAccountCode: '660105',
  },
  {
    code: 'SOFTWARE',
    name: '软件及技术服务费',
    standardCategory: 'software',
    managementAccountCode: '660209',
    salesAccountCode: '660199',
  },
  {
    code: 'BANKFEE',
    name: '银行手续费',
    standardCategory: 'bank_charges',
    managementAccountCode: '660301',
    salesAccountCode: '660301',
  },
];

export const DEMO_COST_CENTERS: Row[] = [
  { code: 'CC-ADM', name: '职能成本中心' },
  { code: 'CC-SALES', name: '销售成本中心' },
  { code: 'CC-RND', name: '研发成本中心' },
];

export const DEMO_DEPARTMENTS: Row[] = [
  {
    code: 'GM',
    name: '总经理办公室',
    kind: 'management',
    managerEmployeeCode: 'E001',
    costCenterCode: 'CC-ADM',
  },
  {
    code: 'FIN',
    name: '财务部',
    kind: 'management',
    parentCode: 'GM',
    managerEmployeeCode: 'E002',
    costCenterCode: 'CC-ADM',
  },
  {
    code: 'HR',
    name: '人力资源部',
    kind: 'management',
    parentCode: 'GM',
    managerEmployeeCode: 'E005',
    costCenterCode: 'CC-ADM',
  },
  {
    code: 'ADM',
    name: '行政部',
    kind: 'management',
    parentCode: 'GM',
    managerEmployeeCode: 'E007',
    costCenterCode: 'CC-ADM',
  },
  {
    code: 'SALES',
    name: '销售部',
    kind: 'sales',
    parentCode: 'GM',
    managerEmployeeCode: 'E009',
    costCenterCode: 'CC-SALES',
  },
  {
    code: 'SALES-E',
    name: '华东销售部',
    kind: 'sales',
    parentCode: 'SALES',
    managerEmployeeCode: 'E010',
    costCenterCode: 'CC-SALES',
  },
  {
    code: 'SALES-S',
    name: '华南销售部',
    kind: 'sales',
    parentCode: 'SALES',
    managerEmployeeCode: 'E013',
    costCenterCode: 'CC-SALES',
  },
  {
    code: 'MKT',
    name: '市场部',
    kind: 'sales',
    parentCode: 'GM',
    managerEmployeeCode: 'E015',
    costCenterCode: 'CC-SALES',
  },
  {
    code: 'RND',
    name: '研发部',
    kind: 'rnd',
    parentCode: 'GM',
    managerEmployeeCode: 'E017',
    costCenterCode: 'CC-RND',
  },
];

const person = (
  code: string,
  name: string,
  departmentCode: string,
  managerCode: string | undefined,
  grade: string,
  pinyin: string,
): Row => ({
  code,
  name,
  departmentCode,
  ...(managerCode === undefined ? {} : { managerCode }),
  grade,
  email: `${pinyin}@demo.finbridge.example`,
});

export const DEMO_EMPLOYEES: Row[] = [
  person('E001', '王建国', 'GM', undefined, 'P9', 'wang.jianguo'),
  person('E002', '李敏', 'FIN', 'E001', 'P8', 'li.min'),
  person('E003', '赵静', 'FIN', 'E002', 'P5', 'zhao.jing'),
  person('E004', '钱晓东', 'FIN', 'E002', 'P4', 'qian.xiaodong'),
  person('E005', '孙丽', 'HR', 'E001', 'P7', 'sun.li'),
  person('E006', '周婷', 'HR', 'E005', 'P4', 'zhou.ting'),
  person('E007', '吴刚', 'ADM', 'E001', 'P6', 'wu.gang'),
  person('E008', '郑雪', 'ADM', 'E007', 'P3', 'zheng.xue'),
  person('E009', '冯涛', 'SALES', 'E001', 'P8', 'feng.tao'),
  person('E010', '陈伟', 'SALES-E', 'E009', 'P7', 'chen.wei'),
  person('E011', '张三', 'SALES-E', 'E010', 'P5', 'zhang.san'),
  person('E012', '褚明', 'SALES-E', 'E010', 'P4', 'chu.ming'),
  person('E013', '卫芳', 'SALES-S', 'E009', 'P7', 'wei.fang'),
  person('E014', '蒋磊', 'SALES-S', 'E013', 'P4', 'jiang.lei'),
  person('E015', '沈悦', 'MKT', 'E001', 'P7', 'shen.yue'),
  person('E016', '韩露', 'MKT', 'E015', 'P4', 'han.lu'),
  person('E017', '杨帆', 'RND', 'E001', 'P8', 'yang.fan'),
  person('E018', '朱琳', 'RND', 'E017', 'P6', 'zhu.lin'),
  person('E019', '秦川', 'RND', 'E017', 'P5', 'qin.chuan'),
  person('E020', '许诺', 'RND', 'E017', 'P3', 'xu.nuo'),
];

const supplier = (
  code: string,
  name: string,
  division: string,
  orgBody: string,
  bankName: string,
  accountNumber: string,
): Row => ({
  code,
  name,
  taxId: syntheticUscc(division, orgBody),
  bankAccounts: [{ bankName, accountNumber, accountName: name, primary: true }],
  paymentTermsDays: 30,
});

export const DEMO_SUPPLIERS: Row[] = [
  supplier('S0001', '上海云杉办公用品有限公司', '310115', 'MA1GY001', '招商银行上海分行', '121900000000001'),
  supplier(
    'S0002',
    '北京星河商旅服务有限公司',
    '110105',
    'MA1GY002',
    '中国工商银行北京朝阳支行',
    '0200000000000000002',
  ),
  supplier(
    'S0003',
    '深圳华通信息技术有限公司',
    '440300',
    'MA1GY003',
    '中国银行深圳分行',
    '750000000000000003',
  ),
  supplier(
    'S0004',
    '杭州青禾会务服务有限公司',
    '330106',
    'MA1GY004',
    '杭州银行文创支行',
    '330000000000000004',
  ),
  supplier(
    'S0005',
    '广州南粤航空票务代理有限公司',
    '440106',
    'MA1GY005',
    '中国建设银行广州天河支行',
    '440000000000000005',
  ),
  supplier(
    'S0006',
    '上海申通通信服务有限公司',
    '310104',
    'MA1GY006',
    '交通银行上海徐汇支行',
    '310000000000000006',
  ),
  supplier(
    'S0007',
    '苏州明德培训咨询有限公司',
    '320505',
    'MA1GY007',
    '中国农业银行苏州高新区支行',
    '100000000000000007',
  ),
  supplier(
    'S0008',
    '南京锦程酒店管理有限公司',
    '320104',
    'MA1GY008',
    '南京银行秦淮支行',
    '010000000000000008',
  ),
];

export const DEMO_CUSTOMERS: Row[] = [
  { code: 'C0001', name: '宁波海曙智能制造有限公司', taxId: syntheticUscc('330203', 'MA1CU001') },
  { code: 'C0002', name: '成都天府数据科技有限公司', taxId: syntheticUscc('510107', 'MA1CU002') },
  { code: 'C0003', name: '武汉光谷医疗器械有限公司', taxId: syntheticUscc('420111', 'MA1CU003') },
];

export const DEMO_PROJECTS: Row[] = [
  {
    code: 'P001',
    name: '华东区渠道拓展',
    managerEmployeeCode: 'E010',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
  },
  { code: 'P002', name: '新一代财务中台', managerEmployeeCode: 'E017', startOn: '2026-03-01' },
  {
    code: 'P003',
    name: '年度客户大会',
    managerEmployeeCode: 'E015',
    startOn: '2026-10-01',
    endOn: '2026-12-15',
  },
];

export const DEMO_CURRENCIES: Row[] = [
  { code: 'CNY', name: '人民币', exponent: 2, symbol: '¥' },
  { code: 'USD', name: '美元', exponent: 2, symbol: '$' },
  { code: 'EUR', name: '欧元', exponent: 2, symbol: '€' },
  { code: 'HKD', name: '港币', exponent: 2, symbol: 'HK$' },
  { code: 'JPY', name: '日元', exponent: 0, symbol: '¥' },
];

export const demoExchangeRates = (effectiveOn: string): Row[] => [
  { base: 'USD', quote: 'CNY', rate: '7.1186', rateType: 'monthly', effectiveOn },
  { base: 'EUR', quote: 'CNY', rate: '7.6520', rateType: 'monthly', effectiveOn },
  { base: 'HKD', quote: 'CNY', rate: '0.91372', rateType: 'monthly', effectiveOn },
  { base: 'JPY', quote: 'CNY', rate: '0.046893', rateType: 'monthly', effectiveOn },
];

/** Monthly budgets (yuan) by department and category. */
export const DEMO_BUDGETS: {
  department: string;
  category: string;
  yuan: number;
  control: 'warn' | 'block';
}[] = [
  { department: 'SALES-E', category: 'TRAVEL', yuan: 60000, control: 'block' },
  { department: 'SALES-E', category: 'ENTERTAIN', yuan: 20000, control: 'block' },
  { department: 'SALES-S', category: 'TRAVEL', yuan: 50000, control: 'block' },
  { department: 'SALES-S', category: 'ENTERTAIN', yuan: 15000, control: 'warn' },
  { department: 'MKT', category: 'ADS', yuan: 120000, control: 'warn' },
  { department: 'MKT', category: 'MEETING', yuan: 80000, control: 'block' },
  { department: 'ADM', category: 'OFFICE', yuan: 30000, control: 'warn' },
  { department: 'RND', category: 'SOFTWARE', yuan: 40000, control: 'warn' },
  { department: 'RND', category: 'TRAINING', yuan: 20000, control: 'block' },
  { department: 'HR', category: 'TRAINING', yuan: 25000, control: 'warn' },
  { department: 'FIN', category: 'BANKFEE', yuan: 3000, control: 'warn' },
];

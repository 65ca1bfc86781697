/**
 * Canonical sample vouchers (wire form) for the demo, the benchmarks and the chaos run: an expense
 * reimbursement debiting 管理费用-差旅费 and crediting 其他应付款-员工报销款, amount varying with `n`.
 */
export function sampleReimbursement(n: number, companyCode: string, employee = 'E018', department = 'RND') {
  const amount = `${100 + (n % 900)}.${String(n % 100).padStart(2, '0')}`;
  const summary = `报销差旅费-${employee}-${n}`;
  return {
    companyCode,
    date: '2026-11-28',
    period: '2026-11',
    word: '记',
    currency: 'CNY',
    summary,
    lines: [
      { summary, accountCode: '660202', debit: amount, aux: { department, employee } },
      { summary, accountCode: '224101', credit: amount, aux: { employee } },
    ],
  };
}

import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { until } from './wait.ts';

/** The travel reimbursement each connector's through-the-hub test posts (1,200.00 on 660202 / 224101). */
export const TRAVEL_VOUCHER = {
  companyCode: 'ACME',
  date: '2026-11-28',
  period: '2026-11',
  word: '记',
  currency: 'CNY',
  summary: '报销差旅费',
  lines: [
    { summary: '差旅费', accountCode: '660202', debit: '1200.00', aux: { department: 'SALES-E' } },
    { summary: '应付报销款', accountCode: '224101', credit: '1200.00' },
  ],
};

/**
 * Submits a document through the API (`/api/v1/vouchers`, `/api/v1/supplier-bills`, …) and waits for
 * the worker to post it: the posting as the API shows it then.
 */
export async function postThroughHub(
  t: TestApp,
  auth: Record<string, string>,
  payload: Record<string, unknown>,
  url = '/api/v1/vouchers',
): Promise<{ id: string; status: string; erpNumber: string }> {
  const submitted = await t.request({ method: 'POST', url, headers: auth, payload });
  assert.equal(submitted.statusCode, 202, submitted.body);
  const id = submitted.json<{ id: string }>().id;
  return until('posted', async () => {
    const p = (await t.request({ url: `/api/v1/postings/${id}`, headers: auth })).json<{
      id: string;
      status: string;
      erpNumber: string;
    }>();
    return p.status === 'posted' ? p : undefined;
  });
}

import { api, unwrap, type Schemas } from '../../api/client.ts';
import type { ExpenseDocument, ExpenseStatus } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/**
 * The three kinds of expense document an employee has — claims (报销单), pre-approval requests
 * (事前申请) and advances (借款) — each under its own API path with the same operations: the calls
 * the employee pages make, by kind.
 */
export type DocumentKind = ExpenseDocument['kind'];
export type SubmissionCheck = Schemas['SubmissionCheck'];

/** The tabs of "my claims, requests and advances", as kept in the address (?tab=). */
export const TABS: readonly { kind: DocumentKind; tab: string; label: MessageKey }[] = [
  { kind: 'claim', tab: 'claims', label: 'mine.tab.claims' },
  { kind: 'request', tab: 'requests', label: 'mine.tab.requests' },
  { kind: 'advance', tab: 'advances', label: 'mine.tab.advances' },
];
export const kindOfTab = (tab: string | null): DocumentKind =>
  TABS.find((x) => x.tab === tab)?.kind ?? 'claim';
export const tabOfKind = (kind: DocumentKind): string => TABS.find((x) => x.kind === kind)?.tab ?? 'claims';

export interface MineQuery {
  readonly limit: number;
  readonly status?: ExpenseStatus;
  readonly from?: string;
  readonly to?: string;
  readonly cursor?: string;
}

const LIST_PATH: Record<DocumentKind, string> = {
  claim: '/api/v1/expense-claims',
  request: '/api/v1/expense-requests',
  advance: '/api/v1/advances',
};

/** The GET (path and query, as the API client writes it) that listMine makes. */
export const listMineUrl = (kind: DocumentKind, query: MineQuery): string =>
  `${LIST_PATH[kind]}?${new URLSearchParams(
    Object.entries({ mine: true, ...query }).map(([name, value]) => [name, String(value)]),
  ).toString()}`;

export function listMine(kind: DocumentKind, query: MineQuery) {
  const params = { params: { query: { mine: true, ...query } } };
  switch (kind) {
    case 'claim':
      return unwrap(api.GET('/api/v1/expense-claims', params));
    case 'request':
      return unwrap(api.GET('/api/v1/expense-requests', params));
    case 'advance':
      return unwrap(api.GET('/api/v1/advances', params));
  }
}

export function getDocument(kind: DocumentKind, id: string): Promise<ExpenseDocument> {
  const params = { params: { path: { id } } };
  switch (kind) {
    case 'claim':
      return unwrap(api.GET('/api/v1/expense-claims/{id}', params));
    case 'request':
      return unwrap(api.GET('/api/v1/expense-requests/{id}', params));
    case 'advance':
      return unwrap(api.GET('/api/v1/advances/{id}', params));
  }
}

/** The dry run of a submission (nothing changes): what would refuse it, its risk tags, its approval chain. */
export function checkSubmission(kind: DocumentKind, id: string): Promise<SubmissionCheck> {
  const params = { params: { path: { id } } };
  switch (kind) {
    case 'claim':
      return unwrap(api.GET('/api/v1/expense-claims/{id}/submission-check', params));
    case 'request':
      return unwrap(api.GET('/api/v1/expense-requests/{id}/submission-check', params));
    case 'advance':
      return unwrap(api.GET('/api/v1/advances/{id}/submission-check', params));
  }
}

export function submitDocument(kind: DocumentKind, id: string): Promise<ExpenseDocument> {
  const params = { params: { path: { id } } };
  switch (kind) {
    case 'claim':
      return unwrap(api.POST('/api/v1/expense-claims/{id}/submit', params));
    case 'request':
      return unwrap(api.POST('/api/v1/expense-requests/{id}/submit', params));
    case 'advance':
      return unwrap(api.POST('/api/v1/advances/{id}/submit', params));
  }
}

/** The voucher a claim or advance posts (a request posts none). */
export function previewVoucher(kind: Exclude<DocumentKind, 'request'>, id: string) {
  const params = { params: { path: { id } } };
  return kind === 'claim'
    ? unwrap(api.GET('/api/v1/expense-claims/{id}/voucher', params))
    : unwrap(api.GET('/api/v1/advances/{id}/voucher', params));
}

/** The last time the document was reversed (红冲), from its timeline. */
export function lastReversal(doc: ExpenseDocument) {
  return [...(doc.transitions ?? [])].reverse().find((x) => x.to === 'reversed');
}

/**
 * Where a reversal (红冲) stands: `posted` — the ERP holds the red-letter voucher (its number);
 * `pending` — reversed here, the red voucher on its way to the ERP; `corrected` — a posted claim was
 * corrected (reversed, then posted again as a new revision). Undefined when never reversed.
 */
export type ReversalState = 'posted' | 'pending' | 'corrected';
export function reversalState(doc: ExpenseDocument): ReversalState | undefined {
  if (doc.status === 'reversed') return doc.posting?.erpReversalNumber == null ? 'pending' : 'posted';
  if (doc.revision > 1) return 'corrected';
  return undefined;
}

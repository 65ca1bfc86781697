import { Tag, Tooltip } from 'antd';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** The bank pages' shapes, all from the generated client (schema.d.ts). */
type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : never;
type Created<T> = T extends { responses: { 201: { content: { 'application/json': infer R } } } } ? R : never;
export type Account = Ok<paths['/api/v1/bank-statements/accounts']['get']>['items'][number];
export type Line = Ok<paths['/api/v1/bank-statements/lines']['get']>['items'][number];
export type Entry = Ok<paths['/api/v1/bank-statements/book-entries']['get']>['items'][number];
export type Match = Ok<paths['/api/v1/bank-statements/matches']['get']>['items'][number];
export type Reason = Match['reasons'][number];
export type Statement = Ok<paths['/api/v1/bank-statements/reconciliation']['get']>;
export type Layouts = Ok<paths['/api/v1/bank-statements/layouts']['get']>;
export type Imported = Created<paths['/api/v1/bank-statements']['post']>;
export type ItemStatus = 'open' | 'matched' | 'all';

/** The API answers at most this many items in one page. */
export const MOST = 500;

const itemQuery = (account: string, status: ItemStatus) => ({
  account,
  limit: MOST,
  ...(status === 'all' ? {} : { status }),
});

/** Statement lines of an account, by status (all: no filter). */
export const loadLines = (account: string, status: ItemStatus) =>
  unwrap(api.GET('/api/v1/bank-statements/lines', { params: { query: itemQuery(account, status) } }));

/** Book entries of an account, by status (all: no filter). */
export const loadEntries = (account: string, status: ItemStatus) =>
  unwrap(api.GET('/api/v1/bank-statements/book-entries', { params: { query: itemQuery(account, status) } }));

/** A failure the page reports (a lost session is the sign-in page's business). */
export const reportable = (failure: unknown): boolean =>
  !(failure instanceof ApiError && failure.status === 401);

/** A reason for a match with its points, in the reader's language (how many days apart, how many members). */
export function ReasonTag({ reason }: { readonly reason: Reason }) {
  const { t } = useI18n();
  const params = { points: reason.points, days: reason.days ?? 0, members: reason.members ?? 0 };
  const partial = reason.match === undefined ? '' : ` · ${t(`bank.reason.match.${reason.match}`)}`;
  return (
    <Tooltip title={t(`bank.reason.${reason.code}.what` as MessageKey, params)}>
      <Tag data-reason={reason.code}>
        {t(`bank.reason.${reason.code}` as MessageKey, params)}
        {partial} +{reason.points}
      </Tag>
    </Tooltip>
  );
}

/** The score of a match, coloured by how sure it is (the proposal threshold is 60). */
export function ScoreTag({ score }: { readonly score: number }) {
  const color = score >= 90 ? 'green' : score >= 60 ? 'blue' : 'orange';
  return (
    <Tag color={color} data-testid="match-score" data-score={score}>
      {score}
    </Tag>
  );
}

/** Money in or out, signed as the company sees it. */
export function DirectionTag({ direction }: { readonly direction: 'in' | 'out' }) {
  const { t } = useI18n();
  return (
    <Tag color={direction === 'in' ? 'green' : 'volcano'} data-direction={direction}>
      {t(direction === 'in' ? 'bank.in' : 'bank.out')}
    </Tag>
  );
}

import type { operations } from '../../api/schema';

/** Names for the generated shapes the integration pages use (all from schema.d.ts; none written by hand). */
type Ok<O extends keyof operations, S extends number = 200> = operations[O]['responses'] extends {
  [K in S]: { content: infer C };
}
  ? C extends { 'application/json': infer J }
    ? J
    : never
  : never;

export type Connector = Ok<'listConnectors'>['items'][number];
export type Connection = Ok<'listConnections'>['items'][number];
export type TestResult = Ok<'testConnection'>;
export type Posting = Ok<'listPostings'>['items'][number];
export type PostingStatus = NonNullable<
  NonNullable<operations['listPostings']['parameters']['query']>['status']
>;
export type PostingSummary = Ok<'summarizePostings'>;
export type Trace = Ok<'traceDocument'>;
export type TraceEvent = Trace['events'][number];
export type MappingProfile = Ok<'listMappingProfiles'>['items'][number];
export type DryRun = Ok<'dryRunConnection'>;
export type SyncStates = Ok<'listSyncStates'>;
export type SyncState = SyncStates['items'][number];
export type SyncRun = Ok<'runSync'>;
export type BulkResult = Ok<'bulkUpsertDepartments'>;

export const POSTING_STATUSES: readonly PostingStatus[] = [
  'pending',
  'sending',
  'unknown',
  'posted',
  'rejected',
  'dead',
];

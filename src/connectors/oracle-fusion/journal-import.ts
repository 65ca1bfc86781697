import type { ErpFailure, PushResult } from '../contract.ts';
import { MEDIA, type Deadline, type OracleClient } from './client.ts';
import { refusal, type Json } from './errors.ts';
import { isFinished, journalErrors, requestError, zipTexts, type JournalError } from './map/ess.ts';
import { importBulkDataRequest } from './map/fbdi.ts';
import { isBatchOf, quoted } from './map/identifiers.ts';
import type { JournalRows } from './map/gl-interface.ts';
import type { OracleSettings } from './map/profile.ts';

/**
 * GL journals the way Oracle takes them (§3.5): the FBDI file goes in with `importBulkData`, Import
 * Journals runs as an ESS request, its status is polled until it finishes or the call's budget is spent
 * (then every journal is ambiguous and is found later by its batch name). A finished request can have
 * imported some journals and rejected others, whatever its status says, so each journal's fate is read
 * on its own: found in `/journalBatches` → success; named with an error code in the request's log →
 * rejected with Oracle's message; neither → ambiguous.
 */
export interface BatchFound {
  readonly erpId: string;
  readonly erpNumber: string;
}

/** Imports this process submitted and has not seen finish: a lookup must not say "not found" while one runs. */
export class PendingImports {
  private readonly byReference = new Map<string, { readonly requestId: string; readonly at: number }>();
  /** A pending import is forgotten after this long (the request is surely finished by then). */
  private static readonly KEEP_MS = 6 * 3600_000;

  add(references: readonly string[], requestId: string): void {
    for (const reference of references) this.byReference.set(reference, { requestId, at: performance.now() });
  }

  requestOf(reference: string): string | undefined {
    const entry = this.byReference.get(reference);
    if (entry === undefined) return undefined;
    if (performance.now() - entry.at <= PendingImports.KEEP_MS) return entry.requestId;
    this.byReference.delete(reference);
    return undefined;
  }

  settle(reference: string): void {
    this.byReference.delete(reference);
  }
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many batch names one `q` asks for. */
const NAMES_PER_QUERY = 10;

export type EssStatus = { readonly status: string } | { readonly failure: ErpFailure };

export class JournalImport {
  private readonly client: OracleClient;
  private readonly pollMs: number;
  readonly pending = new PendingImports();

  constructor(client: OracleClient, pollMs: number) {
    this.client = client;
    this.pollMs = pollMs;
  }

  /** The ESS status of a request (`getESSJobStatus` through the ESSJobStatusRF finder). */
  async status(requestId: string, deadline: Deadline): Promise<EssStatus> {
    const result = await this.client.get(
      'erpintegrations',
      { finder: `ESSJobStatusRF;requestId=${requestId}`, onlyData: 'true' },
      deadline,
    );
    if (!result.ok) return { failure: result.failure };
    const items = result.body['items'];
    const first = Array.isArray(items) ? (items[0] as Json | undefined) : undefined;
    return { status: text(first?.['RequestStatus']).toUpperCase() };
  }

  /** Batches whose names Journal Import made from ours, by our name (the first one when there are several). */
  async findBatches(
    names: readonly string[],
    deadline: Deadline,
  ): Promise<{ found: Map<string, BatchFound> } | { failure: ErpFailure }> {
    const found = new Map<string, BatchFound>();
    for (let i = 0; i < names.length; i += NAMES_PER_QUERY) {
      const chunk = names.slice(i, i + NAMES_PER_QUERY);
      const result = await this.client.get(
        'journalBatches',
        {
          q: chunk.map((name) => `BatchName LIKE ${quoted(`${name}%`)}`).join(' or '),
          fields: 'JeBatchId,BatchName',
          orderBy: 'JeBatchId:asc',
          onlyData: 'true',
          limit: '500',
        },
        deadline,
      );
      if (!result.ok) return { failure: result.failure };
      const items = Array.isArray(result.body['items']) ? (result.body['items'] as Json[]) : [];
      for (const name of chunk) {
        const batch = items.find((item) => isBatchOf(text(item['BatchName']).trim(), name));
        if (batch !== undefined)
          found.set(name, { erpId: text(batch['JeBatchId']), erpNumber: text(batch['BatchName']).trim() });
      }
    }
    return { found };
  }

  /** The request's log and output files, as text. */
  private async executionDetails(requestId: string, deadline: Deadline): Promise<string[] | ErpFailure> {
    const result = await this.client.post(
      'erpintegrations',
      { OperationName: 'downloadESSJobExecutionDetails', ReqstId: requestId, FileType: 'log' },
      { type: MEDIA.json, write: false, deadline },
    );
    if (!result.ok) return result.failure;
    const texts = zipTexts(text(result.body['DocumentContent']));
    return texts === undefined
      ? { outcome: 'transient', code: 'unreadable_log', message: 'the execution details are not a zip' }
      : [...texts.values()];
  }

  /** Polls until the request finishes or the deadline; the status it ended in, or why it is not known. */
  private async waitFor(requestId: string, deadline: Deadline): Promise<EssStatus> {
    let interval = this.pollMs;
    let last: EssStatus = { status: 'WAIT' };
    for (;;) {
      last = await this.status(requestId, deadline);
      if ('status' in last && isFinished(last.status)) return last;
      if ('failure' in last && last.failure.outcome === 'rejected') return last;
      const left = deadline.at - performance.now();
      if (left <= interval) return last;
      await sleep(interval);
      interval = Math.min(interval * 2, 5000);
    }
  }

  /** Imports journals in one file and one request; one result per journal, in order. */
  async run(journals: readonly JournalRows[], settings: OracleSettings): Promise<PushResult[]> {
    const deadline = this.client.deadline();
    const all = (failure: ErpFailure): PushResult[] => journals.map(() => failure);
    const submitted = await this.client.post('erpintegrations', importBulkDataRequest(journals, settings), {
      type: MEDIA.json,
      write: true,
      deadline,
    });
    if (!submitted.ok) return all(submitted.failure);
    const requestId = text(submitted.body['ReqstId']);
    if (!/^[1-9][0-9]*$/.test(requestId))
      return all({
        outcome: 'ambiguous',
        code: 'no_request_id',
        message: `importBulkData answered without a request id: ${JSON.stringify(submitted.body).slice(0, 300)}`,
      });
    const references = journals.map((j) => j.reference);
    this.pending.add(references, requestId);
    const ended = await this.waitFor(requestId, deadline);
    if (!('status' in ended) || !isFinished(ended.status))
      return all({
        outcome: 'ambiguous',
        code: 'status' in ended ? `ESS ${ended.status || 'unknown'}` : ended.failure.code,
        message: `Import Journals request ${requestId} has not finished${
          'status' in ended ? ` (${ended.status || 'no status'})` : `: ${ended.failure.message}`
        }; look the batches up by name later`,
      });
    const results = await this.fates(journals, requestId, ended.status, deadline);
    results.forEach((result, i) => {
      const reference = references[i];
      if (reference !== undefined && result.outcome !== 'ambiguous') this.pending.settle(reference);
    });
    return results;
  }

  /** Each journal's fate once the request has finished. */
  private async fates(
    journals: readonly JournalRows[],
    requestId: string,
    status: string,
    deadline: Deadline,
  ): Promise<PushResult[]> {
    const names = journals.map((j) => j.batchName);
    const batches = await this.findBatches(names, deadline);
    if ('failure' in batches) return journals.map(() => ({ ...batches.failure, outcome: 'ambiguous' }));
    const missing = names.filter((name) => !batches.found.has(name));
    const details = missing.length === 0 ? [] : await this.executionDetails(requestId, deadline);
    const errors = Array.isArray(details) ? journalErrors(details, missing) : new Map<string, JournalError>();
    const failedRequest = Array.isArray(details) && status === 'ERROR' ? requestError(details) : undefined;
    return names.map((name): PushResult => {
      const batch = batches.found.get(name);
      if (batch !== undefined) return { outcome: 'success', ...batch };
      if (!Array.isArray(details))
        return {
          ...details,
          outcome: 'ambiguous',
          message: `not in journalBatches; log unreadable: ${details.message}`,
        };
      const error = errors.get(name);
      if (error !== undefined) return refusal(error.code, error.message);
      if (failedRequest !== undefined) return refusal(`ESS ${status}`, failedRequest);
      return {
        outcome: 'ambiguous',
        code: 'not_in_gl',
        message: `Import Journals request ${requestId} ended ${status} without batch ${name} and without an error for it`,
      };
    });
  }
}

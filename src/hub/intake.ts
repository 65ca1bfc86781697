import type { Writer } from '../platform/audit/audit-log.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';
import { parseDocument } from './canonical-documents.ts';
import {
  storeSubmissions,
  type DocumentSubmission,
  type ParsedSubmission,
  type PostingView,
  type SubmissionOutcome,
} from './postings.ts';
import type { Worker } from './worker.ts';

/**
 * The intake of the standalone submission endpoints: group commit. Submissions that arrive while a
 * company's previous transaction is still running are stored together in the next one — a handful of
 * statements for the whole group instead of a handful each — and every caller still gets its own
 * answer only once its posting is committed. Validation happens before queueing, so a bad document is
 * refused at once and never shares a transaction. Should a group's transaction fail, each of its
 * submissions is retried in a transaction of its own, so one bad apple cannot fail its neighbours.
 */
export interface Intake {
  submit(
    tenant: IntakeTenant,
    input: DocumentSubmission,
  ): Promise<{ posting: PostingView; duplicate: boolean }>;
}

export interface IntakeTenant {
  readonly db: TenantDb;
  readonly writer: Writer;
  readonly companyCode: string;
}

interface Waiting extends ParsedSubmission {
  readonly resolve: (outcome: SubmissionOutcome) => void;
  readonly reject: (error: unknown) => void;
}

interface Queue {
  readonly tenant: IntakeTenant;
  waiting: Waiting[];
  busy: boolean;
}

/** Most submissions in one transaction. */
const DEFAULT_GROUP = 256;

export interface IntakeOptions {
  readonly maxGroup?: number;
  /**
   * This process's worker, when it runs one: while it has room, the intake stores postings already
   * claimed by it and hands them over once committed (ADR 0023), so that they are sent without waiting
   * for its next claim; it is woken for the others.
   */
  readonly worker?: Pick<Worker, 'reserve' | 'wake'>;
}

export function createIntake(options: IntakeOptions = {}): Intake {
  const maxGroup = options.maxGroup ?? DEFAULT_GROUP;
  const queues = new Map<string, Queue>();

  async function store(queue: Queue, group: readonly Waiting[]): Promise<void> {
    const { db, companyCode } = queue.tenant;
    const claim = options.worker?.reserve(group.length);
    try {
      const outcomes = await db.transaction((tx) => storeSubmissions(tx, companyCode, group, claim?.lease));
      claim?.hand(outcomes.flatMap((o) => (o.ok && o.claimed !== undefined ? [o.claimed] : [])));
      // the worker looks for the ones it was not handed (it had no room, or they wait for an ordering key)
      if (outcomes.some((o) => o.ok && !o.duplicate && o.claimed === undefined)) options.worker?.wake();
      for (const [i, waiting] of group.entries()) {
        const outcome = outcomes[i];
        if (outcome === undefined) waiting.reject(new Error('the intake lost a submission'));
        else waiting.resolve(outcome);
      }
    } catch (error) {
      claim?.release();
      const [only] = group;
      if (group.length === 1 && only !== undefined) only.reject(error);
      else for (const waiting of group) await store(queue, [waiting]);
    }
  }

  async function drain(queue: Queue): Promise<void> {
    queue.busy = true;
    // callers of this turn of the event loop join the first group
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.waiting.length > 0) {
      const group = queue.waiting.slice(0, maxGroup);
      queue.waiting = queue.waiting.slice(group.length);
      await store(queue, group);
    }
    queue.busy = false;
    queues.delete(queue.tenant.db.tenantId);
  }

  return {
    submit: async (tenant, input) => {
      const document = parseDocument(input.kind, input.document);
      const outcome = await new Promise<SubmissionOutcome>((resolve, reject) => {
        let queue = queues.get(tenant.db.tenantId);
        if (queue === undefined) {
          queue = { tenant, waiting: [], busy: false };
          queues.set(tenant.db.tenantId, queue);
        }
        queue.waiting.push({ writer: tenant.writer, input, document, resolve, reject });
        if (!queue.busy) void drain(queue);
      });
      if (!outcome.ok) throw outcome.error;
      return { posting: outcome.posting, duplicate: outcome.duplicate };
    },
  };
}

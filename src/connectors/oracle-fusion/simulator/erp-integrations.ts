import { strToU8, zipSync } from 'fflate';
import type { EssJob } from './book.ts';
import { appendTo, loadInterfaceFile, runJournalImport, type ImportContext } from './journal-import.ts';
import { collection, errorAnswer, itemAnswer, type Answer, type Caller } from './rest.ts';

/**
 * The ERP Integrations resource (§3.5): `importBulkData` loads the FBDI zip and submits Import Journals,
 * answering 201 with the request id (`ReqstId`); `finder=ESSJobStatusRF;requestId=` reports the
 * request's status; `downloadESSJobExecutionDetails` returns its log files as a base64 zip. A request
 * answers WAIT then RUNNING while the essRunningPolls fault holds it, and runs after that many polls or
 * once a minute of the tenant's clock has passed.
 */
export const JOURNAL_IMPORT_JOB =
  '/oracle/apps/ess/financials/generalLedger/programs/common,JournalImportLauncher';
const RUNS_AFTER_MS = 60_000;

const ATTRIBUTES = new Set([
  'OperationName',
  'DocumentId',
  'DocumentContent',
  'FileName',
  'ContentType',
  'FileType',
  'DocumentAccount',
  'Comments',
  'ProcessName',
  'LoadRequestId',
  'JobPackageName',
  'JobDefName',
  'ReqstId',
  'RequestStatus',
  'JobName',
  'ParameterList',
  'NotificationCode',
  'CallbackURL',
  'JobOptions',
  'StatusCode',
  'ESSParameters',
]);

export interface IntegrationsContext extends ImportContext {
  /** Called when the book changed (to save it). */
  readonly changed: () => void;
}

const str = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** Runs a request now if it is due: after its polls, or when the clock says it has had its time. */
function advance(ctx: IntegrationsContext, job: EssJob, polled: boolean): void {
  if (job.finished) return;
  if (polled && job.pollsLeft > 0) {
    job.pollsLeft -= 1;
    job.polls += 1;
    job.status = job.polls === 1 ? 'WAIT' : 'RUNNING';
    return;
  }
  if (job.pollsLeft > 0 && ctx.now().getTime() - job.submittedAt < RUNS_AFTER_MS) return;
  runJournalImport(ctx, job);
  ctx.changed();
}

/** Runs every request whose time has come (called on each request the tenant serves). */
export function runOverdue(ctx: IntegrationsContext): void {
  for (const job of ctx.book.jobs.values()) if (!job.finished) advance(ctx, job, false);
}

function importBulkData(
  ctx: IntegrationsContext,
  caller: Caller,
  body: Record<string, unknown>,
): { answer: Answer; commits: boolean } {
  const jobName = str(body['JobName']);
  if (jobName !== JOURNAL_IMPORT_JOB)
    return {
      answer: errorAnswer(caller, 400, [
        {
          detail: `The job ${jobName || '(none)'} isn't supported for this document account.`,
          path: '/erpintegrations/JobName',
        },
      ]),
      commits: false,
    };
  const content = str(body['DocumentContent']);
  if (content === '')
    return {
      answer: errorAnswer(caller, 400, [{ detail: 'The attribute DocumentContent is required.' }]),
      commits: false,
    };
  const requestId = String(ctx.book.next('request'));
  const childId = String(ctx.book.next('request'));
  const parameters = str(body['ParameterList']).split(',');
  const fileName = str(body['FileName']);
  const job: EssJob = {
    requestId,
    childId,
    jobName,
    fileName,
    parameters,
    submittedAt: ctx.now().getTime(),
    pollsLeft: ctx.faults.essRunningPolls ?? 0,
    polls: 0,
    status: 'WAIT',
    finished: false,
    files: {
      [`${requestId}.log`]: `Import Journals launcher, request ${requestId}\nParameters: ${parameters.join(', ')}\n`,
    },
  };
  ctx.book.jobs.set(requestId, job);
  const loaded = loadInterfaceFile(ctx.book, content, requestId);
  if (typeof loaded === 'string') {
    appendTo(job, `${requestId}.log`, `${loaded}\n`);
    job.status = 'ERROR';
    job.finished = true;
  } else {
    appendTo(
      job,
      `${requestId}.log`,
      `Loaded ${loaded} rows of ${fileName} into GL_INTERFACE\nSubmitted Journal Import request ${childId}\n`,
    );
    advance(ctx, job, false);
  }
  ctx.changed();
  const echoed = Object.fromEntries(Object.entries(body).filter(([k]) => ATTRIBUTES.has(k)));
  return { answer: itemAnswer(201, { ...echoed, DocumentContent: null, ReqstId: requestId }), commits: true };
}

function executionDetails(ctx: IntegrationsContext, caller: Caller, body: Record<string, unknown>): Answer {
  const requestId = str(body['ReqstId']);
  const job = ctx.book.jobs.get(requestId);
  if (job === undefined)
    return errorAnswer(caller, 400, [
      { detail: `The request ID ${requestId} isn't valid.`, path: '/erpintegrations/ReqstId' },
    ]);
  const files = Object.fromEntries(Object.entries(job.files).map(([name, text]) => [name, strToU8(text)]));
  return itemAnswer(201, {
    OperationName: 'downloadESSJobExecutionDetails',
    ReqstId: requestId,
    FileType: str(body['FileType']) || 'log',
    DocumentContent: Buffer.from(zipSync(files)).toString('base64'),
    ContentType: 'zip',
  });
}

/** POST /erpintegrations: the operation named in the body. */
export function postIntegration(
  ctx: IntegrationsContext,
  caller: Caller,
  body: Record<string, unknown>,
): { answer: Answer; commits: boolean } {
  const operation = str(body['OperationName']);
  if (operation === 'importBulkData') return importBulkData(ctx, caller, body);
  if (operation === 'downloadESSJobExecutionDetails')
    return { answer: executionDetails(ctx, caller, body), commits: false };
  return {
    answer: errorAnswer(caller, 400, [
      {
        detail: `The operation ${operation || '(none)'} isn't supported.`,
        path: '/erpintegrations/OperationName',
      },
    ]),
    commits: false,
  };
}

/** GET /erpintegrations?finder=ESSJobStatusRF;requestId=…: the request's status (a poll). */
export function getIntegration(
  ctx: IntegrationsContext,
  caller: Caller,
  params: Readonly<Record<string, string | undefined>>,
): Answer {
  const finder = /^ESSJobStatusRF;requestId=(\d+)$/.exec(params['finder'] ?? '');
  if (finder?.[1] === undefined)
    return errorAnswer(caller, 400, [{ detail: 'Use the finder ESSJobStatusRF;requestId=<request id>.' }]);
  const job = ctx.book.jobs.get(finder[1]);
  if (job !== undefined) advance(ctx, job, true);
  const rows =
    job === undefined
      ? []
      : [{ OperationName: 'getESSJobStatus', ReqstId: job.requestId, RequestStatus: job.status }];
  const { finder: _finder, ...rest } = params;
  return collection(
    caller,
    'erpintegrations',
    rows,
    rest,
    ATTRIBUTES,
    (r) => `${caller.root}/erpintegrations/${str(r['ReqstId'])}`,
  );
}

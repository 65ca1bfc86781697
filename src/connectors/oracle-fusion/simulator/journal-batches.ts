import type { StoredBatch, StoredJournal, StoredJournalLine } from './book.ts';
import type { IntegrationsContext } from './erp-integrations.ts';
import {
  collection,
  decimal,
  errorAnswer,
  itemAnswer,
  QueryError,
  withLinks,
  type Answer,
  type Caller,
} from './rest.ts';

/**
 * `/journalBatches` (§3.5) read only, with its child `journalHeaders` and their child `journalLines`, as
 * Oracle documents the paths: `journalBatches/{JeBatchId}/child/journalHeaders/{journalHeadersUniqID}
 * /child/journalLines/{journalLinesUniqID}`. Headers and lines have composite keys, so their path ids
 * are opaque hash keys a client takes from the `links` and never builds (§3.2); a header's number alone
 * finds nothing. A child the resource does not have is a 404, not another collection.
 *
 * Attribute names beyond JeBatchId, BatchName, DefaultPeriodName, Status and JeHeaderId are [inferred]:
 * a line's amounts are named after the GL_JE_LINES / GL_INTERFACE columns of §3.5 (ENTERED_DR,
 * ENTERED_CR, ACCOUNTED_DR, ACCOUNTED_CR) as Oracle's Journal Interface SDO spells them (AccountedDr…);
 * its account is the concatenated `AccountCombination` in the chart's segment order. Journal Import
 * takes the ledger currency only (journal-import.ts, EC06), so accounted amounts equal entered ones.
 */
type Params = Readonly<Record<string, string | undefined>>;

const BATCH_CHILDREN = ['journalHeaders'] as const;
const HEADER_CHILDREN = ['journalLines'] as const;

export const BATCH_ATTRIBUTES = new Set([
  'JeBatchId',
  'BatchName',
  'BatchDescription',
  'Status',
  'ApprovalStatus',
  'DefaultPeriodName',
  'CreationDate',
  'CreatedBy',
  'LastUpdateDate',
  'LastUpdatedBy',
]);

const HEADER_ATTRIBUTES = new Set([
  'JeHeaderId',
  'JournalName',
  'JournalDescription',
  'JournalReference',
  'JournalCategory',
  'CurrencyCode',
  'AccountingDate',
  'Status',
]);

const LINE_ATTRIBUTES = new Set([
  'JeLineNumber',
  'AccountCombination',
  'EnteredDr',
  'EnteredCr',
  'AccountedDr',
  'AccountedCr',
  'CurrencyCode',
  'Description',
]);

/** An opaque path id of a composite key, the way Oracle hands out `…UniqID` hash keys (hex of the key). */
const uniqId = (...key: readonly (string | number)[]): string =>
  Buffer.from(key.join('\u0000'), 'utf8').toString('hex').toUpperCase();

const headerUid = (batch: StoredBatch, journal: StoredJournal) =>
  uniqId('JH', batch.JeBatchId, journal.JeHeaderId);
const lineUid = (journal: StoredJournal, line: StoredJournalLine) =>
  uniqId('JL', journal.JeHeaderId, line.lineNumber);

export const batchRow = (b: StoredBatch) => ({
  JeBatchId: b.JeBatchId,
  BatchName: b.BatchName,
  BatchDescription: b.BatchDescription,
  Status: 'U',
  ApprovalStatus: 'Not required',
  DefaultPeriodName: b.DefaultPeriodName,
  CreationDate: b.CreationDate,
  CreatedBy: 'FIN_INTEGRATION',
  LastUpdateDate: b.CreationDate,
  LastUpdatedBy: 'FIN_INTEGRATION',
});

const headerRow = (j: StoredJournal) => ({
  JeHeaderId: j.JeHeaderId,
  JournalName: j.JournalName,
  JournalDescription: j.Description,
  JournalReference: j.Reference,
  JournalCategory: j.Category,
  CurrencyCode: j.Currency,
  AccountingDate: j.AccountingDate,
  Status: 'U',
});

/** An amount as Oracle writes it: a JSON number digit for digit, null on the other side of the line. */
const amount = (text: string): unknown => (text === '' ? null : decimal(text));

const lineRow = (j: StoredJournal, l: StoredJournalLine, separator: string) => ({
  JeLineNumber: l.lineNumber,
  AccountCombination: l.segments.join(separator),
  EnteredDr: amount(l.enteredDr),
  EnteredCr: amount(l.enteredCr),
  AccountedDr: amount(l.enteredDr),
  AccountedCr: amount(l.enteredCr),
  CurrencyCode: j.Currency,
  Description: l.description === '' ? null : l.description,
});

/**
 * What `expand` asks of a batch (§3.2): its `journalHeaders` (`journalHeaders`, or `all` for every direct
 * child), and their `journalLines` too (`journalHeaders.journalLines`, the nested form). Expanded
 * children are arrays of items under the child's name, each with its links unless onlyData. Another
 * name is the caller's error.
 */
function expansionOf(expand: string | undefined): { headers: boolean; lines: boolean } {
  const names = (expand ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  for (const name of names)
    if (!['all', 'journalHeaders', 'journalHeaders.journalLines'].includes(name))
      throw new QueryError(`the child ${name} in expand isn't valid for journalBatches`);
  const lines = names.includes('journalHeaders.journalLines');
  return { headers: lines || names.includes('all') || names.includes('journalHeaders'), lines };
}

/** A batch row with the children `expand` asked for. */
function expandedBatch(
  caller: Caller,
  batch: StoredBatch,
  expansion: { headers: boolean; lines: boolean },
  separator: string,
  onlyData: boolean,
): Record<string, unknown> {
  const row = batchRow(batch);
  if (!expansion.headers) return row;
  const headersPath = `journalBatches/${batch.JeBatchId}/child/journalHeaders`;
  return {
    ...row,
    journalHeaders: batch.journals.map((journal) => {
      const headerHref = `${caller.root}/${headersPath}/${headerUid(batch, journal)}`;
      const header = expansion.lines
        ? {
            ...headerRow(journal),
            journalLines: journal.lines.map((line) =>
              withLinks(
                lineRow(journal, line, separator),
                `${headerHref}/child/journalLines/${lineUid(journal, line)}`,
                'journalLines',
                [],
                onlyData,
              ),
            ),
          }
        : headerRow(journal);
      return withLinks(header, headerHref, 'journalHeaders', HEADER_CHILDREN, onlyData);
    }),
  };
}

const notFound = (caller: Caller, what: string): Answer =>
  errorAnswer(caller, 404, [{ detail: `${what} wasn't found.` }]);

/** A child name under `…/child/`: one the resource has, or the 404 Oracle answers for any other. */
function childOf<T extends string>(
  caller: Caller,
  parts: readonly (string | undefined)[],
  known: readonly T[],
): T | Answer {
  const [marker, name] = parts;
  const found = known.find((k) => k === name);
  return marker === 'child' && found !== undefined
    ? found
    : notFound(caller, `The resource ${[marker, name].filter((p) => p !== undefined).join('/')}`);
}

/** GET `journalBatches…`: `parts` are the path parts after the version, the first being `journalBatches`. */
export function getJournalBatches(
  ctx: IntegrationsContext,
  caller: Caller,
  parts: readonly string[],
  params: Params,
): Answer {
  const { book, tenant } = ctx;
  const onlyData = params['onlyData'] === 'true';
  const [, batchId, ...afterBatch] = parts;
  const root = `${caller.root}/journalBatches`;
  // `expand` of a batch names its children; below a batch it is the child collection's own matter
  const expansion = () => expansionOf(params['expand']);
  if (batchId === undefined) {
    const wanted = expansion();
    return collection(
      caller,
      'journalBatches',
      book.batches.map((b) => expandedBatch(caller, b, wanted, tenant.segmentSeparator, onlyData)),
      params,
      BATCH_ATTRIBUTES,
      (r) => `${root}/${String(r['JeBatchId'])}`,
      BATCH_CHILDREN,
    );
  }
  const batch = book.batches.find((b) => String(b.JeBatchId) === batchId);
  if (batch === undefined) return notFound(caller, `The journal batch ${batchId}`);
  const batchHref = `${root}/${batchId}`;
  if (afterBatch.length === 0)
    return itemAnswer(
      200,
      withLinks(
        expandedBatch(caller, batch, expansion(), tenant.segmentSeparator, onlyData),
        batchHref,
        'journalBatches',
        BATCH_CHILDREN,
        onlyData,
      ),
    );
  const child = childOf(caller, afterBatch, BATCH_CHILDREN);
  if (typeof child !== 'string') return child;
  const [, , headerId, ...afterHeader] = afterBatch;
  const headersPath = `journalBatches/${batchId}/child/journalHeaders`;
  if (headerId === undefined)
    return collection(
      caller,
      headersPath,
      batch.journals.map(headerRow),
      params,
      HEADER_ATTRIBUTES,
      (r) => {
        const journal = batch.journals.find((j) => j.JeHeaderId === r['JeHeaderId']);
        return `${caller.root}/${headersPath}/${journal === undefined ? '' : headerUid(batch, journal)}`;
      },
      HEADER_CHILDREN,
    );
  const journal = batch.journals.find((j) => headerUid(batch, j) === headerId);
  if (journal === undefined) return notFound(caller, `The journal header ${headerId}`);
  const headerHref = `${caller.root}/${headersPath}/${headerId}`;
  if (afterHeader.length === 0)
    return itemAnswer(
      200,
      withLinks(headerRow(journal), headerHref, 'journalHeaders', HEADER_CHILDREN, onlyData),
    );
  const grandchild = childOf(caller, afterHeader, HEADER_CHILDREN);
  if (typeof grandchild !== 'string') return grandchild;
  const [, , lineId, ...rest] = afterHeader;
  const linesPath = `${headersPath}/${headerId}/child/journalLines`;
  const separator = tenant.segmentSeparator;
  if (lineId === undefined)
    return collection(
      caller,
      linesPath,
      journal.lines.map((l) => lineRow(journal, l, separator)),
      params,
      LINE_ATTRIBUTES,
      (r) => {
        const line = journal.lines.find((l) => l.lineNumber === r['JeLineNumber']);
        return `${caller.root}/${linesPath}/${line === undefined ? '' : lineUid(journal, line)}`;
      },
    );
  const line = journal.lines.find((l) => lineUid(journal, l) === lineId);
  if (line === undefined) return notFound(caller, `The journal line ${lineId}`);
  if (rest.length > 0) return notFound(caller, `The resource ${rest.join('/')}`);
  return itemAnswer(
    200,
    withLinks(
      lineRow(journal, line, separator),
      `${caller.root}/${linesPath}/${lineId}`,
      'journalLines',
      [],
      onlyData,
    ),
  );
}

import { strToU8, zipSync } from 'fflate';
import { csvOf } from './gl-interface.ts';
import { fileTag } from './identifiers.ts';
import type { JournalRows } from './gl-interface.ts';
import type { OracleSettings } from './profile.ts';

/**
 * The ERP Integrations `importBulkData` request (§3.5): the GlInterface.csv zipped and base64-encoded,
 * the UCM account of GL imports, the Import Journals launcher and its seven parameters (data access
 * set, source, ledger, group, post errors to suspense, create summary journals, import DFF — the order
 * two integrators agree on [observed]).
 */
export const JOURNAL_IMPORT_JOB =
  '/oracle/apps/ess/financials/generalLedger/programs/common,JournalImportLauncher';
export const GL_DOCUMENT_ACCOUNT = 'fin$/generalLedger$/import$';

export interface ImportRequest {
  readonly OperationName: 'importBulkData';
  readonly DocumentContent: string;
  readonly ContentType: 'zip';
  readonly FileName: string;
  readonly DocumentAccount: string;
  readonly JobName: string;
  readonly ParameterList: string;
  readonly CallbackURL: '#NULL';
  readonly NotificationCode: '10';
  readonly JobOptions: string;
}

/** Zip timestamps are part of the bytes: a fixed one keeps rendering pure. */
const ZIP_TIME = '2000-01-01T00:00:00';

/** GlInterface.csv of the journals, zipped. */
export const glInterfaceZip = (journals: readonly JournalRows[]): Uint8Array =>
  zipSync({ 'GlInterface.csv': strToU8(csvOf(journals.flatMap((j) => j.rows))) }, { mtime: ZIP_TIME });

/**
 * One file for one or more journals. Each journal is its own interface group, because Journal Import
 * rejects a group as a whole when one of its lines fails [observed]: one journal alone is imported by
 * its group id; several by the group ALL, which imports every pending group of this source and ledger
 * — so FinBridge needs a journal source of its own.
 */
export function importBulkDataRequest(
  journals: readonly JournalRows[],
  settings: OracleSettings,
): ImportRequest {
  const [first] = journals;
  const group = journals.length === 1 && first !== undefined ? first.groupId : 'ALL';
  const tag =
    first === undefined
      ? 'empty'
      : `${fileTag(first.batchName)}${journals.length > 1 ? `_n${journals.length}` : ''}`;
  const yn = (flag: boolean) => (flag ? 'Y' : 'N');
  return {
    OperationName: 'importBulkData',
    DocumentContent: Buffer.from(glInterfaceZip(journals)).toString('base64'),
    ContentType: 'zip',
    FileName: `GlInterface_${tag}.zip`,
    DocumentAccount: GL_DOCUMENT_ACCOUNT,
    JobName: JOURNAL_IMPORT_JOB,
    ParameterList: [
      settings.dataAccessSetId,
      settings.journalSource,
      settings.ledgerId,
      group,
      yn(settings.postErrorsToSuspense),
      'N',
      'N',
    ].join(','),
    CallbackURL: '#NULL',
    NotificationCode: '10',
    JobOptions: 'ExtractFileType=ALL',
  };
}

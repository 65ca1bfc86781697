import { setDefaultCheckerResolver } from '../changes/requests.ts';
import { onRecordsWritten, type RecordsWrittenListener } from '../master-data/service.ts';
import { defaultChecker, evaluateWritten } from './service.ts';

/** One listener for the process: installing again (every server a test starts) adds no second one. */
const evaluateOnWrite: RecordsWrittenListener = async (tx, resource, codes, now) => {
  await evaluateWritten(tx, resource.path, codes, now);
};

/**
 * What data quality hooks into the rest of governance, installed by the composition root
 * (src/modules.ts): master-data writes are evaluated in their transaction, and a change request to an
 * entity's master data names the entity's data owner as its default checker. The hub's gates are
 * installed there too (`postingGate`, `syncGate` in quality/gates.ts).
 */
export function installDataQuality(): void {
  onRecordsWritten(evaluateOnWrite);
  setDefaultCheckerResolver(defaultChecker);
}

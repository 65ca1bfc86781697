import { CONNECTORS } from './connectors/index.ts';
import type { ConnectorDefinition } from './connectors/contract.ts';
import {
  noteRejectedPostings,
  writeBackPostings,
  writeBackReversals,
} from './finance/expenses/lifecycle/outcomes.ts';
import { installConnectors } from './hub/connector-registry.ts';
import { onOutcome } from './hub/outcomes.ts';

/**
 * What every FinBridge process installs before it serves or works, the same for the server, a
 * worker process and the CLI: the ERP connectors it speaks, and the modules' subscriptions to the
 * hub's outcomes. Called by the composition roots (src/app.ts, src/cli/) and nowhere else.
 */
export function installModules(connectors: readonly ConnectorDefinition[] = CONNECTORS): void {
  installConnectors(connectors);
  // a claim's or advance's voucher posted: the document is posted, with the ERP's number and period
  onOutcome('posted', 'voucher', writeBackPostings);
  // refused by the ERP or given up on: the document's timeline says why
  onOutcome('rejected', 'voucher', noteRejectedPostings);
  // its red-letter voucher posted: the reversal's ERP number kept on the document
  onOutcome('reversed', 'voucher', writeBackReversals);
}

import { CONNECTORS } from './connectors/index.ts';
import type { ConnectorDefinition } from './connectors/contract.ts';
import { writeBackPostings } from './finance/expenses/lifecycle.ts';
import { installConnectors } from './hub/connector-registry.ts';
import { onPosted } from './hub/outcomes.ts';

/**
 * What every FinBridge process installs before it serves or works, the same for the server, a
 * worker process and the CLI: the ERP connectors it speaks, and the modules' subscriptions to the
 * hub's outcomes. Called by the composition roots (src/app.ts, src/cli/) and nowhere else.
 */
export function installModules(connectors: readonly ConnectorDefinition[] = CONNECTORS): void {
  installConnectors(connectors);
  // a claim's or advance's voucher posted: the document is posted, with the ERP's number and period
  onPosted('voucher', writeBackPostings);
}

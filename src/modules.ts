import { CONNECTORS } from './connectors/index.ts';
import { DOCUMENT_KINDS, type ConnectorDefinition } from './connectors/contract.ts';
import {
  noteRejectedPostings,
  writeBackPostings,
  writeBackReversals,
} from './finance/expenses/lifecycle/outcomes.ts';
import { bookPostedPayments, bookReversedPayments } from './finance/bank/book.ts';
import { writeBackPaymentReversals, writeBackPaymentVouchers } from './finance/payments/outcomes.ts';
import { noteRejectedSupplierBills, writeBackSupplierBills } from './finance/payables/outcomes.ts';
import { recordPostedSpend, recordReversedSpend } from './analytics/facts.ts';
import { installConnectors } from './hub/connector-registry.ts';
import { publishPosted, publishRejected } from './hub/events.ts';
import { onOutcome } from './hub/outcomes.ts';
import { CONNECTION_SOURCE, connectionWebhook } from './hub/pull-requests.ts';
import { onInboundWebhook } from './platform/events/inbound.ts';
import { installGovernanceAppliers } from './governance/changes/targets.ts';
import { installDataQuality } from './governance/quality/install.ts';
import { postingGate, syncGate } from './governance/quality/gates.ts';
import { addPullGate, addSubmissionGate } from './hub/gates.ts';

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
  // after finance's write-back: the posted claim's lines are spend facts (rollup and anomaly checks
  // too), and leave the rollup when their red-letter voucher posts (ADR 0021)
  onOutcome('posted', 'voucher', recordPostedSpend);
  onOutcome('reversed', 'voucher', recordReversedSpend);
  // a bank payment the ERP holds is on the book of its bank account, its reversal brings the money back
  onOutcome('posted', 'payment', bookPostedPayments);
  onOutcome('reversed', 'payment', bookReversedPayments);
  // a payment batch line's payment voucher (付款凭证) posted, and its red reversal when the transfer came back
  onOutcome('posted', 'voucher', writeBackPaymentVouchers);
  onOutcome('reversed', 'voucher', writeBackPaymentReversals);
  // a supplier bill finance keeps (src/finance/payables) is posted in the ERP — payable now — or refused
  onOutcome('posted', 'supplier_bill', writeBackSupplierBills);
  onOutcome('rejected', 'supplier_bill', noteRejectedSupplierBills);
  // every posting's outcome goes to the event log (posting.posted / .rejected / .dead), after the
  // module's own write-back, in the same transaction
  for (const kind of DOCUMENT_KINDS) {
    onOutcome('posted', kind, publishPosted);
    onOutcome('rejected', kind, publishRejected);
  }
  // an ERP's or partner's signed call to a connection's webhook pulls its master data now
  onInboundWebhook(CONNECTION_SOURCE, connectionWebhook);
  // maker-checker: what a change request may change, and how it is applied on approval (docs/governance.md)
  installGovernanceAppliers();
  // data quality: master-data writes evaluated as they commit, the entity's owner as default checker,
  // and the company's quality gates in front of the hub's postings and pulls (docs/governance.md)
  installDataQuality();
  addSubmissionGate(postingGate);
  addPullGate(syncGate);
}

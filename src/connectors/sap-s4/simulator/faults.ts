import { flag, integer, oneOf, periods, rate, type FaultValues } from '../../simulator-kit/fault-keys.ts';
import type { FaultDice, FaultDraw } from '../../simulator-kit/faults.ts';

/**
 * The faults of the S/4 simulator of its own, next to the common ones of `SimulatorFaults`; set at
 * start (`s4Faults`) or while it runs through the same `PUT /__sim/faults` (checked by the simulator
 * kit against these keys):
 *
 * - `sessionTtlS`: idle lifetime of Gateway sessions and lifetime of OAuth tokens;
 * - `csrfTokenTtlS`: CSRF tokens die this many seconds after issue (0: with their session);
 * - `soapFaultRate`: share of journal-entry posts answered with a SOAP fault (HTTP 500), nothing posted;
 * - `serverPageSize`: server-driven paging with `__next` (0: client-driven only);
 * - `journalItemsWithoutAccountingDocument`: the build whose journal items lack `AccountingDocument`;
 * - `duplicateInvoiceCheck`: `warning` (default), `error` or `off` for M8 108;
 * - `closedPeriods`: `YYYY-MM` periods closed for posting.
 */
export const S4_FAULT_KEYS = {
  sessionTtlS: integer(1, 86_400),
  csrfTokenTtlS: integer(0, 86_400),
  soapFaultRate: rate(),
  serverPageSize: integer(0, 100_000),
  journalItemsWithoutAccountingDocument: flag(),
  duplicateInvoiceCheck: oneOf('warning', 'error', 'off'),
  closedPeriods: periods(),
} as const;

/** S/4's own faults in force: every one has a value (defaults at start). */
export type S4Faults = Required<FaultValues<typeof S4_FAULT_KEYS>>;

/** What happens to one request: the common faults, and whether a journal-entry post gets a SOAP fault. */
export interface FaultPlan extends FaultDraw {
  readonly soapFault: boolean;
}

/** One request's fate; the SOAP fault is drawn after the common faults, from the same seeded dice. */
export function drawS4(dice: FaultDice<S4Faults>): FaultPlan {
  const draw = dice.draw();
  return { ...draw, soapFault: dice.chance(dice.own.soapFaultRate) };
}

import { integer, oneOf, rate, type FaultValues } from '../../simulator-kit/fault-keys.ts';

/**
 * The faults particular to Oracle's Journal Import, next to the common ones of `SimulatorFaults`; set
 * at start or while the simulator runs through `PUT /__sim/faults` (checked by the simulator kit against
 * these keys):
 *
 * - `essRunningPolls`: an import request answers WAIT, then RUNNING, to this many status polls before it
 *   runs (it also runs once a minute of the tenant's clock has passed, watched or not);
 * - `essRejectRate`: the share of interface groups rejected with a real-style Journal Import error
 *   (EU02 unbalanced, EF04 invalid account combination, EP01 period not open), valid or not;
 * - `essRejectStatus`: the status of a request that rejected some journals (SUCCEEDED by default:
 *   the request "succeeds" while rows were rejected, as Oracle's does — WARNING or ERROR to vary it).
 */
export const ORACLE_FAULT_KEYS = {
  essRunningPolls: integer(0, 10_000),
  essRejectRate: rate(),
  essRejectStatus: oneOf('SUCCEEDED', 'WARNING', 'ERROR'),
} as const;

export type OracleFaults = FaultValues<typeof ORACLE_FAULT_KEYS>;

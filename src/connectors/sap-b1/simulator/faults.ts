import { integer, rate, type FaultValues } from '../../simulator-kit/fault-keys.ts';
import type { FaultDice, FaultDraw } from '../../simulator-kit/faults.ts';

/**
 * The faults of B1's own, next to the common ones of `SimulatorFaults`: set at start, or while the
 * simulator runs through `PUT /__sim/faults` (checked by the simulator kit against these keys).
 */
export const B1_FAULT_KEYS = {
  /** Idle session lifetime, seconds. */
  sessionTtlS: integer(1, 86_400),
  /** Share of calls whose session's node fails over: the session is gone, `ROUTEID` moves (301). */
  routeSwitchRate: rate(),
  /** Logins at once before 299 `SAML Login Failed` (0 = unlimited). */
  maxParallelLogins: integer(0, 1000),
} as const;

export type B1Faults = FaultValues<typeof B1_FAULT_KEYS>;

/** What happens to one request: the common faults, and whether its session's node fails over first. */
export interface FaultPlan extends FaultDraw {
  readonly routeSwitch: boolean;
}

/** One request's fate; the failover is drawn after the common faults, from the same seeded dice. */
export function drawB1(dice: FaultDice<B1Faults>): FaultPlan {
  const draw = dice.draw();
  return { ...draw, routeSwitch: dice.chance(dice.own.routeSwitchRate) };
}

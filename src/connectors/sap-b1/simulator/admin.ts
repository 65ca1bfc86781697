import type { SimulatorFaults } from '../../contract.ts';
import { answerAdmin, type AdminControls } from '../../simulator-admin.ts';
import { splitFaults, type B1Faults } from './faults.ts';

/**
 * The simulator's control surface: the shared one (`/__sim/stats`, `/__sim/faults`,
 * `/__sim/documents`), with B1's own faults (`sessionTtlS`, `routeSwitchRate`,
 * `maxParallelLogins`) taken by `PUT /__sim/faults` next to the common ones, and
 * `POST /__sim/expire-sessions` ending every session at once.
 */
export interface B1AdminControls extends AdminControls {
  faults(): SimulatorFaults & B1Faults;
  setFaults(faults: SimulatorFaults & B1Faults): void;
  expireSessions(): number;
}

export function answerB1Admin(
  method: string,
  path: string,
  body: string,
  controls: B1AdminControls,
): { readonly status: number; readonly body: unknown } | undefined {
  if (method === 'POST' && path === '/__sim/expire-sessions')
    return { status: 200, body: { expired: controls.expireSessions() } };
  if (method !== 'PUT' || path !== '/__sim/faults') return answerAdmin(method, path, body, controls);
  // the shared admin refuses keys it does not know: B1's faults are taken out first
  const split = splitFaults(body);
  if ('error' in split) return { status: 400, body: { error: split.error } };
  const answer = answerAdmin(method, path, split.common, {
    ...controls,
    setFaults: (next) => controls.setFaults({ ...next, ...split.b1 }),
  });
  return answer?.status === 200 ? { status: 200, body: controls.faults() } : answer;
}

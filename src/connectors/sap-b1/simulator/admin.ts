import { answerAdmin, type AdminControls } from '../../simulator-admin.ts';
import { B1_FAULT_KEYS, type B1Faults } from './faults.ts';

/**
 * The simulator's control surface: the shared one (`/__sim/stats`, `/__sim/faults`,
 * `/__sim/documents`), with B1's own faults (`sessionTtlS`, `routeSwitchRate`,
 * `maxParallelLogins`) taken by `PUT /__sim/faults` next to the common ones, and
 * `POST /__sim/expire-sessions` ending every session at once.
 */
export interface B1AdminControls extends AdminControls<B1Faults> {
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
  return answerAdmin(method, path, body, controls, B1_FAULT_KEYS);
}

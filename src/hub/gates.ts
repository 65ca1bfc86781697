import type { DomainError } from '../model/result.ts';
import type { TenantDb } from '../platform/store/tenant-scope.ts';

/**
 * Checks other modules may put in front of the hub's doors, installed by the composition root
 * (src/modules.ts) so that the hub imports none of them: a submission gate sees each document before it
 * is stored for posting (governance's data-quality gate refuses one whose master data has serious
 * open issues), a pull gate sees a pull before it starts. A gate answers null to let it through.
 */
export interface GatedSubmission {
  readonly kind: string;
  readonly document: unknown;
}
export type SubmissionGate = (
  tx: TenantDb,
  submissions: readonly GatedSubmission[],
) => Promise<readonly (DomainError | null)[]>;
export type PullGate = (db: TenantDb, connectionId: string, object: string) => Promise<DomainError | null>;

const submissionGates: SubmissionGate[] = [];
const pullGates: PullGate[] = [];

export function addSubmissionGate(gate: SubmissionGate): void {
  if (!submissionGates.includes(gate)) submissionGates.push(gate);
}
export function addPullGate(gate: PullGate): void {
  if (!pullGates.includes(gate)) pullGates.push(gate);
}

/** Each submission's first refusal by a gate, or null. */
export async function gateSubmissions(
  tx: TenantDb,
  submissions: readonly GatedSubmission[],
): Promise<(DomainError | null)[]> {
  const refusals: (DomainError | null)[] = submissions.map(() => null);
  if (submissions.length === 0) return refusals;
  for (const gate of submissionGates) {
    const answers = await gate(tx, submissions);
    answers.forEach((answer, i) => {
      if (answer !== null && refusals[i] === null) refusals[i] = answer;
    });
  }
  return refusals;
}

export async function gatePull(
  db: TenantDb,
  connectionId: string,
  object: string,
): Promise<DomainError | null> {
  for (const gate of pullGates) {
    const answer = await gate(db, connectionId, object);
    if (answer !== null) return answer;
  }
  return null;
}

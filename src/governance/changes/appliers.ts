import type { Writer } from '../../platform/audit/audit-log.ts';
import type { Keyring } from '../../platform/security/keyring.ts';
import type { Scope } from '../../platform/security/scopes.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * What maker-checker can hold back: a target (`mapping-profile`, `master-data:suppliers`, …) and its
 * applier, which describes a proposed change (a summary and the diff against what is in force) and
 * applies it on approval inside the approving transaction. Governance installs the appliers of its own
 * data; the composition root (src/modules.ts) installs those of other modules, which governance
 * never imports.
 */
export interface DiffEntry {
  /** JSON pointer of the changed value inside the target. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What some appliers need beyond the store: the keyring that seals a proposal's secrets. */
export interface ChangeServices {
  readonly keyring: Keyring;
}

/** Shown instead of a secret in a change request's payload, its diff and the audit log. */
export const REDACTED = '[redacted]';

export interface ChangeApplier {
  readonly target: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** A scope the maker and the checker must hold besides governance's (the target's own write scope). */
  readonly scope?: Scope;
  /** Checks the proposal and says what it would change; throws a DomainError when it is not valid. */
  describe(
    db: TenantDb,
    writer: Writer,
    subject: string,
    payload: unknown,
  ): Promise<{ subject: string; summary: string; diff: DiffEntry[] }>;
  /**
   * What is kept of the proposal, called inside the filing transaction (absent: the proposal as filed):
   * a target with secrets seals them aside and keeps the payload with the secrets redacted.
   */
  keep?(
    tx: TenantDb,
    writer: Writer,
    subject: string,
    payload: unknown,
    services: ChangeServices | undefined,
  ): Promise<unknown>;
  /** Applies the change (called inside the approving transaction); returns what the target's API returns. */
  apply(
    tx: TenantDb,
    writer: Writer,
    subject: string,
    payload: unknown,
    services: ChangeServices | undefined,
  ): Promise<unknown>;
  /** Drops what `keep` set aside, inside the rejecting transaction. */
  discard?(tx: TenantDb, payload: unknown): Promise<void>;
}

const APPLIERS = new Map<string, ChangeApplier>();

/** Installs (or replaces) the applier of a target. */
export function installChangeApplier(applier: ChangeApplier): void {
  APPLIERS.set(applier.target, applier);
}

export const changeApplier = (target: string): ChangeApplier | undefined => APPLIERS.get(target);
export const changeTargets = (): ChangeApplier[] =>
  [...APPLIERS.values()].sort((a, b) => (a.target < b.target ? -1 : 1));

/** The leaves that differ between two JSON values, as pointers (objects compared key by key). */
export function jsonDiff(before: unknown, after: unknown, path = ''): DiffEntry[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) =>
      jsonDiff(before[k], after[k], `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ path, before: before ?? null, after: after ?? null }];
}

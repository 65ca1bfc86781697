import type { SimulatorFaults } from '../../contract.ts';
import { seededRandom } from '../../kingdee/simulator/random.ts';

/**
 * The faults of a simulated file exchange. The common ones, mapped to files and SFTP:
 * - latencyMs: every SFTP request waits this long;
 * - errorRate: an SFTP request fails before anything is done ("a transient read error"), and the
 *   importer leaves a file unread for a while (the ERP writes no acknowledgement for a while);
 * - timeoutRate: an SFTP request is never answered (half of them after doing it), and the importer
 *   imports a file but writes its acknowledgement late;
 * - dropAfterCommitRate: a rename into the outbox is done, then the session is reset; and the
 *   importer imports a file but writes its acknowledgement late;
 * - throttleRps: SFTP sign-ins and file opens for writing over the rate are refused.
 * And the ones particular to files, switched at `/__sim/file-faults`: acknowledgements cut off for
 * good, written in the wrong encoding, written in two halves (a partial file for a while) or locked by
 * the ERP for a while.
 */
export interface FileFaults {
  /** Share of acknowledgements cut off in the middle, for good. */
  readonly truncatedAckRate?: number;
  /** Share of acknowledgements written in the other encoding (GBK for a UTF-8 layout and back). */
  readonly wrongEncodingAckRate?: number;
  /** Share of acknowledgements written in two steps, the first half visible for `partialMs`. */
  readonly partialAckRate?: number;
  /** Share of acknowledgements the ERP keeps locked (opening them is refused) for `lockMs`. */
  readonly lockedAckRate?: number;
  /** How late a late acknowledgement is, ms (default 1500). */
  readonly lateAckMs?: number;
  /** How long the importer leaves a file it skips, ms (default 300). */
  readonly postponeMs?: number;
  /** How long half an acknowledgement stays visible, ms (default 150). */
  readonly partialMs?: number;
  /** How long a locked acknowledgement stays locked, ms (default 150). */
  readonly lockMs?: number;
}

const FILE_FAULT_RANGES: Readonly<Record<keyof FileFaults, readonly [number, number]>> = {
  truncatedAckRate: [0, 1],
  wrongEncodingAckRate: [0, 1],
  partialAckRate: [0, 1],
  lockedAckRate: [0, 1],
  lateAckMs: [0, 600_000],
  postponeMs: [0, 600_000],
  partialMs: [0, 600_000],
  lockMs: [0, 600_000],
};

/** Reads a change of the file faults; an unknown key or a value out of range is refused, naming it. */
export function parseFileFaults(body: string): FileFaults | { readonly error: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { error: 'the body is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'expected a JSON object of file faults' };
  const faults: Record<string, number> = {};
  for (const [key, raw] of Object.entries(value)) {
    const range = Object.hasOwn(FILE_FAULT_RANGES, key)
      ? FILE_FAULT_RANGES[key as keyof FileFaults]
      : undefined;
    if (range === undefined)
      return { error: `unknown file fault ${key}; known: ${Object.keys(FILE_FAULT_RANGES).join(', ')}` };
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < range[0] || raw > range[1])
      return { error: `${key} must be a number from ${range[0]} to ${range[1]}` };
    faults[key] = raw;
  }
  return faults;
}

/** What happens to one SFTP request, decided when it arrives. */
export interface RequestPlan {
  readonly latencyMs: number;
  readonly fail: boolean;
  readonly hang: 'no' | 'before' | 'after';
  readonly dropAfterCommit: boolean;
}

/** What happens to one file the importer takes, and to its acknowledgement. */
export interface ImportPlan {
  readonly postpone: boolean;
  readonly lateAck: boolean;
  readonly ack: 'whole' | 'truncated' | 'wrong-encoding' | 'partial' | 'locked';
}

export class SimulatorFaultState {
  #common: SimulatorFaults;
  #file: FileFaults;
  readonly #random: () => number;
  #bucket: { tokens: number; at: number };
  #dropCommits = 0;
  #hangCommits = 0;
  #lateAcks = 0;

  constructor(common: SimulatorFaults, file: FileFaults, seed: number) {
    this.#common = common;
    this.#file = file;
    this.#random = seededRandom(seed);
    this.#bucket = { tokens: common.throttleRps ?? 0, at: performance.now() };
  }

  get common(): SimulatorFaults {
    return { ...this.#common };
  }

  get file(): FileFaults {
    return { ...this.#file };
  }

  setCommon(next: SimulatorFaults): void {
    this.#common = { ...this.#common, ...next };
    this.#bucket = { tokens: this.#common.throttleRps ?? 0, at: performance.now() };
  }

  setFile(next: FileFaults): void {
    this.#file = { ...this.#file, ...next };
  }

  #chance(rate: number | undefined): boolean {
    return this.#random() < (rate ?? 0);
  }

  request(): RequestPlan {
    const c = this.#common;
    const fail = this.#chance(c.errorRate);
    const hang = this.#chance(c.timeoutRate);
    const afterCommit = this.#random() < 0.5;
    return {
      latencyMs: c.latencyMs ?? 0,
      fail,
      hang: hang ? (afterCommit ? 'after' : 'before') : 'no',
      dropAfterCommit: this.#chance(c.dropAfterCommitRate),
    };
  }

  importing(): ImportPlan {
    const c = this.#common;
    const f = this.#file;
    const postpone = this.#chance(c.errorRate);
    const late = this.#chance(c.timeoutRate) || this.#chance(c.dropAfterCommitRate);
    const forced = this.#lateAcks > 0;
    if (forced) this.#lateAcks -= 1;
    const ack = this.#chance(f.truncatedAckRate)
      ? 'truncated'
      : this.#chance(f.wrongEncodingAckRate)
        ? 'wrong-encoding'
        : this.#chance(f.partialAckRate)
          ? 'partial'
          : this.#chance(f.lockedAckRate)
            ? 'locked'
            : 'whole';
    return { postpone: postpone && !forced, lateAck: late || forced, ack };
  }

  /** True when a sign-in or an open for writing may pass the throttle (always, when it is off). */
  admit(): boolean {
    const rps = this.#common.throttleRps ?? 0;
    if (rps <= 0) return true;
    const t = performance.now();
    this.#bucket = {
      tokens: Math.min(rps, this.#bucket.tokens + ((t - this.#bucket.at) / 1000) * rps),
      at: t,
    };
    if (this.#bucket.tokens < 1) return false;
    this.#bucket.tokens -= 1;
    return true;
  }

  /** The next `n` renames into the outbox are done, then their sessions reset. */
  dropNextCommits(n: number): void {
    this.#dropCommits = n;
  }

  /** The next `n` renames into the outbox are done, then never answered. */
  hangNextCommits(n: number): void {
    this.#hangCommits = n;
  }

  /** The next `n` files imported get their acknowledgement late. */
  lateNextAcks(n: number): void {
    this.#lateAcks = n;
  }

  dropsCommit(plan: RequestPlan): boolean {
    if (this.#dropCommits > 0) {
      this.#dropCommits -= 1;
      return true;
    }
    return plan.dropAfterCommit;
  }

  hangsCommit(plan: RequestPlan): boolean {
    if (this.#hangCommits > 0) {
      this.#hangCommits -= 1;
      return true;
    }
    return plan.hang === 'after';
  }

  get lateAckMs(): number {
    return this.#file.lateAckMs ?? 1500;
  }
  get postponeMs(): number {
    return this.#file.postponeMs ?? 300;
  }
  get partialMs(): number {
    return this.#file.partialMs ?? 150;
  }
  get lockMs(): number {
    return this.#file.lockMs ?? 150;
  }
}

import { number, rate, type FaultValues } from '../../simulator-kit/fault-keys.ts';
import { FaultDice } from '../../simulator-kit/faults.ts';

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
 * And the ones particular to files: acknowledgements cut off for
 * good, written in the wrong encoding, written in two halves (a partial file for a while) or locked by
 * the ERP for a while. File faults are declared as keys below and taken by `PUT /__sim/faults` with the
 * common ones (or alone at `/__sim/file-faults`); the dice are the simulator kit's.
 */
export const FILE_FAULT_KEYS = {
  /** Share of acknowledgements cut off in the middle, for good. */
  truncatedAckRate: rate(),
  /** Share of acknowledgements written in the other encoding (GBK for a UTF-8 layout and back). */
  wrongEncodingAckRate: rate(),
  /** Share of acknowledgements written in two steps, the first half visible for `partialMs`. */
  partialAckRate: rate(),
  /** Share of acknowledgements the ERP keeps locked (opening them is refused) for `lockMs`. */
  lockedAckRate: rate(),
  /** How late a late acknowledgement is, ms (default 1500). */
  lateAckMs: number(0, 600_000),
  /** How long the importer leaves a file it skips, ms (default 300). */
  postponeMs: number(0, 600_000),
  /** How long half an acknowledgement stays visible, ms (default 150). */
  partialMs: number(0, 600_000),
  /** How long a locked acknowledgement stays locked, ms (default 150). */
  lockMs: number(0, 600_000),
} as const;

export type FileFaults = FaultValues<typeof FILE_FAULT_KEYS>;

/** What happens to one file the importer takes, and to its acknowledgement. */
export interface ImportPlan {
  readonly postpone: boolean;
  readonly lateAck: boolean;
  readonly ack: 'whole' | 'truncated' | 'wrong-encoding' | 'partial' | 'locked';
}

/**
 * The kit's dice with what the ERP's import job draws: the common faults mapped to files (a file left
 * unread for a while, an acknowledgement written late) and the file faults, from the same seeded
 * generator as the SFTP requests' fates.
 */
export class FileExchangeDice extends FaultDice<FileFaults> {
  #lateAcks = 0;

  importing(): ImportPlan {
    const c = this.common;
    const f = this.own;
    const postpone = this.chance(c.errorRate);
    const late = this.chance(c.timeoutRate) || this.chance(c.dropAfterCommitRate);
    const forced = this.#lateAcks > 0;
    if (forced) this.#lateAcks -= 1;
    const ack = this.chance(f.truncatedAckRate)
      ? 'truncated'
      : this.chance(f.wrongEncodingAckRate)
        ? 'wrong-encoding'
        : this.chance(f.partialAckRate)
          ? 'partial'
          : this.chance(f.lockedAckRate)
            ? 'locked'
            : 'whole';
    return { postpone: postpone && !forced, lateAck: late || forced, ack };
  }

  /** Whether the export job leaves a voucher-list request for a later run (as the import job a file). */
  exporting(): { readonly postpone: boolean } {
    return { postpone: this.chance(this.common.errorRate) };
  }

  /** The next `n` files imported get their acknowledgement late. */
  lateNextAcks(n: number): void {
    this.#lateAcks = n;
  }

  get lateAckMs(): number {
    return this.own.lateAckMs ?? 1500;
  }
  get postponeMs(): number {
    return this.own.postponeMs ?? 300;
  }
  get partialMs(): number {
    return this.own.partialMs ?? 150;
  }
  get lockMs(): number {
    return this.own.lockMs ?? 150;
  }
}

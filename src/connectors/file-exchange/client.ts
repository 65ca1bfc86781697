import { randomUUID } from 'node:crypto';
import type { ConnectorContext } from '../contract.ts';
import { readAck, type AckReading } from './map/ack.ts';
import { ackFileName, voucherFileName } from './map/names.ts';
import type { Resolved } from './settings.ts';
import { ShareError, type Share } from './transport/share.ts';

/**
 * The file protocol, no mapping: where a voucher stands with the ERP (`probe`), handing a finished
 * file over (`submit`: a temporary name, then a rename into the outbox that never overwrites), and
 * waiting for the ERP's acknowledgement (`awaitAck`).
 *
 * A voucher's n-th sending has its own file name, and the ERP acknowledges each file under a name
 * derived from it. A file travels outbox → archive (the ERP moved it after reading it) and its
 * acknowledgement appears in the ack folder; the probe looks in that order and at the acknowledgement
 * once more at the end, so a file moving on while it looks is never missed — which is what lets a
 * push write a file only where none was written before.
 */
export type Probe =
  /** The ERP acknowledged the latest sending (OK, or an answer that cannot be read). */
  | { readonly state: 'acknowledged'; readonly file: string; readonly reading: AckReading }
  /** A sending is with the ERP and not acknowledged yet (in the outbox, or read and archived). */
  | { readonly state: 'waiting'; readonly file: string; readonly where: 'outbox' | 'archive' }
  /** Nothing of this reference is with the ERP (or it refused every sending): the next sending is `attempt`. */
  | { readonly state: 'absent'; readonly attempt: number; readonly refused?: string };

/** How many sendings of one reference the ERP may refuse before the probe stops counting. */
const MAX_ATTEMPTS = 50;

export type Submitted = 'written' | 'already there';

export class FileExchangeClient {
  readonly #share: Share;
  readonly #settings: Resolved;
  readonly #ctx: ConnectorContext;

  constructor(share: Share, settings: Resolved, ctx: ConnectorContext) {
    this.#share = share;
    this.#settings = settings;
    this.#ctx = ctx;
  }

  get share(): Share {
    return this.#share;
  }

  #fileName(reference: string, attempt: number): string {
    return voucherFileName(this.#settings.voucher.fileName, reference, attempt);
  }

  #ackPath(file: string): string {
    return `${this.#settings.folders.ack}/${ackFileName(this.#settings.ack.fileName, file)}`;
  }

  /** The acknowledgement of a file, read for the reference; undefined when there is none yet. */
  async #ack(file: string, reference: string, deadline: number): Promise<AckReading | undefined> {
    const bytes = await this.#share.read(this.#ackPath(file), deadline);
    return bytes === null ? undefined : readAck(bytes, this.#settings.ack, reference);
  }

  async #exists(path: string, deadline: number): Promise<boolean> {
    return (await this.#share.read(path, deadline)) !== null;
  }

  /** Where the reference stands with the ERP. Reads only; a failed read throws a ShareError. */
  async probe(reference: string, deadline: number): Promise<Probe> {
    const { outbox, archive } = this.#settings.folders;
    let refused: string | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const file = this.#fileName(reference, attempt);
      let reading = await this.#ack(file, reference, deadline);
      if (reading === undefined) {
        if (await this.#exists(`${outbox}/${file}`, deadline))
          return { state: 'waiting', file, where: 'outbox' };
        if (await this.#exists(`${archive}/${file}`, deadline))
          return { state: 'waiting', file, where: 'archive' };
        // the file may have been read, acknowledged and archived away while we looked
        reading = await this.#ack(file, reference, deadline);
        if (reading === undefined)
          return { state: 'absent', attempt, ...(refused === undefined ? {} : { refused }) };
      }
      if (reading.kind !== 'error') return { state: 'acknowledged', file, reading };
      refused = reading.message;
    }
    throw new ShareError(
      'failure',
      `the ERP refused ${MAX_ATTEMPTS} sendings of ${reference}; resolve it in the ERP`,
    );
  }

  /**
   * Hands a finished file to the ERP: written under a temporary name the ERP ignores, then renamed
   * into the outbox. The rename never overwrites: a file already there under that name is left alone.
   */
  async submit(reference: string, attempt: number, bytes: Uint8Array, deadline: number): Promise<Submitted> {
    const { outbox } = this.#settings.folders;
    const file = this.#fileName(reference, attempt);
    const temporary = `${outbox}/.${file}.${randomUUID().slice(0, 8)}.part`;
    await this.#share.write(temporary, bytes, deadline);
    try {
      await this.#share.renameNew(temporary, `${outbox}/${file}`, deadline);
      this.#ctx.log('file_exchange.submitted', { file, bytes: bytes.length });
      return 'written';
    } catch (error) {
      if (error instanceof ShareError && (error.kind === 'lost' || error.kind === 'timeout')) throw error;
      await this.#share.remove(temporary, deadline).catch(() => {});
      if (error instanceof ShareError && error.kind === 'exists') return 'already there';
      // OpenSSH answers a rename onto an existing name with a bare "Failure": look before calling it one
      if (
        error instanceof ShareError &&
        error.kind === 'failure' &&
        (await this.#exists(`${outbox}/${file}`, deadline))
      )
        return 'already there';
      throw error;
    }
  }

  /**
   * Waits for the acknowledgement of a file until the deadline. An acknowledgement that cannot be read
   * is read again at the next poll (the ERP may still be writing it); the last one read is answered
   * when the deadline comes; undefined when none came.
   */
  async awaitAck(file: string, reference: string, deadline: number): Promise<AckReading | undefined> {
    let last: AckReading | undefined;
    const pollMs = this.#settings.pollMs;
    for (;;) {
      try {
        const reading = await this.#ack(file, reference, deadline);
        if (reading !== undefined && reading.kind !== 'malformed') return reading;
        last = reading ?? last;
      } catch (error) {
        // a read that failed (a locked file, a dropped session) is tried again at the next poll
        this.#ctx.log('file_exchange.ack_read_failed', { file, error: String(error) });
      }
      if (performance.now() + pollMs >= deadline) return last;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

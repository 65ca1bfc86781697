/**
 * The exchange folder as the connector sees it, whichever the transport (a mounted drop folder or an
 * SFTP account): read a file, list a folder, write a file, rename without overwriting, remove. Paths
 * are relative to the connection's base. Every call has a deadline (a `performance.now()` instant);
 * failures are `ShareError`s whose kind says whether the request can have had an effect.
 */
export interface ShareEntry {
  readonly name: string;
  readonly size: number;
  /** Modification time, ms since the epoch (SFTP gives whole seconds). */
  readonly modifiedMs: number;
  readonly isFile: boolean;
}

export type ShareErrorKind =
  /** The file or folder is not there (a definite answer). */
  | 'not_found'
  /** A rename found its target already there: someone wrote that name before. */
  | 'exists'
  /** Permission denied, or the file is locked by the other side. */
  | 'denied'
  /** The server said the request failed (SSH_FX_FAILURE and the like): nothing was done. */
  | 'failure'
  /** The server refused for the rate of requests or connections. */
  | 'throttled'
  /** The server could not be reached: nothing was sent. */
  | 'unreachable'
  /** Sign-in refused, or the server showed another host key. */
  | 'auth'
  /** The deadline passed before the request was sent. */
  | 'not_sent'
  /** The connection dropped while the request was out: it may or may not have been done. */
  | 'lost'
  /** No answer within the deadline: it may or may not have been done. */
  | 'timeout';

export class ShareError extends Error {
  override readonly name = 'ShareError';
  readonly kind: ShareErrorKind;

  constructor(kind: ShareErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Whether a failed request may nevertheless have been carried out. */
export const mayHaveHappened = (error: ShareError): boolean =>
  error.kind === 'lost' || error.kind === 'timeout';

export interface Share {
  /** The file's bytes, or null when there is no such file. */
  read(path: string, deadline: number): Promise<Buffer | null>;
  /** The entries of a folder (not_found when the folder is not there). */
  list(folder: string, deadline: number): Promise<ShareEntry[]>;
  /** Creates or replaces a file (used for temporary names only). */
  write(path: string, bytes: Uint8Array, deadline: number): Promise<void>;
  /** Renames a file; `exists` when the target is already there, which is then left untouched. */
  renameNew(from: string, to: string, deadline: number): Promise<void>;
  /** Removes a file; a file that is not there is no error. */
  remove(path: string, deadline: number): Promise<void>;
  /** Where the share is, for messages. */
  readonly where: string;
  close(): Promise<void>;
}

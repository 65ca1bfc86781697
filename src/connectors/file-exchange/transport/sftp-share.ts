import { createHash } from 'node:crypto';
import type { SFTPWrapper } from 'ssh2';
import type SftpClient from 'ssh2-sftp-client';
import { below } from './endpoint.ts';
import { ShareError, type Share, type ShareEntry } from './share.ts';

/**
 * An SFTP account as the exchange folder, through ssh2-sftp-client. A few sessions (four at most,
 * opened only while requests queue up) serve the connector; each session takes one request at a time
 * (the library's advice: concurrent requests on one session are not reliable), each under the
 * caller's deadline and a per-request cap, so that a request the server never answers costs that
 * request only: its session is dropped and the next request opens a new one.
 *
 * A session that has ended (the server's idle timeout, a reset) is replaced at the next request. A
 * request that was never sent, and any read or temporary write, is simply made again on the new
 * session; a rename into the outbox that was out when the session dropped may have happened, and is
 * reported as such (`lost`/`timeout`) for the caller to resolve by reading the folders.
 */
export interface SftpAccount {
  readonly host: string;
  readonly port: number;
  /** The base path (`/exchange`, or `.` for the account's home). */
  readonly root: string;
  readonly username: string;
  readonly password?: string;
  readonly privateKey?: string;
  readonly passphrase?: string;
  /** `SHA256:…` as `ssh-keygen -lf` prints it; absent = any host key is accepted (logged). */
  readonly hostKeySha256?: string;
}

/** What a request does, which decides whether it may be repeated after its session dropped. */
type Mode = 'read' | 'write' | 'commit';

/** An open session: the library's client, and the SFTP channel it opened. */
interface Session {
  readonly client: SftpClient;
  readonly channel: SFTPWrapper;
}

let loading: Promise<typeof SftpClient> | undefined;
/**
 * ssh2 and its SFTP client are loaded with the first session, not with the connector: 16 MB and 0.1 s
 * loaded alone, about 5 MB in the hub's process (ADR 0024), in every FinBridge process, most of which
 * never open an SFTP session.
 */
const sftpClientClass = () => (loading ??= import('ssh2-sftp-client').then((m) => m.default));

/** The OpenSSH fingerprint of a host key blob. */
export const fingerprintOf = (key: Buffer): string =>
  `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

class DeadlineError extends Error {}

function withDeadline<T>(promise: Promise<T>, until: number): Promise<T> {
  // a late failure of a request given up on is nobody's business any more
  promise.catch(() => {});
  const ms = until - performance.now();
  if (ms <= 0) return Promise.reject(new DeadlineError());
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;

/** SSH_FX_* status codes an SFTP server answers a request with (not the connection-level ones). */
function statusFailure(status: number, message: string): ShareError {
  if (status === 2) return new ShareError('not_found', message);
  if (status === 3) return new ShareError('denied', message);
  if (/exist/i.test(message)) return new ShareError('exists', message);
  if (/too many|rate limit|slow down|throttl/i.test(message)) return new ShareError('throttled', message);
  return new ShareError('failure', message);
}

/** A failed sign-in: refused credentials or host key are not cured by trying again; the rest is transient. */
function connectFailure(error: unknown, seen: string | undefined, expected: string | undefined): ShareError {
  const message = messageOf(error);
  if (/Host denied|verification failed/i.test(message))
    return new ShareError(
      'auth',
      `the server’s host key is ${seen ?? 'unknown'}, not the expected ${expected ?? ''}`,
    );
  if (/authentication methods failed|auth/i.test(message))
    return new ShareError('auth', `sign-in refused: ${message}`);
  return new ShareError('unreachable', `no SFTP session: ${message}`);
}

/** One SFTP session and the requests queued on it, one at a time. */
interface Lane {
  session: { readonly client: SftpClient; readonly ready: Promise<SFTPWrapper> } | undefined;
  tail: Promise<unknown>;
  pending: number;
}

export class SftpShare implements Share {
  readonly where: string;
  readonly #account: SftpAccount;
  readonly #log: (event: string, fields: Record<string, unknown>) => void;
  readonly #capMs: number;
  readonly #maxLanes: number;
  readonly #lanes: Lane[] = [];
  #closed = false;

  constructor(
    account: SftpAccount,
    options: {
      readonly capMs: number;
      /** Sessions opened at most, when requests queue up (default 4). */
      readonly sessions?: number;
      readonly log: (event: string, fields: Record<string, unknown>) => void;
    },
  ) {
    this.#account = account;
    this.#log = options.log;
    this.#capMs = options.capMs;
    this.#maxLanes = options.sessions ?? 4;
    this.where = `sftp://${account.host}:${account.port}/${account.root.replace(/^\//, '')}`;
  }

  #path(path: string): string {
    return below(this.#account.root, path);
  }

  /** The lane's open session, or a new one (one sign-in at a time, however many requests wait for it). */
  #connect(lane: Lane, deadline: number, Client: typeof SftpClient): Promise<Session> {
    const current = lane.session;
    if (current !== undefined) return current.ready.then((channel) => ({ client: current.client, channel }));
    const account = this.#account;
    const client = new Client('finbridge', {
      error: (error) => this.#log('file_exchange.sftp_error', { error: messageOf(error) }),
      end: () => this.#forget(lane, client),
      close: () => this.#forget(lane, client),
    });
    let seen: string | undefined;
    const ready = client
      .connect({
        host: account.host,
        port: account.port,
        username: account.username,
        ...(account.password === undefined ? {} : { password: account.password }),
        ...(account.privateKey === undefined ? {} : { privateKey: account.privateKey }),
        ...(account.passphrase === undefined ? {} : { passphrase: account.passphrase }),
        readyTimeout: Math.max(50, Math.min(deadline - performance.now(), 20_000)),
        hostVerifier: (key: Buffer) => {
          seen = fingerprintOf(key);
          return account.hostKeySha256 === undefined || seen === account.hostKeySha256;
        },
      })
      .then(
        (channel) => {
          this.#log('file_exchange.signed_in', { where: this.where, hostKey: seen });
          return channel;
        },
        (error: unknown) => {
          this.#forget(lane, client);
          throw connectFailure(error, seen, account.hostKeySha256);
        },
      );
    lane.session = { client, ready };
    return ready.then((channel) => ({ client, channel }));
  }

  #forget(lane: Lane, client: SftpClient): void {
    if (lane.session?.client === client) lane.session = undefined;
  }

  #discard(lane: Lane, client: SftpClient): void {
    this.#forget(lane, client);
    client.end().catch(() => {});
  }

  /**
   * Runs a request on the least busy session, one request at a time per session; another session is
   * opened only while every open one has requests waiting. A request the server never answers then
   * holds up its own session's queue, not every request of the connector.
   */
  #exclusive<T>(work: (lane: Lane) => Promise<T>): Promise<T> {
    let lane = this.#lanes.reduce<Lane | undefined>(
      (best, l) => (best === undefined || l.pending < best.pending ? l : best),
      undefined,
    );
    if (lane === undefined || (lane.pending > 0 && this.#lanes.length < this.#maxLanes)) {
      lane = { session: undefined, tail: Promise.resolve(), pending: 0 };
      this.#lanes.push(lane);
    }
    const chosen = lane;
    chosen.pending += 1;
    const run = chosen.tail.then(
      () => work(chosen),
      () => work(chosen),
    );
    chosen.tail = run.catch(() => {}).finally(() => (chosen.pending -= 1));
    return run;
  }

  #run<T>(what: string, mode: Mode, deadline: number, request: (session: Session) => Promise<T>): Promise<T> {
    return this.#exclusive(async (lane) => {
      for (let attempt = 0; ; attempt++) {
        if (this.#closed) throw new ShareError('not_sent', `${what}: the connection is closed`);
        if (performance.now() >= deadline)
          throw new ShareError('not_sent', `${what}: no time left to send it`);
        const connected = sftpClientClass().then((Client) => this.#connect(lane, deadline, Client));
        const session = await withDeadline(connected, deadline).catch((error: unknown) => {
          throw error instanceof DeadlineError
            ? new ShareError('unreachable', `${what}: no SFTP session within the deadline`)
            : error;
        });
        const cap = Math.min(deadline, performance.now() + this.#capMs);
        const again = () => mode !== 'commit' && attempt === 0 && performance.now() < deadline;
        try {
          return await withDeadline(request(session), cap);
        } catch (error) {
          if (error instanceof DeadlineError) {
            this.#discard(lane, session.client);
            if (again()) continue;
            throw new ShareError('timeout', `${what}: no answer from ${this.where} in time`);
          }
          const code = codeOf(error);
          if (typeof code === 'number' && code !== 6 && code !== 7) {
            const failure = statusFailure(code, `${what}: ${messageOf(error)}`);
            // a request the server failed to do (SSH_FX_FAILURE) did nothing: a read or temporary write is tried again
            if (failure.kind === 'failure' && again()) continue;
            throw failure;
          }
          // the session is gone: a request that never left, a read or a temporary write is made again
          this.#discard(lane, session.client);
          const notSent = code === 'ERR_NOT_CONNECTED';
          if ((notSent && attempt === 0) || again()) continue;
          throw new ShareError(notSent ? 'not_sent' : 'lost', `${what}: ${messageOf(error)}`);
        }
      }
    });
  }

  async read(path: string, deadline: number): Promise<Buffer | null> {
    try {
      const data = await this.#run(`read ${path}`, 'read', deadline, (s) => s.client.get(this.#path(path)));
      if (Buffer.isBuffer(data)) return data;
      throw new ShareError('failure', `read ${path}: no data came back`);
    } catch (error) {
      if (error instanceof ShareError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async list(folder: string, deadline: number): Promise<ShareEntry[]> {
    const entries = await this.#run(`list ${folder}`, 'read', deadline, (s) =>
      s.client.list(this.#path(folder)),
    );
    return entries.map((e) => ({
      name: e.name,
      size: e.size,
      modifiedMs: e.modifyTime,
      isFile: e.type === '-',
    }));
  }

  async write(path: string, bytes: Uint8Array, deadline: number): Promise<void> {
    // through the channel's own writeFile: the library's put() reports success when a WRITE failed
    await this.#run(
      `write ${path}`,
      'write',
      deadline,
      (s) =>
        new Promise<void>((resolve, reject) =>
          s.channel.writeFile(this.#path(path), Buffer.from(bytes), (error) =>
            error ? reject(error) : resolve(),
          ),
        ),
    );
  }

  async renameNew(from: string, to: string, deadline: number): Promise<void> {
    await this.#run(`rename ${from} to ${to}`, 'commit', deadline, (s) =>
      s.client.rename(this.#path(from), this.#path(to)),
    );
  }

  async remove(path: string, deadline: number): Promise<void> {
    await this.#run(`remove ${path}`, 'write', deadline, (s) => s.client.delete(this.#path(path), true));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const sessions = this.#lanes.flatMap((lane) => (lane.session === undefined ? [] : [lane.session]));
    for (const lane of this.#lanes) lane.session = undefined;
    await Promise.all(sessions.map((s) => s.ready.then(() => s.client.end()).catch(() => {})));
  }
}

import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join, posix } from 'node:path';
import ssh2, {
  type Attributes,
  type Connection,
  type FileEntry,
  type ParsedKey,
  type SFTPWrapper,
} from 'ssh2';
import type { FileExchangeDice } from './faults.ts';

/**
 * A real SFTP server (ssh2's `Server` with its SFTP subsystem) over one local directory, which is the
 * whole of what the client sees (`/` is the directory; nothing above it can be named). Sign-in by
 * password or public key. SFTP version 3 semantics where clients rely on them: a rename onto an
 * existing name fails (the way OpenSSH's server does it, by link and unlink). The faults act per
 * request; a rename into the commit folder (the outbox) is the request that hands a file over.
 * Sessions idle for `sessionTtlS` by the ERP's clock are closed, as an sshd's idle timeout would.
 */
const { STATUS_CODE, OPEN_MODE, flagsToString } = ssh2.utils.sftp;

export interface SftpServerOptions {
  readonly root: string;
  readonly host: string;
  readonly port: number;
  readonly hostKey: string;
  readonly account: { readonly username: string; readonly password: string; readonly publicKey: ParsedKey };
  /** Renames into this folder are the commits the drop faults act on. */
  readonly commitFolder: string;
  readonly faults: FileExchangeDice;
  readonly stats: Record<string, number>;
  readonly now: () => Date;
  readonly sessionTtlS: number;
  /** Whether the ERP holds the file (a path relative to the root) locked. */
  readonly isLocked: (path: string) => boolean;
}

export interface SftpServer {
  readonly port: number;
  /** Ends every session at once (a restart of the server). */
  expireSessions(): void;
  close(): Promise<void>;
}

interface Session {
  readonly client: Connection;
  readonly socket: Socket | undefined;
  lastMs: number;
  closed: boolean;
  readonly files: Map<number, { fd: number }>;
  readonly dirs: Map<number, { entries: FileEntry[]; next: number }>;
}

const count = (stats: Record<string, number>, key: string) => (stats[key] = (stats[key] ?? 0) + 1);

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function attributesOf(stat: fs.Stats): Attributes {
  return {
    mode: stat.mode,
    uid: stat.uid,
    gid: stat.gid,
    size: stat.size,
    atime: Math.floor(stat.atimeMs / 1000),
    mtime: Math.floor(stat.mtimeMs / 1000),
  };
}

const longname = (name: string, stat: fs.Stats) =>
  `${stat.isDirectory() ? 'd' : '-'}rw-r--r--    1 erp      erp      ${String(stat.size).padStart(8)} Jan  1 00:00 ${name}`;

/** An error of the file system → the SFTP status the client gets. */
function statusOf(error: unknown): [number, string] {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return [STATUS_CODE.NO_SUCH_FILE, 'No such file'];
  if (code === 'EACCES' || code === 'EPERM') return [STATUS_CODE.PERMISSION_DENIED, 'Permission denied'];
  if (code === 'EEXIST') return [STATUS_CODE.FAILURE, 'File already exists'];
  return [STATUS_CODE.FAILURE, error instanceof Error ? error.message : String(error)];
}

/** What a request did: how to answer it, and whether it handed a file over. */
interface Done {
  readonly answer: () => void;
  readonly commits?: boolean;
}

export async function startSftpServer(options: SftpServerOptions): Promise<SftpServer> {
  const { faults, stats, root } = options;
  const ttlMs = options.sessionTtlS * 1000;
  const sessions = new Set<Session>();
  const unclaimed = new Map<number, Socket>();
  const sockets = new Set<Socket>();
  let handles = 1;

  const where = (path: string) => {
    const relative = posix.resolve('/', path).slice(1);
    return { relative, absolute: join(root, ...relative.split('/').filter(Boolean)) };
  };

  function end(session: Session, destroy: boolean): void {
    if (session.closed) return;
    session.closed = true;
    if (destroy && session.socket !== undefined) session.socket.destroy();
    else session.client.end();
  }

  function serve(session: Session, sftp: SFTPWrapper, id: number, work: () => Done): void {
    const nowMs = options.now().getTime();
    if (session.closed) return;
    if (nowMs - session.lastMs >= ttlMs) {
      count(stats, 'expiredSessions');
      end(session, true);
      return;
    }
    session.lastMs = nowMs;
    count(stats, 'requests');
    const plan = faults.draw();
    const go = () => {
      if (session.closed) return;
      if (plan.serverError) {
        count(stats, 'failed');
        sftp.status(id, STATUS_CODE.FAILURE, 'Temporary failure, try again');
        return;
      }
      if (plan.hang === 'before') {
        count(stats, 'hung');
        return;
      }
      let done: Done;
      try {
        done = work();
      } catch (error) {
        const [status, message] = statusOf(error);
        done = { answer: () => sftp.status(id, status, message) };
      }
      if (done.commits === true && faults.dropsCommit(plan)) {
        count(stats, 'dropped');
        end(session, true);
        return;
      }
      if (done.commits === true ? faults.hangsCommit(plan) : plan.hang === 'after') {
        count(stats, 'hung');
        return;
      }
      done.answer();
    };
    if (plan.latencyMs > 0) setTimeout(go, plan.latencyMs);
    else go();
  }

  function bind(session: Session, sftp: SFTPWrapper): void {
    const handle = (n: number) => {
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(n);
      return buffer;
    };
    const idOf = (h: Buffer) => (h.length === 4 ? h.readUInt32BE(0) : -1);
    const ok = (id: number) => () => sftp.status(id, STATUS_CODE.OK);
    const fileOf = (h: Buffer) => {
      const file = session.files.get(idOf(h));
      if (file === undefined) throw Object.assign(new Error('Invalid handle'), { code: 'EBADF' });
      return file;
    };
    const on = (event: string, work: (id: number, ...args: never[]) => Done) =>
      sftp.on(event, (id: number, ...args: never[]) => serve(session, sftp, id, () => work(id, ...args)));

    on('OPEN', (id, path: string, flags: number) => {
      const { relative, absolute } = where(path);
      const writing = (flags & OPEN_MODE.WRITE) !== 0;
      if (writing && !faults.admit()) {
        count(stats, 'throttled');
        return {
          answer: () => sftp.status(id, STATUS_CODE.FAILURE, 'Too many requests, slow down (rate limit)'),
        };
      }
      if (!writing && options.isLocked(relative))
        return {
          answer: () =>
            sftp.status(id, STATUS_CODE.PERMISSION_DENIED, 'The file is locked by another process'),
        };
      const fd = fs.openSync(absolute, flagsToString(flags) ?? 'r');
      const n = handles++;
      session.files.set(n, { fd });
      return { answer: () => sftp.handle(id, handle(n)) };
    });
    on('READ', (id, h: Buffer, offset: number, length: number) => {
      const buffer = Buffer.alloc(Math.min(length, 256 * 1024));
      const read = fs.readSync(fileOf(h).fd, buffer, 0, buffer.length, offset);
      return {
        answer: () =>
          read === 0 ? sftp.status(id, STATUS_CODE.EOF) : sftp.data(id, buffer.subarray(0, read)),
      };
    });
    on('WRITE', (id, h: Buffer, offset: number, data: Buffer) => {
      fs.writeSync(fileOf(h).fd, data, 0, data.length, offset);
      return { answer: ok(id) };
    });
    on('FSTAT', (id, h: Buffer) => {
      const attrs = attributesOf(fs.fstatSync(fileOf(h).fd));
      return { answer: () => sftp.attrs(id, attrs) };
    });
    on('CLOSE', (id, h: Buffer) => {
      const n = idOf(h);
      const file = session.files.get(n);
      if (file !== undefined) fs.closeSync(file.fd);
      session.files.delete(n);
      session.dirs.delete(n);
      return { answer: ok(id) };
    });
    on('OPENDIR', (id, path: string) => {
      const { absolute } = where(path);
      const entries = fs.readdirSync(absolute).flatMap((name): FileEntry[] => {
        const stat = fs.statSync(join(absolute, name), { throwIfNoEntry: false });
        return stat === undefined
          ? []
          : [
              {
                filename: name,
                longname: longname(name, stat),
                attrs: attributesOf(stat),
              },
            ];
      });
      const n = handles++;
      session.dirs.set(n, { entries, next: 0 });
      return { answer: () => sftp.handle(id, handle(n)) };
    });
    on('READDIR', (id, h: Buffer) => {
      const dir = session.dirs.get(idOf(h));
      if (dir === undefined) return { answer: () => sftp.status(id, STATUS_CODE.FAILURE, 'Invalid handle') };
      // in batches, as OpenSSH sends them, so that a large folder never overflows a packet
      const batch = dir.entries.slice(dir.next, dir.next + 100);
      dir.next += batch.length;
      return { answer: () => (batch.length === 0 ? sftp.status(id, STATUS_CODE.EOF) : sftp.name(id, batch)) };
    });
    const stat = (id: number, path: string, follow: boolean): Done => {
      const s = (follow ? fs.statSync : fs.lstatSync)(where(path).absolute);
      return { answer: () => sftp.attrs(id, attributesOf(s)) };
    };
    on('STAT', (id, path: string) => stat(id, path, true));
    on('LSTAT', (id, path: string) => stat(id, path, false));
    on('REALPATH', (id, path: string) => {
      const name = posix.resolve('/', path);
      return {
        answer: () => sftp.name(id, [{ filename: name, longname: name, attrs: {} as FileEntry['attrs'] }]),
      };
    });
    on('REMOVE', (id, path: string) => {
      fs.unlinkSync(where(path).absolute);
      return { answer: ok(id) };
    });
    on('MKDIR', (id, path: string) => {
      fs.mkdirSync(where(path).absolute);
      return { answer: ok(id) };
    });
    on('RMDIR', (id, path: string) => {
      fs.rmdirSync(where(path).absolute);
      return { answer: ok(id) };
    });
    on('RENAME', (id, from: string, to: string) => {
      const [source, target] = [where(from), where(to)];
      fs.linkSync(source.absolute, target.absolute);
      fs.unlinkSync(source.absolute);
      return { answer: ok(id), commits: posix.dirname(`/${target.relative}`) === `/${options.commitFolder}` };
    });
    on('SETSTAT', (id) => ({ answer: ok(id) }));
    on('FSETSTAT', (id) => ({ answer: ok(id) }));
    on('READLINK', (id) => ({ answer: () => sftp.status(id, STATUS_CODE.OP_UNSUPPORTED) }));
    on('SYMLINK', (id) => ({ answer: () => sftp.status(id, STATUS_CODE.OP_UNSUPPORTED) }));
  }

  const publicKey = options.account.publicKey;
  const ssh = new ssh2.Server(
    { hostKeys: [options.hostKey], ident: 'FinBridgeSimulatedERP_1.0' },
    (client, info) => {
      const session: Session = {
        client,
        socket: unclaimed.get(info.port),
        lastMs: options.now().getTime(),
        closed: false,
        files: new Map(),
        dirs: new Map(),
      };
      unclaimed.delete(info.port);
      client.on('error', () => {});
      client.on('authentication', (ctx) => {
        const account = options.account;
        if (ctx.username === account.username) {
          if (ctx.method === 'password' && sameSecret(ctx.password, account.password)) return ctx.accept();
          if (
            ctx.method === 'publickey' &&
            ctx.key.algo === publicKey.type &&
            ctx.key.data.equals(publicKey.getPublicSSH()) &&
            (ctx.signature === undefined ||
              ctx.blob === undefined ||
              publicKey.verify(ctx.blob, ctx.signature, ctx.hashAlgo))
          )
            return ctx.accept();
        }
        if (ctx.method !== 'none') count(stats, 'refusedSignIns');
        ctx.reject(['password', 'publickey']);
      });
      client.on('ready', () => {
        count(stats, 'sessions');
        session.lastMs = options.now().getTime();
        sessions.add(session);
        client.on('session', (accept) => {
          accept().on('sftp', (acceptSftp) => bind(session, acceptSftp()));
        });
      });
      client.on('close', () => {
        session.closed = true;
        sessions.delete(session);
        for (const file of session.files.values()) fs.closeSync(file.fd);
        session.files.clear();
      });
    },
  );

  const server = createServer((socket) => {
    socket.on('error', () => {});
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (!faults.admit()) {
      // refused at the door, the way an sshd over its MaxStartups drops a connection
      count(stats, 'refusedConnections');
      socket.destroy();
      return;
    }
    if (socket.remotePort !== undefined) unclaimed.set(socket.remotePort, socket);
    socket.once('close', () => {
      if (socket.remotePort !== undefined) unclaimed.delete(socket.remotePort);
    });
    ssh.injectSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const sweep = setInterval(() => {
    const nowMs = options.now().getTime();
    for (const session of sessions)
      if (nowMs - session.lastMs >= ttlMs) {
        count(stats, 'expiredSessions');
        end(session, false);
      }
  }, 200);
  sweep.unref();
  return {
    port: (server.address() as AddressInfo).port,
    expireSessions: () => {
      for (const session of sessions) end(session, false);
    },
    close: async () => {
      clearInterval(sweep);
      for (const session of sessions) end(session, true);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

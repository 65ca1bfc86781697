import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SimulatorFaults, SimulatorStartOptions } from '../../contract.ts';
import { pickFaults } from '../../simulator-kit/fault-keys.ts';
import { MASTER_OBJECTS, type MasterObject } from '../layout/presets.ts';
import { resolveSettings, type FileExchangeSettings } from '../settings.ts';
import { startAdminServer } from './admin.ts';
import { SimulatedBook } from './book.ts';
import { FileExchangeDice, FILE_FAULT_KEYS, type FileFaults } from './faults.ts';
import { Importer } from './importer.ts';
import { newKeyPair } from './keys.ts';
import { MasterFiles } from './master-files.ts';
import { startSftpServer, type SftpServer } from './sftp-server.ts';
import { VoucherExporter } from './voucher-export.ts';

/**
 * A simulated ERP without an API: an exchange directory (a temporary one unless given), the ERP's
 * import job, master-data export and voucher-list export working on it, and — unless it serves a plain folder in-process —
 * a real SFTP server on loopback in front of it. Its controls answer on a loopback HTTP port of their
 * own (`adminUrl`), since SFTP has no place for them.
 */
export interface FileExchangeSimulatorOptions extends SimulatorStartOptions {
  /** sftp (default): an SFTP server in front of the directory; folder: the directory itself (file://). */
  readonly transport?: 'sftp' | 'folder';
  /** The exchange directory; a temporary one, removed on close, when absent. */
  readonly directory?: string;
  /** The layouts and folders the ERP's import is set up with (default: the cn-gbk-csv preset). */
  readonly settings?: Omit<FileExchangeSettings, 'authKind' | 'hostKeySha256'>;
  /** Closed (已结账) periods, `YYYY-MM`. */
  readonly closedPeriods?: readonly string[];
  /** The admin port; default the SFTP port + 1 when a port is given, else any free port. */
  readonly adminPort?: number;
  /** How often the import job looks at the outbox, ms (default 10). */
  readonly scanMs?: number;
  readonly fileFaults?: FileFaults;
  /** How many vouchers a voucher-list export part holds at most (default 50). */
  readonly exportPartVouchers?: number;
  readonly account?: { readonly username?: string; readonly password?: string };
}

export interface SimulatorConnection {
  readonly settings: Readonly<Record<string, unknown>>;
  readonly credentials: Readonly<Record<string, string>>;
}

export interface FileExchangeSimulator {
  /** The connection's base URL: sftp://127.0.0.1:<port>/ or file:///<directory>/. */
  readonly url: string;
  /** The loopback HTTP server answering /__sim/*. */
  readonly adminUrl: string;
  readonly directory: string;
  /** Signing in with the account's password (SFTP), or none (folder). */
  readonly connection: SimulatorConnection;
  /** Signing in with the account's key pair (SFTP only). */
  readonly keyConnection?: SimulatorConnection;
  readonly book: SimulatedBook;
  readonly stats: Record<string, number>;
  /** Changes faults, common and file ones. */
  setFaults(faults: SimulatorFaults & FileFaults): void;
  setFileFaults(faults: FileFaults): void;
  /** The next `n` renames into the outbox are done, then their sessions reset. */
  dropNextCommits(n: number): void;
  /** The next `n` renames into the outbox are done, then never answered. */
  hangNextCommits(n: number): void;
  /** The next `n` files imported are acknowledged late. */
  lateNextAcks(n: number): void;
  /** Ends every SFTP session (a server restart). */
  expireSessions(): void;
  /** Pauses the ERP's import job (files wait in the outbox), or lets it run again. */
  holdImports(held: boolean): void;
  /** Changes one master record and drops a file of it; returns its number. */
  touch(object: string): string;
  close(): Promise<void>;
}

export const DEMO_ACCOUNT = { username: 'finbridge', password: 'exchange-demo' } as const;

export async function startFileExchangeSimulator(
  options: FileExchangeSimulatorOptions,
): Promise<FileExchangeSimulator> {
  const { now } = options;
  const host = options.host ?? '127.0.0.1';
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'finbridge-file-exchange-'));
  const configured: FileExchangeSettings = { layout: 'cn-gbk-csv', ...options.settings };
  const resolved = resolveSettings(configured);
  const book = new SimulatedBook(
    options.master,
    now().toISOString().slice(0, 19).replace('T', ' '),
    options.bookFile,
  );
  for (const period of options.closedPeriods ?? []) book.closedPeriods.add(period);
  const faults = new FileExchangeDice(options, options.fileFaults ?? {}, options.seed ?? 1);
  const stats: Record<string, number> = {};
  const locks = new Map<string, number>();
  const importer = new Importer({
    directory,
    folders: resolved.folders,
    layout: resolved.voucher,
    ack: resolved.ack,
    book,
    faults,
    now,
    scanMs: options.scanMs ?? 10,
    stats,
    lock: (path, ms) => locks.set(path, performance.now() + ms),
  });
  const master = new MasterFiles(directory, resolved.folders, resolved.master, book, now);
  master.writeAll();
  importer.start();
  const exporter = new VoucherExporter({
    directory,
    folder: resolved.folders.vouchers,
    layout: resolved.voucherList,
    book,
    faults,
    scanMs: options.scanMs ?? 10,
    partVouchers: options.exportPartVouchers ?? 50,
    stats,
  });
  exporter.start();

  const account = { ...DEMO_ACCOUNT, ...options.account };
  let sftp: SftpServer | undefined;
  let url: string;
  const shared = { ...configured };
  let connection: SimulatorConnection;
  let keyConnection: SimulatorConnection | undefined;
  if (options.transport === 'folder') {
    url = pathToFileURL(`${directory}/`).href;
    connection = { settings: { ...shared, authKind: 'none' }, credentials: {} };
  } else {
    const hostKey = newKeyPair();
    const clientKey = newKeyPair();
    sftp = await startSftpServer({
      root: directory,
      host,
      port: options.port ?? 0,
      hostKey: hostKey.privatePem,
      account: { username: account.username, password: account.password, publicKey: clientKey.parsed },
      commitFolder: resolved.folders.outbox,
      faults,
      stats,
      now,
      sessionTtlS: options.sessionTtlS ?? 600,
      isLocked: (path) => (locks.get(path) ?? 0) > performance.now(),
    });
    url = `sftp://${host}:${sftp.port}/`;
    const pinned = { ...shared, hostKeySha256: hostKey.fingerprint };
    connection = {
      settings: { ...pinned, authKind: 'password' },
      credentials: { username: account.username, password: account.password },
    };
    keyConnection = {
      settings: { ...pinned, authKind: 'private-key' },
      credentials: { username: account.username, privateKey: clientKey.privatePem },
    };
  }
  const admin = await startAdminServer(
    host,
    options.adminPort ?? (options.port === undefined || options.port === 0 ? 0 : options.port + 1),
    {
      stats: () => ({ ...stats, vouchers: book.vouchers.length }),
      documents: () => book.documents(),
      faults: () => faults.current,
      setFaults: (common, file) => faults.set(common, file),
      fileFaults: () => faults.own,
      tamper: (change) => book.tamper(change.reference, change.change, change.account),
    },
  );
  return {
    url,
    adminUrl: admin.url,
    directory,
    connection,
    ...(keyConnection === undefined ? {} : { keyConnection }),
    book,
    stats,
    setFaults: (next) => faults.set(next, pickFaults(next, FILE_FAULT_KEYS)),
    setFileFaults: (next) => faults.set({}, next),
    dropNextCommits: (n) => faults.dropNextCommits(n),
    hangNextCommits: (n) => faults.hangNextCommits(n),
    lateNextAcks: (n) => faults.lateNextAcks(n),
    expireSessions: () => sftp?.expireSessions(),
    holdImports: (held) => importer.hold(held),
    touch: (object) => {
      if (!(MASTER_OBJECTS as readonly string[]).includes(object))
        throw new Error(`no master data ${object}`);
      return master.touch(object as MasterObject);
    },
    close: async () => {
      importer.stop();
      exporter.stop();
      await sftp?.close();
      await admin.close();
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}

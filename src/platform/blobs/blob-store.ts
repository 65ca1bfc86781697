import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A content-addressed store of files (invoice originals, receipts): a file is named by the SHA-256 of
 * its bytes, so the same bytes are stored once, a reference is a hash a database row can carry, and
 * every read can be checked against its name. Writes are idempotent; nothing is ever overwritten.
 */
export interface BlobStore {
  /** Stores the bytes (once) and returns their SHA-256, lowercase hex. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes stored under `sha256`; throws BlobMissing when there are none, BlobCorrupt when they no longer hash to it. */
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
  /** 'ok', 'missing', or 'corrupt' (present but hashing to something else). */
  verify(sha256: string): Promise<BlobState>;
  /** Every stored hash (for backups and audits), in no particular order. */
  list(): AsyncIterable<string>;
  /** Where the store lives, for operators (a directory). */
  readonly location: string;
}

export type BlobState = 'ok' | 'missing' | 'corrupt';

export class BlobMissing extends Error {
  readonly sha256: string;
  constructor(sha256: string) {
    super(`blob ${sha256} is not in the store`);
    this.sha256 = sha256;
  }
}

export class BlobCorrupt extends Error {
  readonly sha256: string;
  constructor(sha256: string) {
    super(`blob ${sha256} no longer matches its hash`);
    this.sha256 = sha256;
  }
}

const HASH = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function checked(sha256: string): string {
  if (!HASH.test(sha256)) throw new RangeError(`not a SHA-256: ${sha256}`);
  return sha256;
}

/**
 * The filesystem store: `<root>/<aa>/<bb>/<sha256>`, two levels of fan-out (65,536 folders) so no
 * folder grows large. A write goes to a temporary file in the final folder, is flushed to disk and
 * renamed into place, so a reader never sees a partial file and a crash leaves only a temporary file
 * (named `.tmp-…`, ignored by `list`).
 */
export class FsBlobStore implements BlobStore {
  readonly location: string;
  constructor(location: string) {
    this.location = location;
  }

  private pathOf(sha256: string): { dir: string; file: string } {
    const dir = join(this.location, sha256.slice(0, 2), sha256.slice(2, 4));
    return { dir, file: join(dir, sha256) };
  }

  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes);
    const { dir, file } = this.pathOf(sha256);
    if ((await this.verify(sha256)) === 'ok') return sha256;
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.tmp-${sha256.slice(0, 8)}-${randomBytes(6).toString('hex')}`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // a corrupt copy under the name is replaced: the rename is atomic
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return sha256;
  }

  async get(sha256: string): Promise<Buffer> {
    const { file } = this.pathOf(checked(sha256));
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobMissing(sha256);
      throw error;
    }
    if (sha256Of(bytes) !== sha256) throw new BlobCorrupt(sha256);
    return bytes;
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(checked(sha256)).file)).isFile();
    } catch {
      return false;
    }
  }

  async verify(sha256: string): Promise<BlobState> {
    try {
      await this.get(sha256);
      return 'ok';
    } catch (error) {
      if (error instanceof BlobMissing) return 'missing';
      if (error instanceof BlobCorrupt) return 'corrupt';
      throw error;
    }
  }

  async *list(): AsyncIterable<string> {
    const names = async (dir: string) => {
      try {
        return (await readdir(dir)).sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    };
    for (const a of await names(this.location)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await names(join(this.location, a))) {
        if (!/^[0-9a-f]{2}$/.test(b)) continue;
        for (const name of await names(join(this.location, a, b))) if (HASH.test(name)) yield name;
      }
    }
  }
}

/** The store of a FinBridge installation: `<data directory>/blobs`. */
export function blobStoreIn(dataDir: string): BlobStore {
  return new FsBlobStore(join(dataDir, 'blobs'));
}

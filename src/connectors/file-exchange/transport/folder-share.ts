import { link, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ShareError, type Share, type ShareEntry } from './share.ts';

/**
 * A drop folder on this machine or a mount (NFS, SMB). A rename that must not overwrite is a hard link
 * followed by an unlink — atomic where links exist; on a file system without them it falls back to a
 * check and a rename, which is only safe while one writer writes a given name (the hub sees to that).
 */
const codeOf = (error: unknown): string =>
  typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';

function failed(error: unknown, what: string): ShareError {
  const code = codeOf(error);
  const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ShareError('not_found', message);
  if (code === 'EEXIST') return new ShareError('exists', message);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return new ShareError('denied', message);
  return new ShareError('failure', message);
}

export class FolderShare implements Share {
  readonly #root: string;
  readonly where: string;

  constructor(root: string) {
    this.#root = root;
    this.where = root;
  }

  #path(path: string): string {
    return join(this.#root, ...path.split('/'));
  }

  async read(path: string): Promise<Buffer | null> {
    try {
      return await readFile(this.#path(path));
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      throw failed(error, `read ${path}`);
    }
  }

  async list(folder: string): Promise<ShareEntry[]> {
    try {
      const entries = await readdir(this.#path(folder), { withFileTypes: true });
      const listed: ShareEntry[] = [];
      for (const entry of entries) {
        const info = await stat(join(this.#path(folder), entry.name)).catch(() => undefined);
        if (info !== undefined)
          listed.push({ name: entry.name, size: info.size, modifiedMs: info.mtimeMs, isFile: info.isFile() });
      }
      return listed;
    } catch (error) {
      throw failed(error, `list ${folder}`);
    }
  }

  async write(path: string, bytes: Uint8Array): Promise<void> {
    try {
      await mkdir(dirname(this.#path(path)), { recursive: true });
      await writeFile(this.#path(path), bytes);
    } catch (error) {
      throw failed(error, `write ${path}`);
    }
  }

  async renameNew(from: string, to: string): Promise<void> {
    try {
      await link(this.#path(from), this.#path(to));
    } catch (error) {
      const code = codeOf(error);
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV')
        throw failed(error, `rename ${from} to ${to}`);
      if ((await stat(this.#path(to)).catch(() => undefined)) !== undefined)
        throw new ShareError('exists', `rename ${from} to ${to}: the target exists`);
      await rename(this.#path(from), this.#path(to)).catch((e: unknown) => {
        throw failed(e, `rename ${from} to ${to}`);
      });
      return;
    }
    await unlink(this.#path(from)).catch(() => {});
  }

  async remove(path: string): Promise<void> {
    await unlink(this.#path(path)).catch((error: unknown) => {
      if (codeOf(error) !== 'ENOENT') throw failed(error, `remove ${path}`);
    });
  }

  async close(): Promise<void> {}
}

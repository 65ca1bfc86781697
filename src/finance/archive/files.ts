import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';

/**
 * Fixity values and formats of archived files. SM3 (GB/T 32905) is the archive's hash where the
 * running Node's OpenSSL offers it; otherwise SHA-256 (the manifest names the algorithm it used).
 * SHA-256 is recorded beside it in any case: it is also the blob store's address of an original.
 */
export const HASH_ALGORITHM: 'sm3' | 'sha256' = hasSm3() ? 'sm3' : 'sha256';

function hasSm3(): boolean {
  try {
    createHash('sm3');
    return true;
  } catch {
    return false;
  }
}

export const fixity = (bytes: Buffer): string => createHash(HASH_ALGORITHM).update(bytes).digest('hex');
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The format a file is archived as, from its media type, else its name. */
export function formatOf(name: string, mediaType: string): string {
  const type = mediaType.toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'application/ofd' || type.includes('ofd')) return 'ofd';
  const ext = extname(name).slice(1).toLowerCase();
  return ext === '' ? 'bin' : ext;
}

export function mediaTypeOf(format: string): string {
  switch (format) {
    case 'json':
      return 'application/json';
    case 'xml':
      return 'application/xml';
    case 'pdf':
      return 'application/pdf';
    case 'ofd':
      return 'application/ofd';
    default:
      return 'application/octet-stream';
  }
}

/**
 * Whether a file can still be read as its format (可用性): JSON parses, XML is well-formed, a PDF
 * starts with its header, an OFD is a ZIP container; other formats need only be readable. Returns why
 * not, or null.
 */
export function unusableReason(format: string, bytes: Buffer): string | null {
  switch (format) {
    case 'json':
      try {
        JSON.parse(bytes.toString('utf8'));
        return null;
      } catch (error) {
        return `not valid JSON: ${(error as Error).message}`;
      }
    case 'xml': {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- as in bank/camt053.ts: fast-xml-parser 5 still ships its validator (naming the line); its successor package is not a dependency
      const result = XMLValidator.validate(bytes.toString('utf8'));
      return result === true ? null : `not well-formed XML: ${result.err.msg} (line ${result.err.line})`;
    }
    case 'pdf':
      return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? null : 'no PDF header';
    case 'ofd':
      return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
        ? null
        : 'not an OFD (ZIP) container';
    default:
      return null;
  }
}

/** A file name safe inside a package folder: no separators, no leading dots, at most 120 characters. */
export function safeName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  return (cleaned === '' ? 'file' : cleaned).slice(0, 120);
}

/** JSON as archived: two-space indented, UTF-8, a final newline. */
export const jsonBytes = (value: unknown): Buffer =>
  Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

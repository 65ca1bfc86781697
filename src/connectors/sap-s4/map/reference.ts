import { createHash } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';

/**
 * Our external reference as S/4HANA can hold it. `DocumentReferenceID` (BKPF-XBLNR) and
 * `SupplierInvoiceIDByInvcgParty` are 16 characters (§1.3, §1.5): a reference that fits is written as
 * it is; a longer one is replaced by a digest of it, `#` and 15 base32 characters (75 bits), so it
 * stays deterministic and can still be searched for. `#` never starts a reference of ours (they start
 * `FB-`), so the two forms cannot meet.
 */
export const REFERENCE_LENGTH = 16;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export function referenceKey(reference: string): string {
  if (reference.length <= REFERENCE_LENGTH) return reference;
  return `#${base32(createHash('sha256').update(reference, 'utf8').digest()).slice(0, REFERENCE_LENGTH - 1)}`;
}

/** The namespace of our message ids (a fixed random UUID: the ids are ours, not SAP's). */
const MESSAGE_NAMESPACE = '6f1c3b0e-58d4-4c8a-9b7e-2a5d0e41c9f3';

/**
 * The `MessageHeader` of one journal entry: a name-based UUID (v5) of our reference, so every resend
 * of the same document carries the same message id. The synchronous service does not check it
 * (§1.3, [inferred]), but SAP's message monitoring then shows resends as one business message, and the
 * asynchronous variant refuses a reused id outright. `ID` is limited to 35 characters: it carries the
 * UUID without hyphens; `UUID` the canonical form.
 */
export function messageHeaderOf(reference: string): { readonly id: string; readonly uuid: string } {
  const uuid = uuidV5(reference, MESSAGE_NAMESPACE);
  return { id: uuid.replace(/-/g, '').toUpperCase(), uuid };
}

/** The bulk message's header: named after every reference it carries, in order. */
export const bulkHeaderOf = (references: readonly string[]) =>
  messageHeaderOf(`bulk\n${references.join('\n')}`);

import { createHmac } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { constraintViolation } from '../store/errors.ts';
import type { TenantDb } from '../store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import { sameHash, sha256 } from './secrets-hash.ts';

/**
 * Signed webhooks, both ways: outbound notifications FinBridge signs, inbound events it verifies.
 * Header `FinBridge-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. A receiver
 * refuses a timestamp outside the tolerance and any signature it has seen before (replay), recording
 * each accepted one until it could no longer be fresh.
 */
export const SIGNATURE_HEADER = 'finbridge-signature';
export const TOLERANCE_SECONDS = 300;

const mac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signWebhook(secret: string, body: string, clock: Clock): string {
  return signWebhookWith([secret], body, clock);
}

/**
 * One signature per secret under one timestamp (`t=…,v1=…,v1=…`): while a secret is being rotated the
 * receiver verifies with whichever of the two it holds.
 */
export function signWebhookWith(secrets: readonly string[], body: string, clock: Clock): string {
  const timestamp = Math.floor(clock.now().getTime() / 1000);
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${mac(s, timestamp, body)}`)].join(',');
}

export function parseSignature(
  header: string | undefined,
): { timestamp: number; signatures: string[] } | null {
  if (header === undefined) return null;
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return Number.isFinite(timestamp) && signatures.length > 0 ? { timestamp, signatures } : null;
}

/**
 * Checks a signature header against the body: well formed, its timestamp within the tolerance of the
 * clock, and one of its signatures made with one of `secrets` (several while one is being rotated).
 * Throws webhook_signature_invalid saying which; returns the timestamp and the matching signature.
 */
export function verifySignature(
  clock: Clock,
  input: { secrets: readonly string[]; header: string | undefined; body: string },
): { timestamp: number; signature: string } {
  const parsed = parseSignature(input.header);
  if (parsed === null)
    throw new DomainError('webhook_signature_invalid', {
      reason: `missing or malformed ${SIGNATURE_HEADER} header`,
    });
  const now = Math.floor(clock.now().getTime() / 1000);
  if (Math.abs(now - parsed.timestamp) > TOLERANCE_SECONDS) {
    throw new DomainError('webhook_signature_invalid', {
      reason: `timestamp outside the ${TOLERANCE_SECONDS} s tolerance`,
    });
  }
  const expected = input.secrets.map((s) => mac(s, parsed.timestamp, input.body));
  const valid = parsed.signatures.find((sig) => expected.some((e) => sameHash(e, sig)));
  if (valid === undefined)
    throw new DomainError('webhook_signature_invalid', { reason: 'signature does not match' });
  return { timestamp: parsed.timestamp, signature: valid };
}

/** Verifies an inbound webhook and records it; throws webhook_signature_invalid or webhook_replayed. */
export async function acceptWebhook(
  db: TenantDb,
  clock: Clock,
  input: { secrets: readonly string[]; header: string | undefined; body: string; source: string },
): Promise<void> {
  const { timestamp, signature } = verifySignature(clock, input);
  try {
    await db
      .insertInto('webhook_receipts', [
        {
          signature_hash: sha256(`${timestamp}.${signature}`),
          source: input.source,
          received_at: clock.now().toISOString(),
          expires_at: new Date((timestamp + 2 * TOLERANCE_SECONDS) * 1000).toISOString(),
        },
      ])
      .execute();
  } catch (error) {
    if (constraintViolation(error) === 'unique') throw new DomainError('webhook_replayed');
    throw error;
  }
}

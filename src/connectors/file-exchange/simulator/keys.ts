import { generateKeyPairSync } from 'node:crypto';
import ssh2, { type ParsedKey } from 'ssh2';
import { fingerprintOf } from '../transport/sftp-share.ts';

/**
 * The simulated SFTP server's host key and the demo account's key pair, made fresh at each start
 * (ECDSA P-256 in the SEC 1 PEM form ssh2 reads): a connection pins the host key by its fingerprint,
 * exactly as against a real server.
 */
export interface KeyPair {
  readonly privatePem: string;
  readonly parsed: ParsedKey;
  /** `SHA256:…`, as `ssh-keygen -lf` prints it. */
  readonly fingerprint: string;
}

export function newKeyPair(): KeyPair {
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const parsed = ssh2.utils.parseKey(privateKey);
  if (parsed instanceof Error) throw parsed;
  return { privatePem: privateKey, parsed, fingerprint: fingerprintOf(parsed.getPublicSSH()) };
}

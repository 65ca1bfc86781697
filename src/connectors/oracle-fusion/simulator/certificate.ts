import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';

/**
 * A key pair and a self-signed X.509 certificate for the simulator's JWT bearer trust: what a customer
 * uploads in Security Console → API Authentication. Node can sign but not build certificates, so the
 * DER is assembled here (RSA 2048, SHA-256, CN only).
 */
const der = (tag: number, content: Buffer): Buffer => {
  const n = content.length;
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
};
const sequence = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
/** A DER INTEGER: minimal bytes, with a zero in front when the high bit would make it negative. */
const integer = (bytes: Buffer) => {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = bytes.subarray(start);
  return der(0x02, (minimal[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal);
};
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const time = (at: Date): Buffer => {
  const iso = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return at.getUTCFullYear() < 2050
    ? der(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : der(0x18, Buffer.from(`${iso}Z`));
};
const name = (cn: string) =>
  sequence(der(0x31, sequence(oid('2.5.4.3'), der(0x0c, Buffer.from(cn, 'utf8')))));
const SHA256_RSA = sequence(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));

const pem = (label: string, body: Buffer): string =>
  `-----BEGIN ${label}-----\n${(body.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

export interface KeyAndCertificate {
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  readonly certificate: string;
}

/** A fresh RSA key and a certificate for it, valid from a day before `now` for ten years. */
export function selfSignedCertificate(commonName: string, now: Date): KeyAndCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const serial = Buffer.from(now.getTime().toString(16).padStart(16, '0'), 'hex');
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    SHA256_RSA,
    name(commonName),
    sequence(time(new Date(now.getTime() - 86_400_000)), time(new Date(now.getTime() + 3650 * 86_400_000))),
    name(commonName),
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = sequence(tbs, SHA256_RSA, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  return {
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    certificate: pem('CERTIFICATE', certificate),
  };
}

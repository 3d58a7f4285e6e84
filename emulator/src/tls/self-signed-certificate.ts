/**
 * `--tls`: a self-signed certificate for the emulator, made with node:crypto alone (no OpenSSL binary, no
 * extra package). The certificate is its own trust anchor: point NODE_EXTRA_CA_CERTS (or a client's `ca`
 * option) at cert.pem and https clients that refuse plain http (aws-jwt-verify's default fetcher) accept it.
 *
 * Generated once into the TLS directory and reused, so a trusted certificate stays trusted across restarts;
 * made again when it has expired or does not name the host the emulator is reached at.
 */
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TlsFiles {
  readonly certPath: string;
  readonly keyPath: string;
  readonly cert: string;
  readonly key: string;
  /** True when this start made the certificate (false when an existing one was reused). */
  readonly created: boolean;
}

const validityDays = 825;

/** Loads the certificate in `directory`, or makes one naming `hostnames` (DNS names or IP addresses). */
export function ensureSelfSignedCertificate(directory: string, hostnames: readonly string[]): TlsFiles {
  const certPath = join(directory, 'cert.pem');
  const keyPath = join(directory, 'key.pem');
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hostnames.filter((name) => name !== '' && name !== '0.0.0.0' && name !== '::')])];
  if (existsSync(certPath) && existsSync(keyPath)) {
    const cert = readFileSync(certPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    if (isUsable(cert, key, names)) return { certPath, keyPath, cert, key, created: false };
  }
  const { cert, key } = createSelfSignedCertificate(names, new Date());
  mkdirSync(directory, { recursive: true });
  writeFileSync(keyPath, key, { mode: 0o600 });
  writeFileSync(certPath, cert, { mode: 0o644 });
  return { certPath, keyPath, cert, key, created: true };
}

function isUsable(certPem: string, keyPem: string, names: readonly string[]): boolean {
  try {
    const cert = new X509Certificate(certPem);
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return false;
    if (new Date(cert.validTo).getTime() < Date.now() + 86_400_000) return false;
    return names.every((name) => (isIP(name) ? cert.checkIP(name) !== undefined : cert.checkHost(name) !== undefined));
  } catch {
    return false;
  }
}

/** An ECDSA P-256 key and a self-signed X.509 v3 certificate for `names`, both PEM. */
export function createSelfSignedCertificate(names: readonly string[], now: Date): { cert: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const subject = name('cognito-emulator local self-signed certificate');
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + validityDays * 86_400_000);
  const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serialNumber()),
    ecdsaWithSha256,
    subject,
    sequence(time(notBefore), time(notAfter)),
    subject,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...extensions(names))),
  );
  const signature = sign('sha256', tbs, privateKey as KeyObject); // DER ECDSA-Sig-Value, as X.509 wants
  const der = sequence(tbs, ecdsaWithSha256, bitString(signature));
  return {
    cert: pem('CERTIFICATE', der),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function extensions(names: readonly string[]): Buffer[] {
  const generalNames = names.map((entry) =>
    isIP(entry) ? tagged(0x87, ipBytes(entry)) : tagged(0x82, Buffer.from(entry, 'ascii')),
  );
  return [
    // basicConstraints (critical): CA, so the certificate can be its own trust anchor.
    extension('2.5.29.19', true, sequence(boolean(true))),
    // keyUsage (critical): digitalSignature, keyCertSign.
    extension('2.5.29.15', true, tagged(0x03, Buffer.from([0x02, 0x84]))),
    // extKeyUsage: serverAuth.
    extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
    // subjectAltName: the names clients check the host against.
    extension('2.5.29.17', false, sequence(...generalNames)),
  ];
}

// --- A minimal DER encoder: just the types a certificate needs. ---

function tagged(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const sequence = (...items: Buffer[]): Buffer => tagged(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tagged(0x31, Buffer.concat(items));
const explicit = (n: number, content: Buffer): Buffer => tagged(0xa0 + n, content);
const boolean = (value: boolean): Buffer => tagged(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (content: Buffer): Buffer => tagged(0x04, content);
const bitString = (content: Buffer): Buffer => tagged(0x03, Buffer.concat([Buffer.from([0]), content]));

function integer(bytes: Buffer): Buffer {
  // Positive: a leading 0x00 when the high bit is set.
  return tagged(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [];
    for (let rest = part; ; rest = Math.floor(rest / 128)) {
      chunk.unshift((rest % 128) | (chunk.length ? 0x80 : 0));
      if (rest < 128) break;
    }
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2024-05-06T07:08:09.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
  return date.getUTCFullYear() < 2050 ? tagged(0x17, Buffer.from(`${digits.slice(2)}Z`)) : tagged(0x18, Buffer.from(`${digits}Z`));
}

const name = (commonName: string): Buffer => sequence(set(sequence(oid('2.5.4.3'), tagged(0x0c, Buffer.from(commonName, 'utf8')))));

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f || 0x01;
  return bytes;
}

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...headParts, ...Array<string>(8 - headParts.length - tailParts.length).fill('0'), ...tailParts]
    : headParts;
  return Buffer.from(groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  }));
}

const pem = (label: string, der: Buffer): string =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

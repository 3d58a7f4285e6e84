/**
 * Compact JWS (RS256) and the opaque refresh-token JWE, on node:crypto KeyObjects rather than WebCrypto.
 *
 * Why not jose here: jose's WebCrypto path sends every operation, however small, through a promise job on
 * libuv's thread pool. For RSA signing (about 1 ms of CPU) that is right, and signing still runs there
 * (`crypto.sign` with a callback). But an RS256 *verification* costs ~30 µs, less than the hop to the
 * thread pool and back, and AES-GCM over 60 bytes costs a few µs: both now run inline, which made GetUser
 * and sign-in markedly cheaper per request (bench/README.md). The checks are the ones jose applies.
 */
import { createCipheriv, randomBytes, sign as signCallback, verify as verifySync, type KeyObject } from 'node:crypto';

const segment = /^[A-Za-z0-9_-]+$/;

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/** Signs `claims` as a compact RS256 JWS; the RSA work runs on libuv's thread pool. */
export function signRs256(header: { kid: string; alg: 'RS256' }, claims: object, privateKey: KeyObject): Promise<string> {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return new Promise((resolve, reject) => {
    signCallback('sha256', Buffer.from(signingInput), privateKey, (error, signature) =>
      error ? reject(error) : resolve(`${signingInput}.${signature.toString('base64url')}`),
    );
  });
}

export interface ParsedJws {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Splits a compact JWS into JSON-object header and payload; undefined for anything malformed. Verifies nothing. */
export function parseCompactJws(token: string): ParsedJws | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  if (!segment.test(header) || !segment.test(payload) || !segment.test(signature)) return undefined;
  const headerJson = jsonObject(header);
  const payloadJson = jsonObject(payload);
  if (!headerJson || !payloadJson) return undefined;
  return { header: headerJson, payload: payloadJson, signingInput: `${header}.${payload}`, signature: Buffer.from(signature, 'base64url') };
}

/** True when the JWS carries a valid RS256 signature by `publicKey`. Inline: a verification costs ~30 µs. */
export function hasValidRs256Signature(jws: ParsedJws, publicKey: KeyObject): boolean {
  if (jws.header.alg !== 'RS256' || jws.header.crit !== undefined) return false;
  try {
    return verifySync('sha256', Buffer.from(jws.signingInput), publicKey, jws.signature);
  } catch {
    return false;
  }
}

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A compact JWE with `alg: dir` and `enc: A256GCM` (the shape of Cognito's refresh tokens), sealed with a
 * 32-byte key. Inline: AES-GCM over a few dozen bytes costs microseconds.
 */
export function sealCompactJwe(plaintext: string, key: Buffer): string {
  const protectedHeader = base64url(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'dir' }));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${protectedHeader}..${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

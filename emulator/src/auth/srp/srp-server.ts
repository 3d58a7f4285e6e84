/**
 * Server side of Cognito's SRP-6a (USER_SRP_AUTH -> PASSWORD_VERIFIER), written from
 * shared/cognito-facts.md §4. Pure: no storage, no clock; callers keep the verifier and put the
 * challenge state into SECRET_BLOCK (see secret-block.ts).
 *
 * Byte encodings follow the clients exactly: numbers are hashed as padHex bytes (constants.ts),
 * hashes are SHA-256, and SRP_B is sent as plain lower-case hex (odd length allowed).
 */
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import { N, g, k, padHex } from './constants.js';
import { modPow } from './mod-pow.js';

export { padHex } from './constants.js';

/**
 * Size of the random private value b. Clients draw 128 random bytes for a. b sets the cost of the
 * two exponentiations by b (g^b, S): ~2.6 ms each with 128 bytes on the 2-vCPU reference VM.
 * RFC 3526 §8 estimates this 3072-bit group at ~130 bits of strength and asks for a private
 * exponent of at least twice that (260 bits); 40 bytes (320 bits) meets it and is ~2.7x cheaper,
 * which keeps an SRP sign-in within issue 3's budget of 3x a password sign-in (bench/srp-sign-in.mjs).
 */
export const PRIVATE_B_BYTES = 40;

/** Salt size Cognito-style clients use for verifiers they make themselves (device SRP): 16 bytes. */
const SALT_BYTES = 16;

export interface PasswordVerifier {
  /** SALT as sent to clients: padHex of the salt integer (canonical, so x matches theirs). */
  saltHex: string;
  /** v = g^x mod N, as padHex. */
  verifierHex: string;
}

export interface SrpChallenge {
  /** The secret b (hex). Keep it server-side, e.g. sealed in SECRET_BLOCK. */
  privateBHex: string;
  /** SRP_B: B = (k·v + g^b) mod N as plain lower-case hex. */
  srpBHex: string;
}

export interface PasswordClaim {
  /** Pool name: the part of the user pool id after `_`. */
  poolName: string;
  /** The internal username (USER_ID_FOR_SRP), the same one the verifier was made with. */
  username: string;
  /** SRP_A as the client sent it in InitiateAuth. */
  srpAHex: string;
  privateBHex: string;
  srpBHex: string;
  verifierHex: string;
  /** PASSWORD_CLAIM_SECRET_BLOCK decoded from base64: the exact bytes the client signed. */
  secretBlock: Buffer;
  /** TIMESTAMP exactly as received; it is signed as sent and never re-formatted. */
  timestamp: string;
  /** PASSWORD_CLAIM_SIGNATURE (standard base64 of a 32-byte HMAC-SHA256). */
  signatureBase64: string;
}

/**
 * Makes the salt and verifier to store for a user (facts §4.3). x is computed from
 * padHex(int(salt)), so a salt with leading zero bytes is normalised in `saltHex` and the
 * client, which parses SALT as a number, derives the same x.
 */
export async function createPasswordVerifier(
  poolName: string,
  username: string,
  password: string,
  salt: Buffer = randomBytes(SALT_BYTES),
): Promise<PasswordVerifier> {
  if (salt.length === 0) throw new RangeError('salt must not be empty');
  const saltHex = padHex(bytesToBigInt(salt));
  const x = computeX(poolName, username, password, saltHex);
  const v = await modPow(g, x, N);
  return { saltHex, verifierHex: padHex(v) };
}

/** Draws a random b and computes SRP_B for the stored verifier. */
export async function startChallenge(verifierHex: string): Promise<SrpChallenge> {
  for (;;) {
    const b = bytesToBigInt(randomBytes(PRIVATE_B_BYTES));
    if (b === 0n) continue;
    const challenge = await computeChallenge(verifierHex, b);
    if (challenge !== undefined) return challenge;
  }
}

/** startChallenge with a given b: for tests and test vectors only. */
export async function startChallengeWithPrivateKey(verifierHex: string, privateBHex: string): Promise<SrpChallenge> {
  const challenge = await computeChallenge(verifierHex, parseHex(privateBHex, 'privateBHex'));
  if (challenge === undefined) throw new RangeError('this b gives B mod N == 0; choose another');
  return challenge;
}

/**
 * Checks PASSWORD_CLAIM_SIGNATURE. Returns false (never throws) for anything the client could
 * have got wrong: a malformed or degenerate SRP_A, a wrong password, a changed secret block or
 * timestamp, a malformed signature. Throws only for malformed server-side values (b, B, v).
 */
export async function verifyPasswordClaim(claim: PasswordClaim): Promise<boolean> {
  const b = parseHex(claim.privateBHex, 'privateBHex');
  const B = parseHex(claim.srpBHex, 'srpBHex');
  const v = parseHex(claim.verifierHex, 'verifierHex');

  const A = parseClientHex(claim.srpAHex);
  if (A === undefined || A % N === 0n) return false; // SRP-6a: abort on A ≡ 0, or S would be 0

  const expected = await expectedSignature(claim, A, B, b, v);
  if (expected === undefined) return false;

  // Clients send standard padded base64 (ACIJ Buffer#toString('base64'), Amplify's encoder).
  // Node's decoder skips junk and stops at '=', so insist on the canonical text: otherwise
  // `<signature>AAAA` would pass. The check only involves the received text, not the secret.
  const received = Buffer.from(claim.signatureBase64, 'base64');
  if (received.toString('base64') !== claim.signatureBase64) return false;
  return received.length === expected.length && timingSafeEqual(received, expected);
}

// ---------------------------------------------------------------------------------------------

async function computeChallenge(verifierHex: string, b: bigint): Promise<SrpChallenge | undefined> {
  const v = parseHex(verifierHex, 'verifierHex');
  const B = (k * v + (await modPow(g, b, N))) % N;
  if (B === 0n) return undefined;
  return { privateBHex: b.toString(16), srpBHex: B.toString(16) };
}

async function expectedSignature(
  claim: PasswordClaim,
  A: bigint,
  B: bigint,
  b: bigint,
  v: bigint,
): Promise<Buffer | undefined> {
  const u = hashToBigInt(Buffer.from(padHex(A) + padHex(B), 'hex'));
  if (u === 0n) return undefined; // the client aborts on u == 0 too

  const S = await modPow(((A % N) * (await modPow(v, u, N))) % N, b, N);

  // HKDF-SHA256, one block: PRK = HMAC(padHex(u), padHex(S)); OKM = HMAC(PRK, info ‖ 0x01).
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), 'Caldera Derived Key', 16),
  );

  return createHmac('sha256', key)
    .update(Buffer.from(claim.poolName, 'utf8'))
    .update(Buffer.from(claim.username, 'utf8'))
    .update(claim.secretBlock)
    .update(Buffer.from(claim.timestamp, 'utf8'))
    .digest();
}

/** x = SHA256(padHex(salt) ‖ SHA256(utf8(poolName ‖ username ‖ ":" ‖ password))) (facts §4.2 step 4). */
function computeX(poolName: string, username: string, password: string, saltHex: string): bigint {
  const inner = createHash('sha256').update(`${poolName}${username}:${password}`, 'utf8').digest();
  return hashToBigInt(Buffer.concat([Buffer.from(saltHex, 'hex'), inner]));
}

function hashToBigInt(bytes: Buffer): bigint {
  return BigInt(`0x${createHash('sha256').update(bytes).digest('hex')}`);
}

function bytesToBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

const HEX = /^[0-9a-fA-F]+$/;

/** A hex number from the server's own state; malformed means a bug, so it throws. */
function parseHex(hex: string, name: string): bigint {
  if (!HEX.test(hex)) throw new TypeError(`${name} is not a hex number`);
  return BigInt(`0x${hex}`);
}

/**
 * A hex number from the client. Values above N are legal (the maths reduces them), but nothing
 * longer than twice N's 768 digits is worth parsing.
 */
function parseClientHex(hex: string): bigint | undefined {
  if (hex.length > 1536 || !HEX.test(hex)) return undefined;
  return BigInt(`0x${hex}`);
}

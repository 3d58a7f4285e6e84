/**
 * The client half of Cognito's SRP-6a variant, as pure functions.
 *
 * Written from the maths in cognito-facts.md §4 (the same computation that
 * amazon-cognito-identity-js and Amplify v6 perform). Nothing here does I/O;
 * `signInWithSrp` (sign-in-srp.ts) wires it to the Cognito API.
 *
 * Numbers are BigInt. "bytes(padHex(n))" in the comments means the
 * Java-BigInteger-style big-endian encoding produced by {@link padHex}.
 */
import { createHash, createHmac } from 'node:crypto';

/** RFC 3526 §4: the 3072-bit MODP group prime. */
const N_HEX =
  'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
  '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
  '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
  'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece45b3dc2007cb8a163bf05' +
  '98da48361c55d39a69163fa8fd24cf5f83655d23dca3ad961c62f356208552bb' +
  '9ed529077096966d670c354e4abc9804f1746c08ca18217c32905e462e36ce3b' +
  'e39e772c180e86039b2783a2ec07a28fb5c55df06f4c52c9de2bcbf695581718' +
  '3995497cea956ae515d2261898fa051015728e5a8aaac42dad33170d04507a33' +
  'a85521abdf1cba64ecfb850458dbef0a8aea71575d060c7db3970f85a6e1e4c7' +
  'abf5ae8cdb0933d71e8c94e04a25619dcee3d2261ad2ee6bf12ffa06d98a0864' +
  'd87602733ec86a64521f2b18177b200cbbe117577a615d6c770988c0bad946e2' +
  '08e24fa074e5ab3143db5bfce0fd108e4b82d120a93ad2caffffffffffffffff';

/** The SRP group modulus N (3072-bit). */
export const N: bigint = BigInt(`0x${N_HEX}`);

/** The SRP group generator g. */
export const g: bigint = 2n;

/** Info string of Cognito's one-block HKDF (facts §4.2 step 6). */
const HKDF_INFO = 'Caldera Derived Key';

/**
 * Hex encoding of a non-negative integer as Java's `BigInteger.toByteArray()`
 * would produce it: even length, and a leading `00` byte when the high bit of
 * the first byte is set. This is NOT RFC 5054 fixed-length padding.
 */
export function padHex(n: bigint): string {
  if (n < 0n) {
    // Two's complement would be needed here; the protocol never produces it.
    throw new RangeError('padHex: negative numbers are not used by Cognito SRP');
  }
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if ('89abcdef'.includes(hex[0] ?? '')) hex = `00${hex}`;
  return hex;
}

/** base^exponent mod modulus by left-to-right square-and-multiply. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus <= 0n) throw new RangeError('modPow: modulus must be positive');
  if (exponent < 0n) throw new RangeError('modPow: exponent must be non-negative');
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  let result = 1n;
  for (let i = BigInt(exponent.toString(2).length) - 1n; i >= 0n; i--) {
    result = (result * result) % modulus;
    if ((exponent >> i) & 1n) result = (result * b) % modulus;
  }
  return result;
}

/** Mathematical modulo: the result is always in [0, m). */
function mod(value: bigint, m: bigint): bigint {
  const r = value % m;
  return r < 0n ? r + m : r;
}

function bytesOf(n: bigint): Buffer {
  return Buffer.from(padHex(n), 'hex');
}

function sha256(...parts: Uint8Array[]): Buffer {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

function toBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
}

/** k = SHA256(bytes(padHex(N)) ‖ bytes(padHex(g))). */
export const k: bigint = toBigInt(sha256(bytesOf(N), bytesOf(g)));

/** The pool name used in SRP: the part of the user pool id after `_`. */
export function poolNameOf(userPoolId: string): string {
  const idx = userPoolId.indexOf('_');
  const name = idx >= 0 ? userPoolId.slice(idx + 1) : '';
  if (name === '') {
    throw new Error(`Invalid user pool id "${userPoolId}": expected <region>_<id>`);
  }
  return name;
}

/** A = g^a mod N. Throws if A mod N == 0 (the client must pick another a). */
export function computeA(a: bigint): bigint {
  const A = modPow(g, a, N);
  if (A % N === 0n) throw new Error('SRP: A mod N is 0; choose another a');
  return A;
}

/** u = SHA256(bytes(padHex(A)) ‖ bytes(padHex(B))) as an integer. */
export function computeU(A: bigint, B: bigint): bigint {
  return toBigInt(sha256(bytesOf(A), bytesOf(B)));
}

/**
 * x = SHA256(bytes(padHex(salt)) ‖ SHA256(utf8(poolName ‖ username ‖ ":" ‖ password))).
 * The salt is re-encoded through padHex(int(SALT)), as the clients do.
 */
export function computeX(poolName: string, username: string, password: string, saltHex: string): bigint {
  const inner = sha256(Buffer.from(`${poolName}${username}:${password}`, 'utf8'));
  return toBigInt(sha256(bytesOf(parseHex(saltHex, 'SALT')), inner));
}

/**
 * Cognito's one-block HKDF-SHA256: PRK = HMAC(bytes(padHex(u)), bytes(padHex(S))),
 * OKM = HMAC(PRK, "Caldera Derived Key" ‖ 0x01); the key is the first 16 bytes.
 */
export function computeHkdfKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', bytesOf(u)).update(bytesOf(S)).digest();
  const okm = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from(HKDF_INFO, 'utf8'), Buffer.from([1])]))
    .digest();
  return okm.subarray(0, 16);
}

export interface SignatureInput {
  /** Part of the user pool id after `_`. */
  poolName: string;
  /** USER_ID_FOR_SRP from the PASSWORD_VERIFIER challenge (never an alias). */
  username: string;
  password: string;
  /** SALT challenge parameter (hex). */
  saltHex: string;
  /** SRP_B challenge parameter (hex, any case, odd length allowed). */
  srpBHex: string;
  /** SECRET_BLOCK challenge parameter (base64), passed through unchanged. */
  secretBlockBase64: string;
  /** The TIMESTAMP string that will be sent (see formatSrpTimestamp). */
  timestamp: string;
  /** The client's secret exponent, the one that produced SRP_A. */
  a: bigint;
}

/** PASSWORD_CLAIM_SIGNATURE: base64 HMAC-SHA256 keyed with the SRP session key. */
export function computeSignature(input: SignatureInput): string {
  const A = computeA(input.a);
  const B = parseHex(input.srpBHex, 'SRP_B');
  if (B % N === 0n) throw new Error('SRP: B mod N is 0; refusing the server challenge');
  const u = computeU(A, B);
  if (u === 0n) throw new Error('SRP: u is 0; refusing the server challenge');
  const x = computeX(input.poolName, input.username, input.password, input.saltHex);
  // S = (B - k * g^x)^(a + u * x) mod N; modPow reduces a negative base into [0, N).
  const S = modPow(B - k * modPow(g, x, N), input.a + u * x, N);
  const key = computeHkdfKey(S, u);
  const message = Buffer.concat([
    Buffer.from(input.poolName, 'utf8'),
    Buffer.from(input.username, 'utf8'),
    Buffer.from(input.secretBlockBase64, 'base64'),
    Buffer.from(input.timestamp, 'utf8'),
  ]);
  return createHmac('sha256', key).update(message).digest('base64');
}

function parseHex(hex: string, what: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error(`SRP: ${what} is not a hex string`);
  return BigInt(`0x${hex}`);
}

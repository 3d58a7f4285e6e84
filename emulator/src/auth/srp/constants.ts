/**
 * SRP-6a group and multiplier exactly as Cognito's clients use them
 * (amazon-cognito-identity-js `AuthenticationHelper.js`, Amplify `utils/srp/constants.ts`).
 * See shared/cognito-facts.md §4.1.
 */
import { createHash } from 'node:crypto';

/**
 * N: the 3072-bit MODP prime of RFC 3526 §4 (https://www.rfc-editor.org/rfc/rfc3526#section-4),
 * 768 hex digits. Node ships the same group as `crypto.getDiffieHellman('modp15')`; a test
 * checks that the two agree.
 */
export const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74' +
  '020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437' +
  '4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05' +
  '98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB' +
  '9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718' +
  '3995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33' +
  'A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864' +
  'D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E2' +
  '08E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N: bigint = BigInt(`0x${N_HEX}`);

/** Generator g = 2. */
export const g = 2n;

/**
 * Byte encoding of a non-negative integer used everywhere in Cognito's SRP: the shortest
 * big-endian two's-complement form (Java `BigInteger.toByteArray()`), as lower-case hex.
 * Odd-length hex gets a leading `0`; a first byte with the high bit set gets a leading `00`.
 * Not RFC 5054 fixed-length padding: padHex(2n) is `02`, padHex(N) is `00ffff…` (385 bytes).
 * Negative numbers never occur in the protocol, so they are rejected instead of encoded.
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex: negative numbers do not occur in Cognito SRP');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (/^[89a-f]/.test(hex)) hex = `00${hex}`;
  return hex;
}

/** k = SHA256(padHex(N) ‖ padHex(g)) = SHA256(0x00 ‖ N ‖ 0x02), computed once at load. */
export const k: bigint = BigInt(
  `0x${createHash('sha256').update(Buffer.from(padHex(N) + padHex(g), 'hex')).digest('hex')}`,
);

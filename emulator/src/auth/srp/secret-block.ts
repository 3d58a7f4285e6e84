/**
 * SECRET_BLOCK: the server's SRP challenge state, sealed and handed to the client, which returns
 * it unchanged as PASSWORD_CLAIM_SECRET_BLOCK (and signs its bytes). Keeping the state inside the
 * block means the emulator stores nothing between InitiateAuth and RespondToAuthChallenge.
 *
 * Format: standard base64 of iv(12) ‖ AES-256-GCM ciphertext ‖ tag(16), over UTF-8 JSON. The
 * JSON is right-padded with spaces (still valid JSON) to at least MIN_PLAINTEXT_BYTES and to a
 * multiple of PAD_TO bytes, so blocks look like Cognito's (well over 1 KB of base64) and their
 * length says little about their content.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MIN_PLAINTEXT_BYTES = 1024;
const PAD_TO = 64;

/** Seals `state`, a JSON-serialisable object (not an array), under a 32-byte key. */
export function sealSecretBlock(key: Buffer, state: object): string {
  if (Array.isArray(state)) throw new TypeError('secret block state must be an object, not an array');
  if (key.length !== KEY_BYTES) throw new RangeError(`secret block key must be ${KEY_BYTES} bytes`);
  const json = Buffer.from(JSON.stringify(state), 'utf8');
  const length = Math.max(MIN_PLAINTEXT_BYTES, Math.ceil(json.length / PAD_TO) * PAD_TO);
  const plaintext = Buffer.alloc(length, 0x20);
  json.copy(plaintext);

  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64');
}

/**
 * Opens a block made by sealSecretBlock. Returns undefined, never throws, for anything else:
 * a wrong key, any changed character, non-canonical base64, or content that is not a JSON object.
 */
export function openSecretBlock(key: Buffer, secretBlockBase64: string): Record<string, unknown> | undefined {
  try {
    if (key.length !== KEY_BYTES) return undefined;
    const sealed = Buffer.from(secretBlockBase64, 'base64');
    // Node's decoder ignores stray characters and unused trailing bits; insist on the exact text
    // we produced, so that changing any character of the block is a tamper.
    if (sealed.toString('base64') !== secretBlockBase64) return undefined;
    if (sealed.length < IV_BYTES + TAG_BYTES + 2) return undefined;

    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);

    const state: unknown = JSON.parse(plaintext.toString('utf8'));
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
    return state as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

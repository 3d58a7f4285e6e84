/**
 * What the emulator stores when a password is set, made in one place for every password setter (SignUp,
 * AdminCreateUser, AdminSetUserPassword, the NEW_PASSWORD_REQUIRED answer, password resets and changes):
 *
 * - an argon2id hash, checked by USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH;
 * - an SRP salt and verifier v = g^x, checked by USER_SRP_AUTH. x mixes in the pool name (the part of the
 *   pool id after `_`) and the INTERNAL username (USER_ID_FOR_SRP: the UUID in email-as-username pools,
 *   never an alias), exactly as the clients compute it (shared/cognito-facts.md §4.3).
 *
 * The plaintext is never kept. Both derivations run off the event loop (argon2 on libuv's pool, the
 * exponentiation in a worker) and in parallel; call this before the write transaction.
 */
import { createPasswordVerifier } from '../auth/srp/srp-server.js';
import { srpPoolName } from '../domain/ids.js';
import type { PasswordHasher } from './password-hasher.js';

export interface PasswordCredentials {
  readonly passwordHash: string;
  /** SALT as sent to SRP clients (hex). */
  readonly srpSalt: string;
  /** The SRP verifier v (hex). */
  readonly srpVerifier: string;
}

export async function createCredentials(
  passwords: PasswordHasher,
  userPoolId: string,
  internalUsername: string,
  password: string,
): Promise<PasswordCredentials> {
  const [passwordHash, verifier] = await Promise.all([
    passwords.hash(password),
    createPasswordVerifier(srpPoolName(userPoolId), internalUsername, password),
  ]);
  return { passwordHash, srpSalt: verifier.saltHex, srpVerifier: verifier.verifierHex };
}

/**
 * The only file that imports argon2. Passwords are stored as argon2id hashes and nothing else; argon2 runs
 * on libuv's thread pool, so hashing never blocks the event loop.
 */
import argon2 from 'argon2';
import type { PasswordHashing } from '../config.js';

/**
 * 'fast' keeps argon2id but with a small memory and time cost, so a test suite signing hundreds of users
 * in does not wait on hashing (a few ms per hash). 'strong' is OWASP's argon2id recommendation
 * (19 MiB, 2 passes), for an emulator that holds anything worth protecting.
 */
const parameters: Record<PasswordHashing, { memoryCost: number; timeCost: number; parallelism: number }> = {
  fast: { memoryCost: 2048, timeCost: 1, parallelism: 1 },
  strong: { memoryCost: 19456, timeCost: 2, parallelism: 1 },
};

export class PasswordHasher {
  constructor(private readonly strength: PasswordHashing) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...parameters[this.strength] });
  }

  /** The parameters are read from the stored hash, so hashes made under either strength keep verifying. */
  async verify(storedHash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(storedHash, password);
    } catch {
      return false;
    }
  }
}

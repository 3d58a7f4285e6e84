/**
 * Each pool's two RSA-2048 signing keys (one for ID tokens, one for access tokens, as Cognito does, so
 * verifiers that cache a single kid break here as they would against AWS). Keys are created with the
 * pool, persisted, and imported once into KeyObjects that stay cached (jose signs and verifies with them
 * and keeps its own WebCrypto conversion of each); the JWKS document is cached too.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { JWK } from 'jose';
import type { Store } from '../store/store.js';
import type { SigningKeyRecord, TokenUse } from '../store/signing-keys.js';

const generateKeyPair = promisify(generateKeyPairCallback);

interface LoadedKey {
  readonly kid: string;
  readonly userPoolId: string;
  readonly tokenUse: TokenUse;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

type RsaKeyPair = { privateKey: KeyObject; publicKey: KeyObject };

/**
 * RSA-2048 generation takes 50-300 ms, and test suites create many pools: a few key pairs are kept ready,
 * made on the thread pool while the emulator is otherwise idle, so CreateUserPool rarely waits for one.
 */
const spareKeyPairs: Promise<RsaKeyPair>[] = [];
const sparesWanted = 4;
let refilling = false;

const newKeyPair = (): Promise<RsaKeyPair> => generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 });

function takeKeyPair(): Promise<RsaKeyPair> {
  const pair = spareKeyPairs.shift() ?? newKeyPair();
  if (!refilling) {
    refilling = true;
    // One at a time, after this request's own work, so spares never compete with the caller for the pool.
    setImmediate(function refill(): void {
      if (spareKeyPairs.length >= sparesWanted) {
        refilling = false;
        return;
      }
      const spare = newKeyPair();
      spareKeyPairs.push(spare);
      spare.then(() => setImmediate(refill), () => (refilling = false));
    });
  }
  return pair;
}

/** Creates the two key records of a new pool (RSA key generation runs on the thread pool). */
export async function createPoolSigningKeys(userPoolId: string, now: number): Promise<SigningKeyRecord[]> {
  return Promise.all(
    (['id', 'access'] as const).map(async (tokenUse) => {
      const { privateKey, publicKey } = await takeKeyPair();
      return {
        kid: keyIdOf(publicKey),
        userPoolId,
        tokenUse,
        privateJwk: privateKey.export({ format: 'jwk' }) as JWK,
        publicJwk: publicKey.export({ format: 'jwk' }) as JWK,
        createdAt: now,
      };
    }),
  );
}

/** Real kids are 44-character standard base64 strings; a SHA-256 of the public key gives the same shape. */
const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('base64');

export class KeyRing {
  private readonly byKid = new Map<string, Promise<LoadedKey | undefined>>();
  private readonly jwksByPool = new Map<string, string>();
  private readonly kidByPoolAndUse = new Map<string, string>();

  constructor(private readonly store: Store) {}

  /** The key that signs `tokenUse` tokens of the pool. */
  async signingKey(userPoolId: string, tokenUse: TokenUse): Promise<LoadedKey> {
    const cacheKey = `${userPoolId}:${tokenUse}`;
    let kid = this.kidByPoolAndUse.get(cacheKey);
    if (!kid) {
      kid = this.store.signingKeys.forPool(userPoolId).find((key) => key.tokenUse === tokenUse)?.kid;
      if (!kid) throw new Error(`User pool ${userPoolId} has no ${tokenUse} signing key`);
      this.kidByPoolAndUse.set(cacheKey, kid);
    }
    const key = await this.load(kid, undefined);
    if (!key) throw new Error(`Signing key ${kid} vanished`);
    return key;
  }

  /** The key a token's `kid` names, from any pool; undefined when no pool has it. */
  findByKid(kid: string): Promise<LoadedKey | undefined> {
    return this.load(kid, undefined);
  }

  /** The pool's JWKS document as a JSON string, built once. Undefined for an unknown pool. */
  jwksDocument(userPoolId: string): string | undefined {
    const cached = this.jwksByPool.get(userPoolId);
    if (cached) return cached;
    const keys = this.store.signingKeys.forPool(userPoolId);
    if (keys.length === 0) return undefined;
    const document = JSON.stringify({
      keys: keys.map(({ kid, publicJwk }) => ({ alg: 'RS256', e: publicJwk.e, kid, kty: 'RSA', n: publicJwk.n, use: 'sig' })),
    });
    this.jwksByPool.set(userPoolId, document);
    return document;
  }

  /** Drops cached keys of a deleted pool. */
  forgetPool(userPoolId: string): void {
    this.jwksByPool.delete(userPoolId);
    this.kidByPoolAndUse.delete(`${userPoolId}:id`);
    this.kidByPoolAndUse.delete(`${userPoolId}:access`);
    for (const [kid, loaded] of this.byKid) {
      void loaded.then((key) => {
        if (key?.userPoolId === userPoolId) this.byKid.delete(kid);
      });
    }
  }

  private load(kid: string, known: SigningKeyRecord | undefined): Promise<LoadedKey | undefined> {
    let loaded = this.byKid.get(kid);
    if (!loaded) {
      loaded = this.importRecord(known ?? this.store.signingKeys.find(kid));
      this.byKid.set(kid, loaded);
      // Unknown kids are not cached, so forged tokens cannot grow the map.
      void loaded.then((key) => {
        if (!key) this.byKid.delete(kid);
      });
    }
    return loaded;
  }

  private async importRecord(record: SigningKeyRecord | undefined): Promise<LoadedKey | undefined> {
    if (!record) return undefined;
    return {
      kid: record.kid,
      userPoolId: record.userPoolId,
      tokenUse: record.tokenUse,
      privateKey: createPrivateKey({ key: record.privateJwk as never, format: 'jwk' }),
      publicKey: createPublicKey({ key: record.publicJwk as never, format: 'jwk' }),
    };
  }
}

/**
 * Modular exponentiation for SRP, done by OpenSSL instead of JavaScript BigInt.
 *
 * Measured with `emulator/test/srp/bench-modpow.mjs` on a 2-vCPU AMD EPYC VM, Node 20.20,
 * OpenSSL 3.0; one exponentiation modulo the 3072-bit N with a random base:
 *
 *   exponent bits        BigInt square-and-multiply   OpenSSL (DiffieHellman.computeSecret)
 *   256 (u, x)            5-8 ms                       0.75 ms
 *   1024 (b: 128 bytes)   19-23 ms                     2.6 ms
 *   3072                  58-70 ms                     7.5-8 ms
 *
 * Native is ~8x faster but still milliseconds of synchronous CPU, and a sign-in needs three of
 * them (g^b, v^u, (A·v^u)^b: ~6.5 ms in total). Decision: run them in worker threads. A warm
 * worker adds ~0.1-0.4 ms per call, while on the main thread 16 concurrent sign-ins stalled the
 * event loop for ~100 ms (with workers: a few ms, the VM's idle noise), and on multi-core
 * machines concurrent sign-ins run in parallel. The workers start lazily (~40 ms, once), are
 * unref'd while idle so they never keep the process alive, and `configureModPowWorkers(0)` turns
 * them off (everything then runs in-thread). `modPowSync` stays available for callers that
 * cannot await.
 *
 * How the native path works: `crypto.createDiffieHellman(p, g)` with the exponent set as the
 * private key computes `base^exponent mod p` in `computeSecret(base)` (OpenSSL's constant-time
 * Montgomery exponentiation, which also suits the secret exponent b). OpenSSL refuses some inputs,
 * so those are answered here without it:
 *   - bases 0, 1 and p-1 (its public-key check requires 1 < base < p-1), after reducing mod p;
 *   - exponent 0 (not accepted as a private key);
 *   - an even modulus, or one outside 512..10000 bits (OpenSSL's DH limits): BigInt fallback.
 * Its output is left-padded to the length of p; parsing it as a number drops the padding.
 */
import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Reference implementation: right-to-left square-and-multiply in BigInt. Slow; used for tests and fallbacks. */
export function modPowBigInt(base: bigint, exponent: bigint, modulus: bigint): bigint {
  checkArguments(exponent, modulus);
  if (modulus === 1n) return 0n;
  let result = 1n;
  let square = mod(base, modulus);
  let rest = exponent;
  while (rest > 0n) {
    if (rest & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
    rest >>= 1n;
  }
  return result;
}

/** base^exponent mod modulus, computed natively when possible, on the calling thread. */
export function modPowSync(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const job = prepare(base, exponent, modulus);
  if (typeof job === 'bigint') return job;
  try {
    return hexToBigInt(nativeModPowHex(job.modulusHex, job.baseHex, job.exponentHex));
  } catch {
    // Not expected after `prepare`; the BigInt answer is the same, only slower.
    return modPowBigInt(base, exponent, modulus);
  }
}

/** base^exponent mod modulus, computed natively off the main thread (see the header comment). */
export async function modPow(base: bigint, exponent: bigint, modulus: bigint): Promise<bigint> {
  const job = prepare(base, exponent, modulus);
  if (typeof job === 'bigint') return job;
  const workers = getPool();
  if (workers === undefined) return modPowSync(base, exponent, modulus);
  let answer: string | undefined;
  try {
    answer = await workers.run(job);
  } catch (error) {
    // No thread could be started here (some sandboxes forbid them), the pool was closed while
    // this call waited, or a worker died: answer in-thread instead of failing a sign-in.
    if (error instanceof WorkersUnavailableError) workersUnavailable = true;
    stats.workerFallbacks++;
    return modPowSync(base, exponent, modulus);
  }
  if (answer === undefined) {
    stats.workerFallbacks++;
    return modPowBigInt(base, exponent, modulus);
  }
  stats.inWorker++;
  return hexToBigInt(answer);
}

/**
 * Counters since start, for tests and benchmarks: native exponentiations answered by a worker,
 * and calls meant for a worker that were answered in-thread instead (should stay 0).
 */
export function modPowStats(): { inWorker: number; workerFallbacks: number } {
  return { ...stats };
}

const stats = { inWorker: 0, workerFallbacks: 0 };

/**
 * Sets how many worker threads `modPow` may use (0: compute in the calling thread). Running
 * workers are closed when the number changes. Default: min(4, max(1, CPUs - 1)).
 */
export function configureModPowWorkers(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('worker count must be an integer >= 0');
  if (count === workerCount) return;
  void closeModPowWorkers();
  workerCount = count;
}

/** Terminates the worker threads (they restart on the next `modPow`). For orderly shutdown. */
export async function closeModPowWorkers(): Promise<void> {
  const current = pool;
  pool = undefined;
  if (current !== undefined) await current.close();
}

// ---------------------------------------------------------------------------------------------

/** SRP uses one modulus; the caches below stay bounded anyway. */
const MAX_CACHED_MODULI = 8;

interface NativeJob {
  modulusHex: string;
  baseHex: string;
  exponentHex: string;
}

function checkArguments(exponent: bigint, modulus: bigint): void {
  if (modulus <= 0n) throw new RangeError('modulus must be positive');
  if (exponent < 0n) throw new RangeError('exponent must be non-negative');
}

function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/** Either the answer (for inputs OpenSSL would refuse, all trivial) or the hex a native call needs. */
function prepare(base: bigint, exponent: bigint, modulus: bigint): bigint | NativeJob {
  checkArguments(exponent, modulus);
  if (modulus === 1n) return 0n;
  const b = mod(base, modulus);
  if (exponent === 0n) return 1n;
  if (b === 0n || b === 1n) return b;
  if (b === modulus - 1n) return exponent & 1n ? b : 1n;
  const modulusHex = nativeModulusHex(modulus);
  if (modulusHex === undefined) return modPowBigInt(b, exponent, modulus);
  return { modulusHex, baseHex: evenHex(b), exponentHex: evenHex(exponent) };
}

const moduli = new Map<bigint, string | undefined>();

/** The modulus as hex if OpenSSL's DH code accepts it (odd, 512..10000 bits), memoised. */
function nativeModulusHex(modulus: bigint): string | undefined {
  if (moduli.has(modulus)) return moduli.get(modulus);
  const bits = modulus.toString(2).length;
  const hex = (modulus & 1n) === 1n && bits >= 512 && bits <= 10000 ? evenHex(modulus) : undefined;
  if (moduli.size >= MAX_CACHED_MODULI) moduli.clear();
  moduli.set(modulus, hex);
  return hex;
}

/** Hex with an even number of digits: Buffer.from(hex, 'hex') silently drops a final odd digit. */
function evenHex(value: bigint): string {
  const hex = value.toString(16);
  return hex.length % 2 === 1 ? `0${hex}` : hex;
}

function hexToBigInt(hex: string): bigint {
  return BigInt(`0x${hex}`);
}

const mainThreadGroups = new Map<string, DiffieHellman>();

function nativeModPowHex(modulusHex: string, baseHex: string, exponentHex: string): string {
  let dh = mainThreadGroups.get(modulusHex);
  if (dh === undefined) {
    dh = createDiffieHellman(Buffer.from(modulusHex, 'hex'), Buffer.from([2]));
    if (mainThreadGroups.size >= MAX_CACHED_MODULI) mainThreadGroups.clear();
    mainThreadGroups.set(modulusHex, dh);
  }
  dh.setPrivateKey(Buffer.from(exponentHex, 'hex'));
  return dh.computeSecret(Buffer.from(baseHex, 'hex')).toString('hex');
}

// Worker side: the same computation as nativeModPowHex. It is evaluated from a string so that it
// runs both from compiled dist/ and from TypeScript sources under vitest, with no extra file.
// Replies { id, hex } or { id, failed: true } (the caller then computes in BigInt).
const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { createDiffieHellman } = require('node:crypto');
const groups = new Map();
parentPort.on('message', (job) => {
  try {
    let dh = groups.get(job.modulusHex);
    if (dh === undefined) {
      dh = createDiffieHellman(Buffer.from(job.modulusHex, 'hex'), Buffer.from([2]));
      if (groups.size >= ${MAX_CACHED_MODULI}) groups.clear();
      groups.set(job.modulusHex, dh);
    }
    dh.setPrivateKey(Buffer.from(job.exponentHex, 'hex'));
    parentPort.postMessage({ id: job.id, hex: dh.computeSecret(Buffer.from(job.baseHex, 'hex')).toString('hex') });
  } catch {
    parentPort.postMessage({ id: job.id, failed: true });
  }
});
`;

type Reply = { id: number; hex: string } | { id: number; failed: true };

interface Pending {
  resolve: (hex: string | undefined) => void;
  reject: (error: Error) => void;
}

class WorkerSlot {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;

  constructor(private readonly onDead: (slot: WorkerSlot) => void) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const entry = this.pending.get(reply.id);
      if (entry === undefined) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      entry.resolve('hex' in reply ? reply.hex : undefined);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`modPow worker exited with code ${code}`)));
  }

  run(id: number, job: NativeJob): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      // Keep the process alive while an answer is owed, so `await modPow(...)` never gets cut short.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...job });
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('modPow workers closed'));
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.onDead(this);
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }
}

class WorkersUnavailableError extends Error {
  constructor(cause: unknown) {
    super('cannot start modPow worker threads', { cause });
  }
}

class WorkerPool {
  private readonly slots: WorkerSlot[] = [];
  private nextId = 0;

  constructor(private readonly size: number) {}

  run(job: NativeJob): Promise<string | undefined> {
    return this.pickSlot().run(this.nextId++, job);
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.close()));
  }

  private pickSlot(): WorkerSlot {
    let best: WorkerSlot | undefined;
    for (const slot of this.slots) if (best === undefined || slot.pending.size < best.pending.size) best = slot;
    if (best !== undefined && (best.pending.size === 0 || this.slots.length >= this.size)) return best;
    let slot: WorkerSlot;
    try {
      slot = new WorkerSlot((dead) => {
        const at = this.slots.indexOf(dead);
        if (at >= 0) this.slots.splice(at, 1);
      });
    } catch (error) {
      if (best !== undefined) return best;
      throw new WorkersUnavailableError(error);
    }
    this.slots.push(slot);
    return slot;
  }
}

let workerCount = Math.min(4, Math.max(1, availableParallelism() - 1));
let pool: WorkerPool | undefined;
let workersUnavailable = false;

function getPool(): WorkerPool | undefined {
  if (workerCount === 0 || workersUnavailable) return undefined;
  pool ??= new WorkerPool(workerCount);
  return pool;
}

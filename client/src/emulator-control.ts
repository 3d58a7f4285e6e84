/**
 * EMULATOR ONLY. Helpers for cognito-emulator's control plane under
 * `/_emulator/`; these routes do not exist on real Cognito. Tests use them to
 * read the codes that a real pool would have sent by email or SMS.
 */
import { EmulatorControlError } from './errors.js';

export type EmulatorMessageKind =
  | 'SIGN_UP'
  | 'RESEND'
  | 'FORGOT_PASSWORD'
  | 'ADMIN_CREATE_USER'
  | 'VERIFY_ATTRIBUTE'
  | 'MFA';

/** One entry of the emulator's outbox. */
export interface EmulatorMessage {
  username: string;
  destination: string;
  deliveryMedium: 'EMAIL' | 'SMS' | (string & {});
  kind: EmulatorMessageKind | (string & {});
  code: string | null;
  createdAt: string;
}

/** GET `${endpoint}/_emulator/pools/<poolId>/messages[?username=]`: the outbox, oldest first. */
export async function readMessages(endpoint: string, userPoolId: string, username?: string): Promise<EmulatorMessage[]> {
  const url = new URL(
    `${endpoint.replace(/\/+$/, '')}/_emulator/pools/${encodeURIComponent(userPoolId)}/messages`,
  );
  if (username !== undefined) url.searchParams.set('username', username);

  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new EmulatorControlError(
      `GET ${url.href} failed with HTTP ${response.status}${body ? `: ${body.slice(0, 500)}` : ''}`,
      response.status,
    );
  }
  const body: unknown = await response.json();
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) {
    throw new EmulatorControlError(`GET ${url.href}: response has no "messages" array`, response.status);
  }
  return messages as EmulatorMessage[];
}

export interface ReadLatestCodeOptions {
  /** Only consider messages of this kind (e.g. FORGOT_PASSWORD after a sign-up). */
  kind?: EmulatorMessageKind;
}

/** The code of the newest outbox message for `username`; throws if there is none. */
export async function readLatestCode(
  endpoint: string,
  userPoolId: string,
  username: string,
  options: ReadLatestCodeOptions = {},
): Promise<string> {
  const messages = await readMessages(endpoint, userPoolId, username);
  const candidates =
    options.kind === undefined ? messages : messages.filter((m) => m.kind === options.kind);
  const latest = candidates.at(-1);
  const what = `user "${username}" in pool ${userPoolId}${options.kind ? ` (kind ${options.kind})` : ''}`;
  if (latest === undefined) {
    throw new EmulatorControlError(`No messages in the emulator outbox for ${what}`);
  }
  if (typeof latest.code !== 'string' || latest.code === '') {
    throw new EmulatorControlError(`The newest message for ${what} (kind ${latest.kind}) carries no code`);
  }
  return latest.code;
}

/** The emulator's clock, as `GET /_emulator/clock` reports it. */
export interface EmulatorClockState {
  /** ISO-8601. */
  now: string;
  epochSeconds: number;
  epochMs: number;
  /** True while the clock is stopped (see setClock's `pin`). */
  pinned: boolean;
  /** How far the emulator's time is ahead of (positive) or behind the system clock. */
  offsetSeconds: number;
}

/** A duration: seconds as a number, or a string such as `'1h'`, `'90s'`, `'1d2h30m'`, `'-5m'`, `'250ms'`. */
export type EmulatorDuration = number | string;

async function postControl<T>(endpoint: string, path: string, body: object): Promise<T> {
  const url = `${endpoint.replace(/\/+$/, '')}${path}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new EmulatorControlError(`POST ${url} failed with HTTP ${response.status}${text ? `: ${text.slice(0, 500)}` : ''}`, response.status);
  }
  return (await response.json()) as T;
}

/** GET `${endpoint}/_emulator/clock`. */
export async function readClock(endpoint: string): Promise<EmulatorClockState> {
  const url = `${endpoint.replace(/\/+$/, '')}/_emulator/clock`;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new EmulatorControlError(`GET ${url} failed with HTTP ${response.status}`, response.status);
  return (await response.json()) as EmulatorClockState;
}

/**
 * Moves the emulator's clock forward by `by` (seconds, or `'1h'`, `'25h'`, `'30d'`, ...). Codes, sessions,
 * tokens and lockouts expire as if that much time had passed. The clock is shared by everything using
 * this emulator, so tests running in parallel against it see the jump too.
 */
export function advanceClock(endpoint: string, by: EmulatorDuration): Promise<EmulatorClockState> {
  return postControl(endpoint, '/_emulator/clock', { advance: by });
}

/**
 * Sets the emulator's clock to `time` (a Date, an ISO-8601 string, or epoch seconds). With `pin: true` the
 * clock then stands still until `resumeClock` or `resetClock`; otherwise it keeps running from there.
 */
export function setClock(endpoint: string, time: Date | string | number, options: { pin?: boolean } = {}): Promise<EmulatorClockState> {
  const at = time instanceof Date ? time.toISOString() : time;
  return postControl(endpoint, '/_emulator/clock', options.pin ? { pin: at } : { set: at });
}

/** Stops the emulator's clock where it stands (`setClock(..., { pin: true })` stops it elsewhere). */
export function pinClock(endpoint: string): Promise<EmulatorClockState> {
  return postControl(endpoint, '/_emulator/clock', { pin: true });
}

/** Lets a pinned clock run again from where it stands. */
export function resumeClock(endpoint: string): Promise<EmulatorClockState> {
  return postControl(endpoint, '/_emulator/clock', { resume: true });
}

/** Puts the emulator back on the system clock. */
export function resetClock(endpoint: string): Promise<EmulatorClockState> {
  return postControl(endpoint, '/_emulator/clock', { reset: true });
}

/**
 * Empties the emulator. Without `userPoolId`: every pool (with its clients, users, groups, keys, codes,
 * messages and tokens), and the clock goes back to the system clock. With `userPoolId`: only that pool's
 * users, codes, tokens and outbox; its settings, app clients and groups stay.
 */
export function resetEmulator(endpoint: string, options: { userPoolId?: string } = {}): Promise<object> {
  const path = options.userPoolId === undefined ? '/_emulator/reset' : `/_emulator/pools/${encodeURIComponent(options.userPoolId)}/reset`;
  return postControl(endpoint, path, {});
}

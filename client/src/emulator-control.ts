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

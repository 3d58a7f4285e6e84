/**
 * A deliberately tiny stand-in for Cognito's InitiateAuth / RespondToAuthChallenge,
 * enough to drive the client's sign-in code through the real AWS SDK over HTTP.
 * Its SRP half is the SERVER side of cognito-facts.md §4.3 (v, B, S = (A·v^u)^b),
 * so a passing sign-in checks the client maths against independent equations.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { secretHash, srpMath } from '../../src/index.js';
import { sendJson, startTestServer } from './http-server.js';
import type { TestServer } from './http-server.js';

const { N, g, k, modPow, computeX, computeU, computeHkdfKey } = srpMath;

export const POOL_ID = 'us-east-1_FakePool1';
const POOL_NAME = 'FakePool1';
export const PUBLIC_CLIENT = 'publicclient000000000000001';
export const SECRET_CLIENT = 'secretclient000000000000001';
export const CLIENT_SECRET = 'shh-this-is-the-client-secret';

interface FakeUser {
  username: string;
  email: string;
  password: string;
  status: 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD';
  mfa?: boolean;
  attributes: Record<string, string>;
}

export interface FakeCognito extends TestServer {
  users: Map<string, FakeUser>;
  /** Parsed JSON bodies by X-Amz-Target operation, in order. */
  calls: Array<{ operation: string; body: Record<string, unknown> }>;
}

class Fault extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeCognito(): Promise<FakeCognito> {
  const users = new Map<string, FakeUser>();
  const srpStates = new Map<string, { username: string; A: bigint; b: bigint; B: bigint; salt: string }>();
  const sessions = new Map<string, string>();
  const calls: FakeCognito['calls'] = [];

  const salt = 'a244c038c0fd9192b9b5538344ce41ab';
  const verifier = (user: FakeUser) => modPow(g, computeX(POOL_NAME, user.username, user.password, salt), N);

  function resolve(name: string): FakeUser {
    const user = users.get(name) ?? [...users.values()].find((u) => u.email === name);
    if (!user) throw new Fault('UserNotFoundException', 'User does not exist.');
    return user;
  }

  function checkSecretHash(clientId: unknown, params: Record<string, string>, username: string): void {
    if (clientId !== SECRET_CLIENT) return;
    if (params.SECRET_HASH === undefined) {
      throw new Fault('NotAuthorizedException', `Client ${clientId} is configured with secret but SECRET_HASH was not received`);
    }
    if (params.SECRET_HASH !== secretHash(CLIENT_SECRET, username, clientId)) {
      throw new Fault('NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`);
    }
  }

  function afterPassword(user: FakeUser): Record<string, unknown> {
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      const session = randomBytes(16).toString('hex');
      sessions.set(session, user.username);
      return {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeParameters: {
          USER_ID_FOR_SRP: user.username,
          requiredAttributes: '["userAttributes.name"]',
          userAttributes: JSON.stringify({ email: user.email }),
        },
      };
    }
    if (user.mfa) {
      return {
        ChallengeName: 'SMS_MFA',
        Session: 'mfa-session',
        ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', USER_ID_FOR_SRP: user.username },
      };
    }
    return {
      ChallengeParameters: {},
      AuthenticationResult: {
        AccessToken: `access-${user.username}`,
        IdToken: `id-${user.username}`,
        RefreshToken: `refresh-${user.username}`,
        ExpiresIn: 3600,
        TokenType: 'Bearer',
      },
    };
  }

  function initiateAuth(body: Record<string, unknown>): Record<string, unknown> {
    const params = (body.AuthParameters ?? {}) as Record<string, string>;
    const typed = params.USERNAME ?? '';
    checkSecretHash(body.ClientId, params, typed);
    const user = resolve(typed);
    if (body.AuthFlow === 'USER_PASSWORD_AUTH') {
      if (params.PASSWORD !== user.password) throw new Fault('NotAuthorizedException', 'Incorrect username or password.');
      return afterPassword(user);
    }
    if (body.AuthFlow !== 'USER_SRP_AUTH') throw new Fault('InvalidParameterException', 'Unsupported flow');
    const A = BigInt(`0x${params.SRP_A ?? '0'}`);
    if (A % N === 0n) throw new Fault('InvalidParameterException', 'Invalid SRP_A');
    const b = BigInt(`0x${randomBytes(128).toString('hex')}`);
    const B = (k * verifier(user) + modPow(g, b, N)) % N;
    const secretBlock = randomBytes(64).toString('base64');
    srpStates.set(secretBlock, { username: user.username, A, b, B, salt });
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: salt,
        SECRET_BLOCK: secretBlock,
        SRP_B: B.toString(16),
        USERNAME: user.username,
        USER_ID_FOR_SRP: user.username,
      },
    };
  }

  function passwordVerifier(body: Record<string, unknown>): Record<string, unknown> {
    const r = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const state = srpStates.get(r.PASSWORD_CLAIM_SECRET_BLOCK ?? '');
    if (!state || r.USERNAME !== state.username) {
      throw new Fault('NotAuthorizedException', 'Invalid session for the user.');
    }
    checkSecretHash(body.ClientId, r, state.username);
    const user = resolve(state.username);
    const u = computeU(state.A, state.B);
    const S = modPow((state.A * modPow(verifier(user), u, N)) % N, state.b, N);
    const key = computeHkdfKey(S, u);
    const expected = createHmac('sha256', key)
      .update(Buffer.concat([
        Buffer.from(POOL_NAME),
        Buffer.from(state.username),
        Buffer.from(r.PASSWORD_CLAIM_SECRET_BLOCK ?? '', 'base64'),
        Buffer.from(r.TIMESTAMP ?? ''),
      ]))
      .digest('base64');
    if (r.PASSWORD_CLAIM_SIGNATURE !== expected) {
      throw new Fault('NotAuthorizedException', 'Incorrect username or password.');
    }
    return afterPassword(user);
  }

  function newPasswordRequired(body: Record<string, unknown>): Record<string, unknown> {
    const r = (body.ChallengeResponses ?? {}) as Record<string, string>;
    const username = sessions.get(String(body.Session));
    if (username === undefined || r.USERNAME !== username) {
      throw new Fault('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    }
    checkSecretHash(body.ClientId, r, username);
    if (r['userAttributes.name'] === undefined) {
      throw new Fault('InvalidParameterException', 'Invalid attributes given, name is missing');
    }
    const user = resolve(username);
    user.password = r.NEW_PASSWORD ?? '';
    user.status = 'CONFIRMED';
    for (const [key, value] of Object.entries(r)) {
      if (key.startsWith('userAttributes.')) user.attributes[key.slice('userAttributes.'.length)] = value;
    }
    return afterPassword(user);
  }

  const server = await startTestServer((req, res, raw) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    calls.push({ operation, body });
    try {
      let out: Record<string, unknown>;
      if (operation === 'InitiateAuth') out = initiateAuth(body);
      else if (operation === 'RespondToAuthChallenge' && body.ChallengeName === 'PASSWORD_VERIFIER') out = passwordVerifier(body);
      else if (operation === 'RespondToAuthChallenge' && body.ChallengeName === 'NEW_PASSWORD_REQUIRED') out = newPasswordRequired(body);
      else if (operation === 'AdminDeleteUser') out = {};
      else throw new Fault('InvalidParameterException', `fake does not do ${operation}`);
      sendJson(res, 200, out, 'application/x-amz-json-1.1');
    } catch (err) {
      if (!(err instanceof Fault)) throw err;
      res.setHeader('x-amzn-ErrorType', `${err.type}:`);
      sendJson(res, 400, { __type: err.type, message: err.message }, 'application/x-amz-json-1.1');
    }
  });
  return Object.assign(server, { users, calls });
}

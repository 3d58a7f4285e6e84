import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCognitoClient, signInWithSrp } from 'cognito-emulator-client';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSeed, startEmulator, type SeedDocument, type StartedEmulator } from '../../src/index.js';
import { backendClientId, claims, cognito, password, poolId, seedDocument, signIn, webClientId } from './support/dx-fixtures.js';

const directory = mkdtempSync(join(tmpdir(), 'cognito-emulator-seed-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function withEmulator<T>(seed: SeedDocument | undefined, dataPath: string, work: (emulator: StartedEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ dataPath, logLevel: 'silent', ...(seed && { seed }) });
  try {
    return await work(emulator);
  } finally {
    await emulator.close();
  }
}

describe('a declarative seed', () => {
  it('creates the pools, clients, groups and users it names, with their fixed ids', async () => {
    await withEmulator(seedDocument(), ':memory:', async (emulator) => {
      const { url } = emulator;
      const { UserPool } = await cognito(url, 'DescribeUserPool', { UserPoolId: poolId });
      expect(UserPool).toMatchObject({ Id: poolId, Name: 'dx-test', AutoVerifiedAttributes: ['email'] });
      expect(UserPool.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 8, RequireNumbers: true, RequireSymbols: false });
      expect(UserPool.SchemaAttributes.map((attribute: { Name: string }) => attribute.Name)).toContain('custom:tenant');

      const backend = await cognito(url, 'DescribeUserPoolClient', { UserPoolId: poolId, ClientId: backendClientId });
      expect(backend.UserPoolClient.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
      expect(emulator.pool('dx-test').clients).toEqual([
        { id: webClientId, name: 'web', secret: undefined },
        { id: backendClientId, name: 'backend', secret: backend.UserPoolClient.ClientSecret },
      ]);

      const tokens = await signIn(url, 'alice');
      expect(claims(tokens.IdToken)).toMatchObject({
        sub: '11111111-2222-4333-8444-555555555555',
        'cognito:groups': ['admins'],
        'custom:tenant': 'acme',
        email_verified: true,
        iss: `${url}/${poolId}`,
      });
      await expect(signIn(url, 'bob')).rejects.toThrow(/UserNotConfirmedException/);
      // Seeded passwords carry an SRP verifier too, so the SDKs' default flow works.
      const srp = await signInWithSrp({ client: createCognitoClient({ endpoint: url, region: 'us-east-1' }), clientId: webClientId, userPoolId: poolId, username: 'alice', password });
      expect(srp.AuthenticationResult?.AccessToken).toBeTruthy();
    });
  });

  it('is idempotent: a restart with the same seed duplicates nothing and keeps what changed at run time', async () => {
    const dataPath = join(directory, 'idempotent.db');
    const secret = await withEmulator(seedDocument(), dataPath, async ({ url, pool }) => {
      await cognito(url, 'AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice', Password: 'Changed1!', Permanent: true });
      await cognito(url, 'AdminConfirmSignUp', { UserPoolId: poolId, Username: 'bob' });
      return pool(poolId).clients[1]!.secret;
    });
    await withEmulator(seedDocument(), dataPath, async ({ url, pool }) => {
      expect(pool(poolId).clients[1]!.secret).toBe(secret);
      expect((await cognito(url, 'ListUserPools', { MaxResults: 60 })).UserPools).toHaveLength(1);
      expect((await cognito(url, 'ListUsers', { UserPoolId: poolId })).Users).toHaveLength(2);
      expect((await cognito(url, 'ListGroups', { UserPoolId: poolId })).Groups).toHaveLength(2);
      await expect(signIn(url, 'alice')).rejects.toThrow(/NotAuthorizedException/);
      expect(claims((await signIn(url, 'alice', 'Changed1!')).IdToken).sub).toBe('11111111-2222-4333-8444-555555555555');
      expect((await cognito(url, 'AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).UserStatus).toBe('CONFIRMED');
    });
  });

  it('applies an edited entry again, and only that entry', async () => {
    const dataPath = join(directory, 'edited.db');
    await withEmulator(seedDocument(), dataPath, async ({ url }) => {
      await cognito(url, 'AdminConfirmSignUp', { UserPoolId: poolId, Username: 'bob' });
    });
    const edited = seedDocument();
    const pool = edited.pools[0]!;
    pool.clients![1] = { ...pool.clients![1]!, generateSecret: undefined, secret: 'fixedsecret0123456789abcdef', settings: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'], AccessTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes' } } };
    pool.users![0] = { ...pool.users![0]!, password: 'NewSeed1!', attributes: { ...pool.users![0]!.attributes, given_name: 'Alice' }, groups: ['readers'] };
    pool.groups!.push({ name: 'auditors', precedence: 5 });
    await withEmulator(edited, dataPath, async ({ url }) => {
      const { UserPoolClient } = await cognito(url, 'DescribeUserPoolClient', { UserPoolId: poolId, ClientId: backendClientId });
      expect(UserPoolClient).toMatchObject({ ClientSecret: 'fixedsecret0123456789abcdef', AccessTokenValidity: 30 });
      const id = claims((await signIn(url, 'alice', 'NewSeed1!')).IdToken);
      expect(id).toMatchObject({ given_name: 'Alice', 'cognito:groups': ['readers'] });
      expect((await cognito(url, 'ListGroups', { UserPoolId: poolId })).Groups).toHaveLength(3);
      // bob's entry did not change, so the confirmation made at run time stays.
      expect((await cognito(url, 'AdminGetUser', { UserPoolId: poolId, Username: 'bob' })).UserStatus).toBe('CONFIRMED');
    });
  });

  it('puts users of email-as-username pools under their sub, signing in by email', async () => {
    const seed: SeedDocument = {
      pools: [
        {
          id: 'eu-west-1_EmailPool1',
          name: 'email-pool',
          settings: { UsernameAttributes: ['email'] },
          clients: [{ id: 'emailclient', name: 'web', settings: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } }],
          users: [{ username: 'Carol@Example.com', password, attributes: { email_verified: true } }],
        },
      ],
    };
    await withEmulator(seed, ':memory:', async ({ url }) => {
      const id = claims((await signIn(url, 'Carol@Example.com', password, 'emailclient')).IdToken);
      expect(id['cognito:username']).toBe(id.sub);
      expect(id.email).toBe('Carol@Example.com');
    });
  });
});

describe('an invalid seed', () => {
  const cases: Array<[string, (seed: SeedDocument) => void, string]> = [
    ['a pool id without a region', (seed) => (seed.pools[0]!.id = 'DxTest01'), 'pools[0].id: must look like <region>_<alphanumerics>'],
    ['an unknown field', (seed) => Object.assign(seed.pools[0]!.users![0]!, { pasword: 'x' }), 'pools[0].users[0].pasword: unknown field'],
    ['a misspelt setting', (seed) => Object.assign(seed.pools[0]!.settings!, { AutoVerifedAttributes: ['email'] }), 'pools[0].settings: unknown setting "AutoVerifedAttributes"'],
    [
      'a setting out of range',
      (seed) => (seed.pools[0]!.settings!.Policies = { PasswordPolicy: { MinimumLength: 3 } }),
      "pools[0].settings: 1 validation error detected: Value at 'policies.passwordPolicy.minimumLength'",
    ],
    ['a password against the policy', (seed) => (seed.pools[0]!.users![0]!.password = 'short'), 'pools[0].users[0].password: Password did not conform with policy'],
    ['an attribute not in the schema', (seed) => (seed.pools[0]!.users![1]!.attributes = { 'custom:nope': 'x' }), 'pools[0].users[1].attributes: Attributes did not conform to the schema: custom:nope'],
    ['both a secret and generateSecret', (seed) => (seed.pools[0]!.clients![1]!.secret = 'fixedsecret0123456789abcdef'), 'pools[0].clients[1]: give either secret or generateSecret'],
    ['a client declared twice', (seed) => (seed.pools[0]!.clients![1]!.id = webClientId), `pools[0].clients[1].id: client ${webClientId} is declared twice`],
    ['a user status Cognito does not have', (seed) => Object.assign(seed.pools[0]!.users![0]!, { status: 'ACTIVE' }), 'pools[0].users[0].status: must be one of the allowed values'],
    ['client flows mixing legacy and new names', (seed) => (seed.pools[0]!.clients![0]!.settings = { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] }), 'pools[0].clients[0].settings:'],
  ];
  it.each(cases)('fails on %s, naming the field', (_name, spoil, message) => {
    const seed = seedDocument();
    spoil(seed);
    expect(() => checkSeed(seed, 'seed.json')).toThrow(message);
  });

  it('fails at start, before writing anything, when a user names a group that does not exist', async () => {
    const seed = seedDocument();
    seed.pools[0]!.users![0]!.groups = ['nope'];
    const dataPath = join(directory, 'group.db');
    await expect(startEmulator({ dataPath, logLevel: 'silent', seed })).rejects.toThrow('group nope does not exist');
    await withEmulator(undefined, dataPath, async ({ url }) => {
      expect((await cognito(url, 'ListUserPools', { MaxResults: 60 })).UserPools).toEqual([]);
    });
  });
});

describe('export and import', () => {
  it('round-trips a pool through /_emulator/export and /_emulator/import, passwords, subs and secrets included', async () => {
    const exported = await withEmulator(seedDocument(), ':memory:', async ({ url }) => {
      await cognito(url, 'SignUp', { ClientId: webClientId, Username: 'carol', Password: password, UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }] });
      await cognito(url, 'AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
      const response = await fetch(`${url}/_emulator/export?pool=${poolId}`);
      expect(response.status).toBe(200);
      return (await response.json()) as SeedDocument;
    });
    expect(JSON.stringify(exported)).not.toContain(password);
    const users = exported.pools[0]!.users!;
    expect(users.map((user) => [user.username, user.status, user.enabled])).toEqual([
      ['alice', 'CONFIRMED', false],
      ['bob', 'UNCONFIRMED', true],
      ['carol', 'UNCONFIRMED', true],
    ]);

    await withEmulator(undefined, ':memory:', async ({ url }) => {
      const imported = await fetch(`${url}/_emulator/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exported) });
      expect(imported.status).toBe(200);
      expect(await imported.json()).toMatchObject({ pools: [{ id: poolId, clients: [{ id: expect.any(String) }, { id: expect.any(String) }] }] });
      await cognito(url, 'AdminEnableUser', { UserPoolId: poolId, Username: 'alice' });
      expect(claims((await signIn(url, 'alice')).IdToken).sub).toBe('11111111-2222-4333-8444-555555555555');
      const srp = await signInWithSrp({ client: createCognitoClient({ endpoint: url, region: 'us-east-1' }), clientId: webClientId, userPoolId: poolId, username: 'alice', password });
      expect(srp.AuthenticationResult?.AccessToken).toBeTruthy();
      const again = (await (await fetch(`${url}/_emulator/export`)).json()) as SeedDocument;
      const aliceAgain = again.pools[0]!.users![0]!;
      expect({ ...again.pools[0], users: undefined }).toEqual({ ...exported.pools[0], users: undefined });
      expect(aliceAgain.credentials).toEqual(users[0]!.credentials);
    });
  });

  it('answers 400 naming the field for an invalid import, and for an unknown pool', async () => {
    await withEmulator(undefined, ':memory:', async ({ url }) => {
      const response = await fetch(`${url}/_emulator/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pools: [{ id: 'x', name: 'y' }] }) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: 'InvalidParameterException', message: expect.stringContaining('pools[0].id: must look like') });
      const yaml = await fetch(`${url}/_emulator/import`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: 'pools:\n  - id: us-east-1_Yaml1\n    name: yaml\n' });
      expect(yaml.status).toBe(200);
      expect((await fetch(`${url}/_emulator/export?pool=us-east-1_Nope`)).status).toBe(400);
      expect(await (await fetch(`${url}/_emulator/export?pool=us-east-1_Yaml1&format=yaml`)).text()).toContain('id: us-east-1_Yaml1');
    });
  });
});

/**
 * CreateUserPoolClient, DescribeUserPoolClient and ListUserPoolClients: ids, secrets, the defaults a
 * minimal client echoes (cognito-facts.md §2 CreateUserPoolClient, §3.2), and paging.
 */
import {
  CreateUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { createPool, uniqueName } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const describeClient = async (userPoolId: string, clientId: string): Promise<UserPoolClientType> =>
  (await target().client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))).UserPoolClient!;

describe('app clients', () => {
  let userPoolId: string;

  beforeAll(async () => {
    userPoolId = await createPool();
  });

  describe('a client created with only a name', () => {
    let created: UserPoolClientType;
    const clientName = uniqueName('client');

    beforeAll(async () => {
      created = (await target().client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: clientName }))).UserPoolClient!;
    });

    it('gets a 26-character lower-case alphanumeric id and no secret', () => {
      expect(created.ClientId).toMatch(/^[0-9a-z]{26}$/);
      expect(created.UserPoolId).toBe(userPoolId);
      expect(created.ClientName).toBe(clientName);
      expect(created.ClientSecret).toBeUndefined();
      expect(created.CreationDate).toBeInstanceOf(Date);
    });

    it('echoes the defaults: 30-day refresh tokens, 3-minute auth sessions, revocation on, LEGACY existence errors', () => {
      expect(created.RefreshTokenValidity).toBe(30);
      expect(created.AuthSessionValidity).toBe(3);
      expect(created.EnableTokenRevocation).toBe(true);
      expect(created.PreventUserExistenceErrors).toBe('LEGACY');
    });

    it('gets the default auth flows: SRP, refresh and custom, but not plain passwords', () => {
      expect([...(created.ExplicitAuthFlows ?? [])].sort()).toEqual(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    });

    it('DescribeUserPoolClient returns the same client', async () => {
      const described = await describeClient(userPoolId, created.ClientId!);
      expect(described.ClientId).toBe(created.ClientId);
      expect(described.ClientName).toBe(clientName);
      expect(described.RefreshTokenValidity).toBe(created.RefreshTokenValidity);
      expect([...(described.ExplicitAuthFlows ?? [])].sort()).toEqual([...(created.ExplicitAuthFlows ?? [])].sort());
      expect(described.ClientSecret).toBeUndefined();
    });
  });

  it('GenerateSecret gives the client a secret, which DescribeUserPoolClient returns too', async () => {
    const { UserPoolClient } = await target().client.send(
      new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: uniqueName('client'), GenerateSecret: true }),
    );
    expect(UserPoolClient!.ClientSecret).toMatch(/^[\w+]{24,64}$/);
    const described = await describeClient(userPoolId, UserPoolClient!.ClientId!);
    expect(described.ClientSecret).toBe(UserPoolClient!.ClientSecret);
  });

  it('echoes the settings it was created with', async () => {
    const { UserPoolClient } = await target().client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: uniqueName('client'),
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 15,
        IdTokenValidity: 20,
        RefreshTokenValidity: 2,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: false,
        AuthSessionValidity: 10,
      }),
    );
    const described = await describeClient(userPoolId, UserPoolClient!.ClientId!);
    for (const client of [UserPoolClient!, described]) {
      expect([...(client.ExplicitAuthFlows ?? [])].sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH']);
      expect(client).toMatchObject({
        AccessTokenValidity: 15,
        IdTokenValidity: 20,
        RefreshTokenValidity: 2,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: false,
        AuthSessionValidity: 10,
      });
    }
  });

  it('DescribeUserPoolClient of an unknown client is ResourceNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: 'nosuchclient0000000000000a' })),
      'ResourceNotFoundException',
    );
  });

  it('CreateUserPoolClient in an unknown pool is ResourceNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new CreateUserPoolClientCommand({ UserPoolId: `${target().region}_NoSuchPool1`, ClientName: uniqueName('client') })),
      'ResourceNotFoundException',
    );
  });
});

describe('ListUserPoolClients', () => {
  let userPoolId: string;
  const clientIds: string[] = [];

  beforeAll(async () => {
    userPoolId = await createPool();
    for (let i = 0; i < 3; i++) {
      const { UserPoolClient } = await target().client.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: uniqueName('client') }));
      clientIds.push(UserPoolClient!.ClientId!);
    }
  });

  it('lists the pool clients in pages of MaxResults, with a NextToken while more remain', async () => {
    const first = await target().client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 2 }));
    expect(first.UserPoolClients).toHaveLength(2);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await target().client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.UserPoolClients).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    const listed = [...first.UserPoolClients!, ...second.UserPoolClients!];
    expect(listed.map((client) => client.ClientId).sort()).toEqual([...clientIds].sort());
    for (const client of listed) {
      expect(client.UserPoolId).toBe(userPoolId);
      expect(client.ClientName).toMatch(/^client-/);
    }
  });

  it('lists everything in one page when MaxResults allows', async () => {
    const all = await target().client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    expect(all.UserPoolClients!.map((client) => client.ClientId).sort()).toEqual([...clientIds].sort());
    expect(all.NextToken).toBeUndefined();
  });
});

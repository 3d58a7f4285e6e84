/**
 * CreateUserPool, DescribeUserPool, ListUserPools and DeleteUserPool: ids, the defaults a minimal pool
 * echoes back (cognito-facts.md §2 CreateUserPool), paging, and what deletion leaves behind.
 */
import {
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
  type UserPoolDescriptionType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectCognitoError } from '../fixtures/errors.js';
import { createPool, createUserPool, poolNamePrefix, uniqueName } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const describePool = async (userPoolId: string) =>
  (await target().client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }))).UserPool!;

/** Every pool this file creates, for the ListUserPools check. */
const ours: string[] = [];

describe('a pool created with only a name', () => {
  let userPoolId: string;
  let created: UserPoolType;
  let described: UserPoolType;
  const name = uniqueName(poolNamePrefix.slice(0, -1));

  beforeAll(async () => {
    created = await createUserPool({ PoolName: name });
    userPoolId = created.Id!;
    ours.push(userPoolId);
    described = await describePool(userPoolId);
  });

  it('gets an id of the form <region>_<alphanumerics> and an ARN naming it', () => {
    expect(userPoolId).toMatch(new RegExp(`^${target().region}_[0-9A-Za-z]+$`));
    for (const pool of [created, described]) {
      expect(pool.Id).toBe(userPoolId);
      expect(pool.Name).toBe(name);
      expect(pool.Arn).toMatch(new RegExp(`^arn:aws:cognito-idp:${target().region}:\\d{12}:userpool/${userPoolId}$`));
    }
  });

  it('echoes the default password policy: 8 characters, all four character classes, 7-day temporary passwords', () => {
    for (const pool of [created, described]) {
      expect(pool.Policies?.PasswordPolicy).toMatchObject({
        MinimumLength: 8,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      });
    }
  });

  it('echoes the standard schema, sub first (a required, immutable string)', () => {
    const schema = described.SchemaAttributes ?? [];
    expect(schema[0]).toMatchObject({ Name: 'sub', AttributeDataType: 'String', Mutable: false, Required: true });
    const names = schema.map((attribute) => attribute.Name);
    for (const standard of ['email', 'email_verified', 'phone_number', 'name', 'given_name', 'family_name', 'updated_at']) {
      expect(names).toContain(standard);
    }
    expect(schema.find((attribute) => attribute.Name === 'email_verified')?.AttributeDataType).toBe('Boolean');
  });

  it('has MFA off, no users yet, and dates', () => {
    for (const pool of [created, described]) {
      expect(pool.MfaConfiguration).toBe('OFF');
      expect(pool.EstimatedNumberOfUsers).toBe(0);
      expect(pool.CreationDate).toBeInstanceOf(Date);
      expect(pool.LastModifiedDate).toBeInstanceOf(Date);
    }
  });

  it('DescribeUserPool returns what CreateUserPool returned', () => {
    expect(described.Policies).toEqual(created.Policies);
    expect(described.SchemaAttributes).toEqual(created.SchemaAttributes);
    expect(described.CreationDate).toEqual(created.CreationDate);
  });
});

describe('a pool created with settings', () => {
  it('echoes a custom password policy, username attributes, auto-verified attributes and case sensitivity', async () => {
    const userPoolId = await createPool({
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: false,
          RequireLowercase: true,
          RequireNumbers: false,
          RequireSymbols: false,
          TemporaryPasswordValidityDays: 3,
        },
      },
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
    });
    ours.push(userPoolId);
    const pool = await describePool(userPoolId);
    expect(pool.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireUppercase: false,
      RequireLowercase: true,
      RequireNumbers: false,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 3,
    });
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.AutoVerifiedAttributes).toEqual(['email']);
    expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('refuses a password policy shorter than 6 characters (InvalidParameterException)', async () => {
    await expectCognitoError(
      createPool({ Policies: { PasswordPolicy: { MinimumLength: 5 } } }),
      'InvalidParameterException',
    );
  });
});

describe('ListUserPools', () => {
  beforeAll(async () => {
    // With the pools of the tests above, at least three: more than one page of two.
    ours.push(await createPool());
  });

  it('pages with MaxResults and NextToken until every pool has been listed once', async () => {
    const seen: UserPoolDescriptionType[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await target().client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: nextToken }));
      expect(page.UserPools!.length).toBeLessThanOrEqual(2);
      seen.push(...page.UserPools!);
      nextToken = page.NextToken;
      pages += 1;
    } while (nextToken !== undefined && pages < 500);
    expect(nextToken, 'paging did not end').toBeUndefined();
    expect(pages).toBeGreaterThanOrEqual(2);
    const ids = seen.map((pool) => pool.Id);
    for (const id of ours) expect(ids.filter((seenId) => seenId === id)).toHaveLength(1);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    const one = seen.find((pool) => pool.Id === ours[0])!;
    expect(one.Name).toMatch(/^contract-test-/);
    expect(one.CreationDate).toBeInstanceOf(Date);
  });

  it('requires MaxResults (InvalidParameterException)', async () => {
    await expectCognitoError(target().client.send(new ListUserPoolsCommand({} as never)), 'InvalidParameterException');
  });
});

describe('DeleteUserPool', () => {
  it('deletes the pool: DescribeUserPool then answers ResourceNotFoundException', async () => {
    const { UserPool } = await target().client.send(new CreateUserPoolCommand({ PoolName: uniqueName(poolNamePrefix.slice(0, -1)) }));
    const userPoolId = UserPool!.Id!;
    const deleted = await target().client.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    await expectCognitoError(target().client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId })), 'ResourceNotFoundException');
    await expectCognitoError(target().client.send(new DeleteUserPoolCommand({ UserPoolId: userPoolId })), 'ResourceNotFoundException');
  });

  it('DescribeUserPool of a pool that never existed is ResourceNotFoundException', async () => {
    await expectCognitoError(
      target().client.send(new DescribeUserPoolCommand({ UserPoolId: `${target().region}_NoSuchPool1` })),
      'ResourceNotFoundException',
    );
  });
});

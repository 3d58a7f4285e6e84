/**
 * Editing attributes after sign-up: UpdateUserAttributes, GetUserAttributeVerificationCode,
 * VerifyUserAttribute, DeleteUserAttributes and their Admin forms, custom attributes (AddCustomAttributes),
 * and the app client's read and write permissions.
 */
import {
  AddCustomAttributesCommand,
  AdminDeleteUserAttributesCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  DeleteUserAttributesCommand,
  DescribeUserPoolCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createClient, createConfirmedUser, createPoolWithClient, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { hasOutbox, target } from '../targets/target.js';

const valueOf = (attributes: AttributeType[] | undefined, name: string): string | undefined => attributes?.find((attribute) => attribute.Name === name)?.Value;

describe('user attributes after sign-up', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient({
      AutoVerifiedAttributes: ['email'],
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
        { Name: 'team', AttributeDataType: 'String', Mutable: true },
      ],
    });
  });

  /** A confirmed user with a verified email, signed in. */
  async function signedInUser(): Promise<{ username: string; email: string; accessToken: string }> {
    const username = uniqueName();
    const email = `${username}@example.com`;
    await createConfirmedUser(app, username, { attributes: [{ Name: 'email', Value: email }] });
    await target().client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: app.userPoolId, Username: username, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] }),
    );
    const { AccessToken } = await passwordSignIn(app, username, 'Correct-Horse-9-battery');
    return { username, email, accessToken: AccessToken };
  }

  const getUser = async (accessToken: string) => (await target().client.send(new GetUserCommand({ AccessToken: accessToken }))).UserAttributes;

  it('UpdateUserAttributes changes and adds attributes; a blank value deletes one', async () => {
    const user = await signedInUser();
    const output = await target().client.send(
      new UpdateUserAttributesCommand({
        AccessToken: user.accessToken,
        UserAttributes: [
          { Name: 'given_name', Value: 'Ada' },
          { Name: 'custom:team', Value: 'blue' },
        ],
      }),
    );
    expect(output.CodeDeliveryDetailsList ?? []).toEqual([]);
    let attributes = await getUser(user.accessToken);
    expect(valueOf(attributes, 'given_name')).toBe('Ada');
    expect(valueOf(attributes, 'custom:team')).toBe('blue');
    await target().client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'given_name', Value: '' }] }));
    attributes = await getUser(user.accessToken);
    expect(valueOf(attributes, 'given_name')).toBeUndefined();
  });

  it('a changed email becomes unverified and a code goes to the new address', async () => {
    const user = await signedInUser();
    const newEmail = `${uniqueName()}@example.com`;
    const { CodeDeliveryDetailsList } = await target().client.send(
      new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'email', Value: newEmail }] }),
    );
    expect(CodeDeliveryDetailsList).toEqual([expect.objectContaining({ DeliveryMedium: 'EMAIL', AttributeName: 'email' })]);
    const attributes = await getUser(user.accessToken);
    expect(valueOf(attributes, 'email')).toBe(newEmail);
    expect(valueOf(attributes, 'email_verified')).toBe('false');
    await expectCognitoError(
      target().client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: '000000' })),
      'CodeMismatchException',
    );
    if (!hasOutbox()) return;

    // (needs the outbox) The code in the VERIFY_ATTRIBUTE message verifies the new address.
    const code = await target().readCode!(app.userPoolId, user.username);
    expect(await target().client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: code }))).toMatchObject({});
    expect(valueOf(await getUser(user.accessToken), 'email_verified')).toBe('true');
  });

  it('GetUserAttributeVerificationCode sends a fresh code to the email (redeemed with the outbox code)', async () => {
    const user = await signedInUser();
    const { CodeDeliveryDetails } = await target().client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: user.accessToken, AttributeName: 'email' }));
    expect(CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    if (!hasOutbox()) return;
    const code = await target().readCode!(app.userPoolId, user.username);
    await target().client.send(new VerifyUserAttributeCommand({ AccessToken: user.accessToken, AttributeName: 'email', Code: code }));
    expect(valueOf(await getUser(user.accessToken), 'email_verified')).toBe('true');
  });

  it('DeleteUserAttributes removes attributes, but not required ones', async () => {
    const user = await signedInUser();
    await target().client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'family_name', Value: 'Lovelace' }] }));
    expect(await target().client.send(new DeleteUserAttributesCommand({ AccessToken: user.accessToken, UserAttributeNames: ['family_name'] }))).toMatchObject({});
    expect(valueOf(await getUser(user.accessToken), 'family_name')).toBeUndefined();
    await expectCognitoError(
      target().client.send(new DeleteUserAttributesCommand({ AccessToken: user.accessToken, UserAttributeNames: ['email'] })),
      'InvalidParameterException',
    );
  });

  it('attributes that are not in the schema are InvalidParameterException', async () => {
    const user = await signedInUser();
    await expectCognitoError(
      target().client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] })),
      'InvalidParameterException',
    );
  });

  it('AdminUpdateUserAttributes may mark a new email verified; AdminDeleteUserAttributes removes attributes', async () => {
    const user = await signedInUser();
    const newEmail = `${uniqueName()}@example.com`;
    await target().client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: app.userPoolId,
        Username: user.username,
        UserAttributes: [
          { Name: 'email', Value: newEmail },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'nickname', Value: 'ada' },
        ],
      }),
    );
    let { UserAttributes } = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username }));
    expect(valueOf(UserAttributes, 'email')).toBe(newEmail);
    expect(valueOf(UserAttributes, 'email_verified')).toBe('true');
    await target().client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: app.userPoolId, Username: user.username, UserAttributeNames: ['nickname'] }));
    ({ UserAttributes } = await target().client.send(new AdminGetUserCommand({ UserPoolId: app.userPoolId, Username: user.username })));
    expect(valueOf(UserAttributes, 'nickname')).toBeUndefined();
  });

  it('a user cannot mark their own email verified (client without WriteAttributes)', async () => {
    const user = await signedInUser();
    await expectCognitoError(
      target().client.send(new UpdateUserAttributesCommand({ AccessToken: user.accessToken, UserAttributes: [{ Name: 'email_verified', Value: 'true' }] })),
      'NotAuthorizedException',
    );
  });

  it('custom attributes added later appear in GetUser and, as strings, in the ID token', async () => {
    const name = `n${Date.now() % 100000}`;
    await target().client.send(new AddCustomAttributesCommand({ UserPoolId: app.userPoolId, CustomAttributes: [{ Name: name, AttributeDataType: 'Number', Mutable: true }] }));
    const { UserPool } = await target().client.send(new DescribeUserPoolCommand({ UserPoolId: app.userPoolId }));
    expect(UserPool?.SchemaAttributes?.map((attribute) => attribute.Name)).toContain(`custom:${name}`);
    await expectCognitoError(
      target().client.send(new AddCustomAttributesCommand({ UserPoolId: app.userPoolId, CustomAttributes: [{ Name: name, AttributeDataType: 'String' }] })),
      'InvalidParameterException',
    );

    const user = await signedInUser();
    await target().client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: app.userPoolId, Username: user.username, UserAttributes: [{ Name: `custom:${name}`, Value: '42' }] }));
    expect(valueOf(await getUser(user.accessToken), `custom:${name}`)).toBe('42');
    const { IdToken } = await passwordSignIn(app, user.username, 'Correct-Horse-9-battery');
    expect(claimsOf(IdToken)[`custom:${name}`]).toBe('42');
  });

  it("the app client's ReadAttributes limit GetUser and the ID token; its WriteAttributes limit updates", async () => {
    const limited = await createClient(app.userPoolId, {
      ReadAttributes: ['email', 'email_verified', 'given_name'],
      WriteAttributes: ['given_name'],
    });
    const limitedApp = { ...app, clientId: limited.ClientId! };
    const username = uniqueName();
    await createConfirmedUser(app, username, {
      attributes: [
        { Name: 'email', Value: `${username}@example.com` },
        { Name: 'given_name', Value: 'Ada' },
        { Name: 'family_name', Value: 'Lovelace' },
        { Name: 'custom:team', Value: 'blue' },
      ],
    });
    const tokens = await passwordSignIn(limitedApp, username, 'Correct-Horse-9-battery');
    const names = (await getUser(tokens.AccessToken))?.map((attribute) => attribute.Name);
    expect(names).toContain('given_name');
    expect(names).not.toContain('family_name');
    expect(names).not.toContain('custom:team');
    const claims = claimsOf(tokens.IdToken);
    expect(claims.given_name).toBe('Ada');
    expect(claims.family_name).toBeUndefined();
    expect(claims['custom:team']).toBeUndefined();

    await target().client.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'given_name', Value: 'Augusta' }] }));
    await expectCognitoError(
      target().client.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: [{ Name: 'family_name', Value: 'King' }] })),
      'NotAuthorizedException',
    );
    await expectCognitoError(
      target().client.send(new DeleteUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributeNames: ['family_name'] })),
      'NotAuthorizedException',
    );
  });
});

describe('changing the email of an email-as-username user', () => {
  it('makes the new address the sign-in name at once, and refuses one another user holds', async () => {
    const app = await createPoolWithClient({ UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] });
    const email = `${uniqueName()}@example.com`;
    const other = `${uniqueName()}@example.com`;
    await createConfirmedUser(app, email);
    await createConfirmedUser(app, other);
    const { AccessToken } = await passwordSignIn(app, email, 'Correct-Horse-9-battery');

    await expectCognitoError(
      target().client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: other }] })),
      'AliasExistsException',
    );
    const changed = `${uniqueName()}@example.com`;
    await target().client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: changed }] }));
    const { AccessToken: again } = await passwordSignIn(app, changed, 'Correct-Horse-9-battery');
    const me = await target().client.send(new GetUserCommand({ AccessToken: again }));
    expect(valueOf(me.UserAttributes, 'email')).toBe(changed);
  });
});

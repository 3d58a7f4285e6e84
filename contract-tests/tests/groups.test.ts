/**
 * Groups: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, membership operations, and the
 * group claims in freshly issued tokens (cognito:groups by precedence, cognito:roles, cognito:preferred_role).
 */
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf, passwordSignIn } from '../fixtures/auth.js';
import { expectCognitoError } from '../fixtures/errors.js';
import { createConfirmedUser, createPoolWithClient, uniqueName, type PoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

const role = (name: string): string => `arn:aws:iam::123456789012:role/contract-test-${name}`;

describe('groups', () => {
  let app: PoolWithClient;

  beforeAll(async () => {
    app = await createPoolWithClient();
  });

  const send = target().client.send.bind(target().client);

  it('CreateGroup, GetGroup, UpdateGroup, DeleteGroup', async () => {
    const name = uniqueName('group');
    const { Group } = await send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: name, Description: 'Editors', Precedence: 3, RoleArn: role('editor') }));
    expect(Group).toMatchObject({ GroupName: name, UserPoolId: app.userPoolId, Description: 'Editors', Precedence: 3, RoleArn: role('editor') });
    expect(Group?.CreationDate).toBeInstanceOf(Date);
    await expectCognitoError(send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: name })), 'GroupExistsException');

    expect((await send(new GetGroupCommand({ UserPoolId: app.userPoolId, GroupName: name }))).Group).toMatchObject({ GroupName: name, Precedence: 3 });
    const updated = await send(new UpdateGroupCommand({ UserPoolId: app.userPoolId, GroupName: name, Description: 'Chief editors', Precedence: 1, RoleArn: role('chief') }));
    expect(updated.Group).toMatchObject({ Description: 'Chief editors', Precedence: 1, RoleArn: role('chief') });

    expect(await send(new DeleteGroupCommand({ UserPoolId: app.userPoolId, GroupName: name }))).toMatchObject({});
    await expectCognitoError(send(new GetGroupCommand({ UserPoolId: app.userPoolId, GroupName: name })), 'ResourceNotFoundException');
    await expectCognitoError(send(new DeleteGroupCommand({ UserPoolId: app.userPoolId, GroupName: name })), 'ResourceNotFoundException');
  });

  it('ListGroups pages through the groups', async () => {
    const own = await createPoolWithClient();
    const names = [uniqueName('a'), uniqueName('b'), uniqueName('c')];
    for (const name of names) await send(new CreateGroupCommand({ UserPoolId: own.userPoolId, GroupName: name }));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await send(new ListGroupsCommand({ UserPoolId: own.userPoolId, Limit: 2, NextToken: token }));
      seen.push(...(page.Groups ?? []).map((group) => group.GroupName!));
      token = page.NextToken;
      pages++;
    } while (token && pages < 10);
    expect(seen.sort()).toEqual([...names].sort());
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('membership: AdminAddUserToGroup, AdminListGroupsForUser, ListUsersInGroup, AdminRemoveUserFromGroup', async () => {
    const group = uniqueName('members');
    await send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: group }));
    const alice = await createConfirmedUser(app);
    const bob = await createConfirmedUser(app);
    for (const user of [alice, bob]) await send(new AdminAddUserToGroupCommand({ UserPoolId: app.userPoolId, Username: user.username, GroupName: group }));
    // Adding again is fine.
    await send(new AdminAddUserToGroupCommand({ UserPoolId: app.userPoolId, Username: alice.username, GroupName: group }));

    const { Users } = await send(new ListUsersInGroupCommand({ UserPoolId: app.userPoolId, GroupName: group }));
    expect(Users?.map((user) => user.Username).sort()).toEqual([alice.username, bob.username].sort());
    const { Groups } = await send(new AdminListGroupsForUserCommand({ UserPoolId: app.userPoolId, Username: alice.username }));
    expect(Groups?.map((listed) => listed.GroupName)).toEqual([group]);

    await send(new AdminRemoveUserFromGroupCommand({ UserPoolId: app.userPoolId, Username: alice.username, GroupName: group }));
    expect((await send(new AdminListGroupsForUserCommand({ UserPoolId: app.userPoolId, Username: alice.username }))).Groups).toEqual([]);
    expect((await send(new ListUsersInGroupCommand({ UserPoolId: app.userPoolId, GroupName: group }))).Users?.map((user) => user.Username)).toEqual([bob.username]);

    await expectCognitoError(send(new AdminAddUserToGroupCommand({ UserPoolId: app.userPoolId, Username: alice.username, GroupName: uniqueName('none') })), 'ResourceNotFoundException');
    await expectCognitoError(send(new AdminAddUserToGroupCommand({ UserPoolId: app.userPoolId, Username: uniqueName('nobody'), GroupName: group })), 'UserNotFoundException');
  });

  it('fresh tokens carry cognito:groups by precedence, cognito:roles and cognito:preferred_role', async () => {
    const low = uniqueName('low'); // precedence 1: first, and its role is preferred
    const high = uniqueName('high'); // precedence 5
    const none = uniqueName('none'); // no precedence: last
    await send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: high, Precedence: 5, RoleArn: role('high') }));
    await send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: none }));
    await send(new CreateGroupCommand({ UserPoolId: app.userPoolId, GroupName: low, Precedence: 1, RoleArn: role('low') }));
    const user = await createConfirmedUser(app);

    const before = await passwordSignIn(app, user.username, user.password);
    expect(claimsOf(before.IdToken)['cognito:groups']).toBeUndefined();
    expect(claimsOf(before.AccessToken)['cognito:groups']).toBeUndefined();

    for (const group of [none, high, low]) await send(new AdminAddUserToGroupCommand({ UserPoolId: app.userPoolId, Username: user.username, GroupName: group }));
    const after = await passwordSignIn(app, user.username, user.password);
    const id = claimsOf(after.IdToken);
    expect(id['cognito:groups']).toEqual([low, high, none]);
    expect([...(id['cognito:roles'] as string[])].sort()).toEqual([role('high'), role('low')].sort());
    expect(id['cognito:preferred_role']).toBe(role('low'));
    expect(claimsOf(after.AccessToken)['cognito:groups']).toEqual([low, high, none]);

    await send(new AdminRemoveUserFromGroupCommand({ UserPoolId: app.userPoolId, Username: user.username, GroupName: low }));
    const later = claimsOf((await passwordSignIn(app, user.username, user.password)).IdToken);
    expect(later['cognito:groups']).toEqual([high, none]);
    expect(later['cognito:preferred_role']).toBe(role('high'));
  });
});

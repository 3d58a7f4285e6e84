import { InitiateAuthCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createConfirmedUser, createPoolWithClient } from '../fixtures/pools.js';
import { target } from '../targets/target.js';

describe('end to end through the AWS SDK', () => {
  it('signs a confirmed user in with USER_PASSWORD_AUTH and reads them back with GetUser', async () => {
    const app = await createPoolWithClient();
    const user = await createConfirmedUser(app);
    const { AuthenticationResult } = await target().client.send(
      new InitiateAuthCommand({ ClientId: app.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.username, PASSWORD: user.password } }),
    );
    const me = await target().client.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken }));
    expect(me.Username).toBe(user.username);
    expect(me.UserAttributes?.[0]).toEqual({ Name: 'sub', Value: user.sub });
  });
});

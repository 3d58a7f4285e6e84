import { Type } from '@sinclair/typebox';
import { requireUserPool } from '../domain/lookups.js';
import { checkPasswordPolicy } from '../domain/password-policy.js';
import { requireUserBySignInName } from '../domain/sign-in-names.js';
import { passwordPolicyOf } from '../domain/user-pool-settings.js';
import { createCredentials } from '../passwords/credentials.js';
import { defineOperation } from '../protocol/operation.js';
import { Password, UserPoolId, Username } from '../protocol/shapes.js';

/**
 * AdminSetUserPassword: Permanent=true makes the user CONFIRMED (an UNCONFIRMED user too: they can sign
 * in at once); Permanent=false (the default) sets a temporary password, status FORCE_CHANGE_PASSWORD,
 * so the next sign-in answers NEW_PASSWORD_REQUIRED. Tokens already issued stay valid.
 */
export const AdminSetUserPassword = defineOperation({
  name: 'AdminSetUserPassword',
  input: Type.Object({ UserPoolId, Username, Password, Permanent: Type.Optional(Type.Boolean()) }),
  async run(ctx, input) {
    const pool = requireUserPool(ctx.store, input.UserPoolId);
    const user = requireUserBySignInName(ctx.store, pool, input.Username);
    checkPasswordPolicy(input.Password, passwordPolicyOf(pool.settings));
    const credentials = await createCredentials(ctx.passwords, pool.id, user.username, input.Password);
    ctx.store.users.setPassword(user.id, credentials, input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD', ctx.clock.now());
    return {};
  },
});

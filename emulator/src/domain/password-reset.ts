/**
 * Password-reset codes (ForgotPassword, AdminResetUserPassword): where they go and how long they last.
 * The code is redeemed by ConfirmForgotPassword.
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';
import type { OperationContext } from '../protocol/operation.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { issueCode } from './confirmation-codes.js';

/**
 * One hour, as the docs say for the console's reset; assumed the same for ForgotPassword
 * (shared/cognito-facts.md §7.6, [unsure]).
 */
export const passwordResetCodeLifetimeMs = 60 * 60 * 1000;

/**
 * The verified address a reset code goes to: the pool's AccountRecoverySetting in priority order, or,
 * without one, Cognito's legacy order (verified phone first, then email). `admin_only` allows none.
 */
export function recoveryAttribute(pool: UserPoolRecord, user: UserRecord): 'email' | 'phone_number' | undefined {
  const mechanisms = pool.settings.AccountRecoverySetting?.RecoveryMechanisms;
  const order = mechanisms?.length
    ? [...mechanisms].sort((a, b) => (a.Priority ?? 0) - (b.Priority ?? 0)).map((mechanism) => mechanism.Name)
    : ['verified_phone_number', 'verified_email'];
  for (const mechanism of order) {
    if (mechanism === 'admin_only') return undefined;
    const attribute = mechanism === 'verified_email' ? 'email' : 'phone_number';
    if (user.attributes[attribute] && user.attributes[`${attribute}_verified`] === 'true') return attribute;
  }
  return undefined;
}

export const noRecoveryAddress = (): never =>
  fail('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number');

/** Issues a FORGOT_PASSWORD code to the user's recovery address. Call inside the write's transaction. */
export function sendPasswordResetCode(ctx: OperationContext, pool: UserPoolRecord, user: UserRecord, now: number): CodeDeliveryDetailsType {
  const attributeName = recoveryAttribute(pool, user) ?? noRecoveryAddress();
  const code = issueCode(ctx.store, user, 'FORGOT_PASSWORD', now, passwordResetCodeLifetimeMs);
  return ctx.outbox.send({ user, kind: 'FORGOT_PASSWORD', attributeName, code });
}

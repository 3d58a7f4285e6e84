/** The AuthFlow values of the model, and the checks shared by InitiateAuth and AdminInitiateAuth. */
import { Type } from '@sinclair/typebox';
import { isAuthFlowEnabled, type AuthFlowName } from '../domain/app-client-settings.js';
import { fail } from '../errors.js';
import type { AppClientRecord } from '../store/app-clients.js';

export const AuthFlow = Type.Union(
  (
    [
      'USER_SRP_AUTH',
      'REFRESH_TOKEN_AUTH',
      'REFRESH_TOKEN',
      'CUSTOM_AUTH',
      'ADMIN_NO_SRP_AUTH',
      'USER_PASSWORD_AUTH',
      'ADMIN_USER_PASSWORD_AUTH',
      'USER_AUTH',
    ] as const
  ).map((flow) => Type.Literal(flow)),
);

/** Cognito's wording differs per flow when the client has not enabled it. */
export function requireFlowEnabled(client: AppClientRecord, flow: AuthFlowName): void {
  if (isAuthFlowEnabled(client.settings, flow)) return;
  if (flow === 'USER_PASSWORD_AUTH') fail('InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client');
  if (flow === 'USER_SRP_AUTH') fail('InvalidParameterException', 'USER_SRP_AUTH is not enabled for the client.');
  fail('InvalidParameterException', 'Auth flow not enabled for this client');
}

/** Flows that need Lambda triggers or features the emulator does not run yet. */
export function unsupportedFlow(client: AppClientRecord, flow: 'CUSTOM_AUTH' | 'USER_AUTH'): never {
  requireFlowEnabled(client, flow);
  if (flow === 'CUSTOM_AUTH') fail('NotAuthorizedException', 'Custom auth lambda trigger is not configured for the user pool.');
  return fail('InvalidParameterException', 'USER_AUTH (choice-based sign-in) is not supported by cognito-emulator yet.');
}

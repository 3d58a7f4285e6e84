/**
 * What an app client remembers of its CreateUserPoolClient request, with Cognito's defaults, and the
 * rules read from it: enabled auth flows and token lifetimes.
 */
import type { CreateUserPoolClientRequest, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { fail } from '../errors.js';

export type AppClientSettings = Omit<
  UserPoolClientType,
  'UserPoolId' | 'ClientName' | 'ClientId' | 'ClientSecret' | 'CreationDate' | 'LastModifiedDate'
>;

/** Cognito enables these when a client names no flows: SRP, refresh and custom auth, not plain passwords. */
export const defaultExplicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'] as const;
const legacyFlows = new Set(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH']);

type ValidityUnit = 'seconds' | 'minutes' | 'hours' | 'days';
const secondsPer: Record<ValidityUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export function settingsFromCreateRequest(request: CreateUserPoolClientRequest): AppClientSettings {
  const { UserPoolId: _pool, ClientName: _name, GenerateSecret: _generate, ClientSecret: _secret, ...rest } = request;
  const flows = rest.ExplicitAuthFlows?.length ? rest.ExplicitAuthFlows : [...defaultExplicitAuthFlows];
  const usesLegacy = flows.some((flow) => legacyFlows.has(flow));
  if (usesLegacy && flows.some((flow) => flow.startsWith('ALLOW_'))) {
    fail('InvalidParameterException', 'The combination of legacy and new auth flows is not allowed.'); // wording invented
  }
  const settings: AppClientSettings = {
    ...rest,
    RefreshTokenValidity: rest.RefreshTokenValidity || 30,
    ExplicitAuthFlows: flows,
    AllowedOAuthFlowsUserPoolClient: rest.AllowedOAuthFlowsUserPoolClient ?? false,
    PreventUserExistenceErrors: rest.PreventUserExistenceErrors ?? 'LEGACY',
    EnableTokenRevocation: rest.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: rest.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: rest.AuthSessionValidity ?? 3,
  };
  checkTokenValidityRanges(settings);
  return settings;
}

/** The lifetimes Cognito allows, counted in the client's units: access and ID 5 min..1 day, refresh 60 min..10 years. */
function checkTokenValidityRanges(settings: AppClientSettings): void {
  const { access, id, refresh } = tokenLifetimesInSeconds(settings);
  if (access < 300 || access > 86400) fail('InvalidParameterException', 'Invalid range for token validity.'); // wording invented
  if (id < 300 || id > 86400) fail('InvalidParameterException', 'Invalid range for token validity.');
  if (refresh < 3600 || refresh > 315360000) fail('InvalidParameterException', 'Invalid range for token validity.');
}

/** Token lifetimes in seconds. Defaults: access and ID 60 minutes, refresh 30 days; units default to hours, hours, days. */
export function tokenLifetimesInSeconds(settings: AppClientSettings): { access: number; id: number; refresh: number } {
  const units = settings.TokenValidityUnits ?? {};
  const inSeconds = (value: number | undefined, unit: string | undefined, defaultUnit: ValidityUnit, defaultSeconds: number): number =>
    value ? value * secondsPer[(unit as ValidityUnit | undefined) ?? defaultUnit] : defaultSeconds;
  return {
    access: inSeconds(settings.AccessTokenValidity, units.AccessToken, 'hours', 3600),
    id: inSeconds(settings.IdTokenValidity, units.IdToken, 'hours', 3600),
    refresh: inSeconds(settings.RefreshTokenValidity, units.RefreshToken, 'days', 30 * 86400),
  };
}

export type AuthFlowName =
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'USER_SRP_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'REFRESH_TOKEN'
  | 'CUSTOM_AUTH'
  | 'USER_AUTH';

/** Whether the client's ExplicitAuthFlows allow `flow`. With legacy values SRP and refresh are always allowed. */
export function isAuthFlowEnabled(settings: AppClientSettings, flow: AuthFlowName): boolean {
  const flows = new Set(settings.ExplicitAuthFlows ?? defaultExplicitAuthFlows);
  const legacy = [...flows].some((value) => legacyFlows.has(value));
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return flows.has('ALLOW_USER_PASSWORD_AUTH') || flows.has('USER_PASSWORD_AUTH');
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return flows.has('ALLOW_ADMIN_USER_PASSWORD_AUTH') || flows.has('ADMIN_NO_SRP_AUTH');
    case 'USER_SRP_AUTH':
      return flows.has('ALLOW_USER_SRP_AUTH') || (legacy && !flows.has('CUSTOM_AUTH_FLOW_ONLY'));
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return flows.has('ALLOW_REFRESH_TOKEN_AUTH') || legacy;
    case 'CUSTOM_AUTH':
      return flows.has('ALLOW_CUSTOM_AUTH') || flows.has('CUSTOM_AUTH_FLOW_ONLY');
    case 'USER_AUTH':
      return flows.has('ALLOW_USER_AUTH');
  }
}

export const hidesUserExistence = (settings: AppClientSettings): boolean => settings.PreventUserExistenceErrors === 'ENABLED';

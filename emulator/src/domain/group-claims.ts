/**
 * The group claims of tokens: `cognito:groups` (ID and access tokens) lists the user's groups by
 * precedence, lowest value first, groups without a precedence last; `cognito:roles` (ID token) every
 * distinct role ARN of those groups; `cognito:preferred_role` the role of the group with the lowest
 * precedence. When several groups share that lowest precedence with different roles there is no preferred
 * role. https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-user-groups.html
 * Claims are left out entirely for a user in no group, as Cognito does.
 */
import type { GroupRecord } from '../store/groups.js';

export interface GroupClaims {
  readonly 'cognito:groups'?: string[];
  readonly 'cognito:roles'?: string[];
  readonly 'cognito:preferred_role'?: string;
}

/** `groups` must already be in claim order (GroupTable.allForUser). */
export function groupClaims(groups: readonly GroupRecord[]): { id: GroupClaims; access: GroupClaims } {
  if (groups.length === 0) return { id: {}, access: {} };
  const names = groups.map((group) => group.name);
  const roles = [...new Set(groups.flatMap((group) => (group.roleArn ? [group.roleArn] : [])))];
  const preferredRole = preferredRoleOf(groups);
  return {
    id: {
      'cognito:groups': names,
      ...(roles.length > 0 && { 'cognito:roles': roles }),
      ...(preferredRole !== undefined && { 'cognito:preferred_role': preferredRole }),
    },
    access: { 'cognito:groups': names },
  };
}

function preferredRoleOf(groups: readonly GroupRecord[]): string | undefined {
  const withRoles = groups.filter((group) => group.roleArn);
  if (withRoles.length === 0) return undefined;
  const rank = (group: GroupRecord): number => group.precedence ?? Number.POSITIVE_INFINITY;
  const lowest = Math.min(...withRoles.map(rank));
  const candidates = new Set(withRoles.filter((group) => rank(group) === lowest).map((group) => group.roleArn));
  return candidates.size === 1 ? [...candidates][0] : undefined;
}

/** Wire shapes shared by several operations: timestamps as epoch seconds, the pool and client types. */
import type { AppClientRecord } from '../store/app-clients.js';
import type { UserPoolRecord } from '../store/user-pools.js';
import type { UserRecord } from '../store/users.js';
import { attributesToWire } from './attributes.js';
import { userPoolArn } from './ids.js';

/** AWS JSON sends timestamps as epoch seconds, with a fraction. */
export const wireTime = (epochMs: number): number => epochMs / 1000;

export function userPoolToWire(pool: UserPoolRecord, region: string, accountId: string, estimatedNumberOfUsers: number): object {
  return {
    Id: pool.id,
    Name: pool.name,
    ...pool.settings,
    LastModifiedDate: wireTime(pool.updatedAt),
    CreationDate: wireTime(pool.createdAt),
    EstimatedNumberOfUsers: estimatedNumberOfUsers,
    Arn: userPoolArn(region, accountId, pool.id),
  };
}

export function appClientToWire(client: AppClientRecord): object {
  return {
    UserPoolId: client.userPoolId,
    ClientName: client.name,
    ClientId: client.id,
    ...(client.secret !== undefined && { ClientSecret: client.secret }),
    LastModifiedDate: wireTime(client.updatedAt),
    CreationDate: wireTime(client.createdAt),
    ...client.settings,
  };
}

/** UserType (ListUsers, AdminCreateUser) names the list `Attributes`; AdminGetUser calls it `UserAttributes`. */
export function userToWire(user: UserRecord): object {
  return {
    Username: user.username,
    Attributes: attributesToWire(user.sub, user.attributes),
    UserCreateDate: wireTime(user.createdAt),
    UserLastModifiedDate: wireTime(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

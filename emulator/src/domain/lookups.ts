/** Finding the pool and app client an operation names, with Cognito's not-found answers. */
import { fail } from '../errors.js';
import type { AppClientRecord } from '../store/app-clients.js';
import type { Store } from '../store/store.js';
import type { UserPoolRecord } from '../store/user-pools.js';

export function requireUserPool(store: Store, userPoolId: string): UserPoolRecord {
  return store.userPools.find(userPoolId) ?? fail('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
}

/** The client and its pool; for Admin operations the client must belong to the pool named. */
export function requireAppClient(store: Store, clientId: string, userPoolId?: string): { client: AppClientRecord; pool: UserPoolRecord } {
  const namedPool = userPoolId === undefined ? undefined : requireUserPool(store, userPoolId);
  const client = store.appClients.find(clientId);
  if (!client || (userPoolId !== undefined && client.userPoolId !== userPoolId)) {
    fail('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
  }
  return { client, pool: namedPool ?? requireUserPool(store, client.userPoolId) };
}

/** Finding groups with Cognito's not-found answer, and the GroupType wire shape. */
import { fail } from '../errors.js';
import type { GroupRecord } from '../store/groups.js';
import type { Store } from '../store/store.js';
import { wireTime } from './wire.js';

export function requireGroup(store: Store, userPoolId: string, groupName: string): GroupRecord {
  return store.groups.find(userPoolId, groupName) ?? fail('ResourceNotFoundException', 'Group not found.'); // wording [unsure]
}

export function groupToWire(group: GroupRecord): object {
  return {
    GroupName: group.name,
    UserPoolId: group.userPoolId,
    ...(group.description !== undefined && { Description: group.description }),
    ...(group.roleArn !== undefined && { RoleArn: group.roleArn }),
    ...(group.precedence !== undefined && { Precedence: group.precedence }),
    LastModifiedDate: wireTime(group.updatedAt),
    CreationDate: wireTime(group.createdAt),
  };
}

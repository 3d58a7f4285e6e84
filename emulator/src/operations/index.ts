/** The registry: every implemented operation, by its AWS name. Add a new operation here (see emulator/README.md). */
import type { Operation } from '../protocol/operation.js';
import { AddCustomAttributes } from './add-custom-attributes.js';
import { AdminAddUserToGroup } from './admin-add-user-to-group.js';
import { AdminConfirmSignUp } from './admin-confirm-sign-up.js';
import { AdminCreateUser } from './admin-create-user.js';
import { AdminDeleteUser } from './admin-delete-user.js';
import { AdminDeleteUserAttributes } from './admin-delete-user-attributes.js';
import { AdminDisableUser } from './admin-disable-user.js';
import { AdminEnableUser } from './admin-enable-user.js';
import { AdminGetUser } from './admin-get-user.js';
import { AdminInitiateAuth } from './admin-initiate-auth.js';
import { AdminListGroupsForUser } from './admin-list-groups-for-user.js';
import { AdminRemoveUserFromGroup } from './admin-remove-user-from-group.js';
import { AdminResetUserPassword } from './admin-reset-user-password.js';
import { AdminRespondToAuthChallenge } from './admin-respond-to-auth-challenge.js';
import { AdminSetUserPassword } from './admin-set-user-password.js';
import { AdminUpdateUserAttributes } from './admin-update-user-attributes.js';
import { AdminUserGlobalSignOut } from './admin-user-global-sign-out.js';
import { ChangePassword } from './change-password.js';
import { ConfirmForgotPassword } from './confirm-forgot-password.js';
import { ConfirmSignUp } from './confirm-sign-up.js';
import { CreateGroup } from './create-group.js';
import { CreateUserPool } from './create-user-pool.js';
import { CreateUserPoolClient } from './create-user-pool-client.js';
import { DeleteGroup } from './delete-group.js';
import { DeleteUser } from './delete-user.js';
import { DeleteUserAttributes } from './delete-user-attributes.js';
import { DeleteUserPool } from './delete-user-pool.js';
import { DeleteUserPoolClient } from './delete-user-pool-client.js';
import { DescribeUserPool } from './describe-user-pool.js';
import { DescribeUserPoolClient } from './describe-user-pool-client.js';
import { ForgotPassword } from './forgot-password.js';
import { GetGroup } from './get-group.js';
import { GetTokensFromRefreshToken } from './get-tokens-from-refresh-token.js';
import { GetUser } from './get-user.js';
import { GetUserAttributeVerificationCode } from './get-user-attribute-verification-code.js';
import { GlobalSignOut } from './global-sign-out.js';
import { InitiateAuth } from './initiate-auth.js';
import { ListGroups } from './list-groups.js';
import { ListUserPoolClients } from './list-user-pool-clients.js';
import { ListUserPools } from './list-user-pools.js';
import { ListUsers } from './list-users.js';
import { ListUsersInGroup } from './list-users-in-group.js';
import { ResendConfirmationCode } from './resend-confirmation-code.js';
import { RespondToAuthChallenge } from './respond-to-auth-challenge.js';
import { RevokeToken } from './revoke-token.js';
import { SignUp } from './sign-up.js';
import { UpdateGroup } from './update-group.js';
import { UpdateUserAttributes } from './update-user-attributes.js';
import { UpdateUserPool } from './update-user-pool.js';
import { UpdateUserPoolClient } from './update-user-pool-client.js';
import { VerifyUserAttribute } from './verify-user-attribute.js';

const all: readonly Operation[] = [
  AddCustomAttributes,
  AdminAddUserToGroup,
  AdminConfirmSignUp,
  AdminCreateUser,
  AdminDeleteUser,
  AdminDeleteUserAttributes,
  AdminDisableUser,
  AdminEnableUser,
  AdminGetUser,
  AdminInitiateAuth,
  AdminListGroupsForUser,
  AdminRemoveUserFromGroup,
  AdminResetUserPassword,
  AdminRespondToAuthChallenge,
  AdminSetUserPassword,
  AdminUpdateUserAttributes,
  AdminUserGlobalSignOut,
  ChangePassword,
  ConfirmForgotPassword,
  ConfirmSignUp,
  CreateGroup,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteGroup,
  DeleteUser,
  DeleteUserAttributes,
  DeleteUserPool,
  DeleteUserPoolClient,
  DescribeUserPool,
  DescribeUserPoolClient,
  ForgotPassword,
  GetGroup,
  GetTokensFromRefreshToken,
  GetUser,
  GetUserAttributeVerificationCode,
  GlobalSignOut,
  InitiateAuth,
  ListGroups,
  ListUserPoolClients,
  ListUserPools,
  ListUsers,
  ListUsersInGroup,
  ResendConfirmationCode,
  RespondToAuthChallenge,
  RevokeToken,
  SignUp,
  UpdateGroup,
  UpdateUserAttributes,
  UpdateUserPool,
  UpdateUserPoolClient,
  VerifyUserAttribute,
] as Operation[];

export const operations: ReadonlyMap<string, Operation> = new Map(all.map((operation) => [operation.name, operation]));

/** The registry: every implemented operation, by its AWS name. Add a new operation here (see emulator/README.md). */
import type { Operation } from '../protocol/operation.js';
import { AdminConfirmSignUp } from './admin-confirm-sign-up.js';
import { AdminGetUser } from './admin-get-user.js';
import { AdminInitiateAuth } from './admin-initiate-auth.js';
import { ConfirmSignUp } from './confirm-sign-up.js';
import { CreateUserPool } from './create-user-pool.js';
import { CreateUserPoolClient } from './create-user-pool-client.js';
import { DeleteUserPool } from './delete-user-pool.js';
import { DescribeUserPool } from './describe-user-pool.js';
import { DescribeUserPoolClient } from './describe-user-pool-client.js';
import { GetTokensFromRefreshToken } from './get-tokens-from-refresh-token.js';
import { GetUser } from './get-user.js';
import { InitiateAuth } from './initiate-auth.js';
import { ListUserPoolClients } from './list-user-pool-clients.js';
import { ListUserPools } from './list-user-pools.js';
import { ResendConfirmationCode } from './resend-confirmation-code.js';
import { SignUp } from './sign-up.js';

const all: readonly Operation[] = [
  AdminConfirmSignUp,
  AdminGetUser,
  AdminInitiateAuth,
  ConfirmSignUp,
  CreateUserPool,
  CreateUserPoolClient,
  DeleteUserPool,
  DescribeUserPool,
  DescribeUserPoolClient,
  GetTokensFromRefreshToken,
  GetUser,
  InitiateAuth,
  ListUserPoolClients,
  ListUserPools,
  ResendConfirmationCode,
  SignUp,
] as Operation[];

export const operations: ReadonlyMap<string, Operation> = new Map(all.map((operation) => [operation.name, operation]));

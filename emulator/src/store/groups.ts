import type { SqliteDatabase } from './database.js';

export interface GroupRecord {
  readonly userPoolId: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly roleArn: string | undefined;
  readonly precedence: number | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface Row {
  user_pool_id: string;
  name: string;
  description: string | null;
  role_arn: string | null;
  precedence: number | null;
  created_at: number;
  updated_at: number;
}

const fromRow = (row: Row): GroupRecord => ({
  userPoolId: row.user_pool_id,
  name: row.name,
  description: row.description ?? undefined,
  roleArn: row.role_arn ?? undefined,
  precedence: row.precedence ?? undefined,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

interface PageParameters {
  pool: string;
  after: number;
  createdAt: number;
  name: string;
  limit: number;
}

/** Groups (`groups`) and who is in them (`group_members`). Pages run in creation order over (created_at, name). */
export class GroupTable {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly updateStatement;
  private readonly deleteStatement;
  private readonly pageStatement;
  private readonly addMemberStatement;
  private readonly removeMemberStatement;
  private readonly pageForUserStatement;
  private readonly allForUserStatement;
  private readonly pageMembersStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare(
      `INSERT INTO groups (user_pool_id, name, description, role_arn, precedence, created_at, updated_at)
       VALUES (@userPoolId, @name, @description, @roleArn, @precedence, @createdAt, @updatedAt)`,
    );
    this.findStatement = db.prepare<[string, string], Row>('SELECT * FROM groups WHERE user_pool_id = ? AND name = ?');
    this.updateStatement = db.prepare(
      `UPDATE groups SET description = @description, role_arn = @roleArn, precedence = @precedence, updated_at = @updatedAt
       WHERE user_pool_id = @userPoolId AND name = @name`,
    );
    this.deleteStatement = db.prepare<[string, string]>('DELETE FROM groups WHERE user_pool_id = ? AND name = ?');
    this.pageStatement = db.prepare<[PageParameters], Row>(
      `SELECT * FROM groups WHERE user_pool_id = @pool AND (@after = 0 OR (created_at, name) > (@createdAt, @name))
       ORDER BY created_at, name LIMIT @limit`,
    );
    this.addMemberStatement = db.prepare<[string, string, number, number]>(
      'INSERT INTO group_members (user_pool_id, group_name, user_id, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.removeMemberStatement = db.prepare<[string, string, number]>(
      'DELETE FROM group_members WHERE user_pool_id = ? AND group_name = ? AND user_id = ?',
    );
    this.pageForUserStatement = db.prepare<[PageParameters & { user: number }], Row>(
      `SELECT groups.* FROM group_members JOIN groups
         ON groups.user_pool_id = group_members.user_pool_id AND groups.name = group_members.group_name
       WHERE group_members.user_id = @user AND (@after = 0 OR (groups.created_at, groups.name) > (@createdAt, @name))
       ORDER BY groups.created_at, groups.name LIMIT @limit`,
    );
    // Token claims list groups by precedence (lowest first); groups without one come last.
    this.allForUserStatement = db.prepare<[number], Row>(
      `SELECT groups.* FROM group_members JOIN groups
         ON groups.user_pool_id = group_members.user_pool_id AND groups.name = group_members.group_name
       WHERE group_members.user_id = ?
       ORDER BY groups.precedence IS NULL, groups.precedence, groups.created_at, groups.name`,
    );
    this.pageMembersStatement = db.prepare<[{ pool: string; group: string; after: number; limit: number }], { user_id: number }>(
      `SELECT user_id FROM group_members WHERE user_pool_id = @pool AND group_name = @group AND user_id > @after
       ORDER BY user_id LIMIT @limit`,
    );
  }

  /** Inserts the group; throws a uniqueness violation when the pool already has one of that name. */
  insert(group: GroupRecord): void {
    this.insertStatement.run({ ...group, description: group.description ?? null, roleArn: group.roleArn ?? null, precedence: group.precedence ?? null });
  }

  find(userPoolId: string, name: string): GroupRecord | undefined {
    const row = this.findStatement.get(userPoolId, name);
    return row && fromRow(row);
  }

  update(group: GroupRecord): void {
    this.updateStatement.run({
      userPoolId: group.userPoolId,
      name: group.name,
      description: group.description ?? null,
      roleArn: group.roleArn ?? null,
      precedence: group.precedence ?? null,
      updatedAt: group.updatedAt,
    });
  }

  /** Deletes the group and its memberships; false when there was no such group. */
  delete(userPoolId: string, name: string): boolean {
    return this.deleteStatement.run(userPoolId, name).changes > 0;
  }

  page(userPoolId: string, after: { createdAt: number; id: string } | undefined, limit: number): GroupRecord[] {
    return this.pageStatement.all({ pool: userPoolId, ...position(after), limit }).map(fromRow);
  }

  addMember(userPoolId: string, groupName: string, userId: number, now: number): void {
    this.addMemberStatement.run(userPoolId, groupName, userId, now);
  }

  removeMember(userPoolId: string, groupName: string, userId: number): void {
    this.removeMemberStatement.run(userPoolId, groupName, userId);
  }

  pageForUser(userId: number, after: { createdAt: number; id: string } | undefined, limit: number): GroupRecord[] {
    return this.pageForUserStatement.all({ user: userId, pool: '', ...position(after), limit }).map(fromRow);
  }

  /** Every group of the user, by precedence: the order of the `cognito:groups` claim. */
  allForUser(userId: number): GroupRecord[] {
    return this.allForUserStatement.all(userId).map(fromRow);
  }

  /** Ids of the group's members in id order, after `afterUserId`. */
  pageMemberIds(userPoolId: string, groupName: string, afterUserId: number, limit: number): number[] {
    return this.pageMembersStatement.all({ pool: userPoolId, group: groupName, after: afterUserId, limit }).map((row) => row.user_id);
  }
}

const position = (after: { createdAt: number; id: string } | undefined) => ({
  after: after ? 1 : 0,
  createdAt: after?.createdAt ?? 0,
  name: after?.id ?? '',
});

import type { SqliteDatabase } from './database.js';

export type MessageKind = 'SIGN_UP' | 'RESEND' | 'FORGOT_PASSWORD' | 'ADMIN_CREATE_USER' | 'VERIFY_ATTRIBUTE' | 'MFA';
export type DeliveryMedium = 'EMAIL' | 'SMS';

export interface MessageRecord {
  readonly userPoolId: string;
  readonly username: string;
  /** The real, unmasked address the message would have gone to. */
  readonly destination: string;
  readonly deliveryMedium: DeliveryMedium;
  readonly kind: MessageKind;
  readonly code: string | undefined;
  readonly createdAt: number;
}

interface Row {
  user_pool_id: string;
  username: string;
  destination: string;
  delivery_medium: DeliveryMedium;
  kind: MessageKind;
  code: string | null;
  created_at: number;
}

const fromRow = (row: Row): MessageRecord => ({
  userPoolId: row.user_pool_id,
  username: row.username,
  destination: row.destination,
  deliveryMedium: row.delivery_medium,
  kind: row.kind,
  code: row.code ?? undefined,
  createdAt: row.created_at,
});

export class MessageTable {
  private readonly insertStatement;
  private readonly forPoolStatement;
  private readonly forRecipientStatement;
  private readonly deleteForPoolStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string, string, string | null, number]>(
      'INSERT INTO messages (user_pool_id, username, destination, delivery_medium, kind, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.forPoolStatement = db.prepare<[string], Row>('SELECT * FROM messages WHERE user_pool_id = ? ORDER BY id');
    this.forRecipientStatement = db.prepare<[{ pool: string; recipient: string }], Row>(
      'SELECT * FROM messages WHERE user_pool_id = @pool AND (username = @recipient OR destination = @recipient) ORDER BY id',
    );
    this.deleteForPoolStatement = db.prepare<[string]>('DELETE FROM messages WHERE user_pool_id = ?');
  }

  insert(message: MessageRecord): void {
    this.insertStatement.run(
      message.userPoolId,
      message.username,
      message.destination,
      message.deliveryMedium,
      message.kind,
      message.code ?? null,
      message.createdAt,
    );
  }

  /** Empties the pool's outbox (per-pool reset). */
  deleteForPool(userPoolId: string): void {
    this.deleteForPoolStatement.run(userPoolId);
  }

  /** Oldest first. `recipient` matches the username or the address the message went to. */
  list(userPoolId: string, recipient: string | undefined): MessageRecord[] {
    return (recipient === undefined ? this.forPoolStatement.all(userPoolId) : this.forRecipientStatement.all({ pool: userPoolId, recipient })).map(fromRow);
  }
}

import type { SqliteDatabase } from './database.js';
import type { JWK } from 'jose';

export type TokenUse = 'id' | 'access';

export interface SigningKeyRecord {
  readonly kid: string;
  readonly userPoolId: string;
  readonly tokenUse: TokenUse;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly createdAt: number;
}

interface Row {
  kid: string;
  user_pool_id: string;
  token_use: TokenUse;
  private_jwk: string;
  public_jwk: string;
  created_at: number;
}

const fromRow = (row: Row): SigningKeyRecord => ({
  kid: row.kid,
  userPoolId: row.user_pool_id,
  tokenUse: row.token_use,
  privateJwk: JSON.parse(row.private_jwk) as JWK,
  publicJwk: JSON.parse(row.public_jwk) as JWK,
  createdAt: row.created_at,
});

export class SigningKeyTable {
  private readonly insertStatement;
  private readonly byPoolStatement;
  private readonly byKidStatement;

  constructor(db: SqliteDatabase) {
    this.insertStatement = db.prepare<[string, string, string, string, string, number]>(
      'INSERT INTO signing_keys (kid, user_pool_id, token_use, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byPoolStatement = db.prepare<[string], Row>('SELECT * FROM signing_keys WHERE user_pool_id = ? ORDER BY token_use, created_at');
    this.byKidStatement = db.prepare<[string], Row>('SELECT * FROM signing_keys WHERE kid = ?');
  }

  insert(key: SigningKeyRecord): void {
    this.insertStatement.run(key.kid, key.userPoolId, key.tokenUse, JSON.stringify(key.privateJwk), JSON.stringify(key.publicJwk), key.createdAt);
  }

  forPool(userPoolId: string): SigningKeyRecord[] {
    return this.byPoolStatement.all(userPoolId).map(fromRow);
  }

  find(kid: string): SigningKeyRecord | undefined {
    const row = this.byKidStatement.get(kid);
    return row && fromRow(row);
  }
}

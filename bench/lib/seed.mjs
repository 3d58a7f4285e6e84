/**
 * The fast way to grow a pool for the growth scenario: with the emulator stopped, copy a confirmed user
 * that SignUp created (same password hash, so seeded users can sign in with the bench password) into
 * `count` users `seed-0` .. `seed-<count-1>`, each with its own username and sub, in one transaction.
 * The rows are what SignUp writes, and go through the same indexes; only argon2 hashing (which would make
 * 100,000 sign-ups take minutes) is skipped. Columns are read from the table, so added columns follow.
 * `npm run bench -- --seed api` grows the pool through SignUp instead.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

export function seedUsersWithSql(file, poolId, templateUsername, count) {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    const template = db.prepare('SELECT * FROM users WHERE user_pool_id = ? AND username = ?').get(poolId, templateUsername);
    if (!template) throw new Error(`template user ${templateUsername} not found`);
    if (template.status !== 'CONFIRMED') throw new Error(`template user is ${template.status}`);
    const columns = Object.keys(template).filter((column) => column !== 'id');
    const insert = db.prepare(`INSERT INTO users (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    db.transaction(() => {
      for (let n = 0; n < count; n++) {
        const username = `seed-${n}`;
        const row = { ...template, username, username_key: username, sub: randomUUID() };
        delete row.id;
        insert.run(row);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { getConfig } from '@/lib/config';
import * as schema from './schema';

/** The app's own database (staff audit log). Created on first use; SQLite file by default. */
const DDL = `
CREATE TABLE IF NOT EXISTS audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  staff_name TEXT,
  customer_id TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_events_customer_idx ON audit_events (customer_id, id);
CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
`;

let database: BetterSQLite3Database<typeof schema> | undefined;

export function appDatabase(): BetterSQLite3Database<typeof schema> {
  if (database) return database;
  const dir = path.resolve(getConfig().APP_DATA_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const sqlite = new Database(path.join(dir, 'app.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec(DDL);
  database = drizzle(sqlite, { schema });
  return database;
}

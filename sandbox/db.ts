import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoredProfile } from './profile/shape';

export type SandboxDb = Database.Database;

export type CustomerRow = { id: string; passwordHash: string; profile: StoredProfile };
export type StaffAccount = {
  id: string;
  email: string;
  name: string;
  givenName: string;
  familyName: string;
  passwordHash: string;
};

export function openDb(dataDir: string): SandboxDb {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'sandbox.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS customers (
      id TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      profile TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS staff (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      given_name TEXT NOT NULL,
      family_name TEXT NOT NULL,
      password_hash TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS oidc_models (
      model TEXT NOT NULL,
      id TEXT NOT NULL,
      payload TEXT NOT NULL,
      grant_id TEXT,
      user_code TEXT,
      uid TEXT,
      expires_at INTEGER,
      PRIMARY KEY (model, id)
    );
    CREATE INDEX IF NOT EXISTS oidc_models_grant ON oidc_models (grant_id);
    CREATE INDEX IF NOT EXISTS oidc_models_uid ON oidc_models (uid);
  `);
  return db;
}

type RawCustomer = { id: string; password_hash: string; profile: string };

function toCustomer(row: RawCustomer): CustomerRow {
  return { id: row.id, passwordHash: row.password_hash, profile: JSON.parse(row.profile) as StoredProfile };
}

export function getCustomer(db: SandboxDb, id: string): CustomerRow | undefined {
  const row = db.prepare('SELECT id, password_hash, profile FROM customers WHERE id = ?').get(id) as RawCustomer | undefined;
  return row && toCustomer(row);
}

export function listCustomers(db: SandboxDb): CustomerRow[] {
  const rows = db.prepare('SELECT id, password_hash, profile FROM customers').all() as RawCustomer[];
  return rows.map(toCustomer).sort((a, b) => compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Customers sign in with their profile email, compared case-insensitively. */
export function findCustomerByEmail(db: SandboxDb, email: string): CustomerRow | undefined {
  const wanted = email.trim().toLowerCase();
  if (!wanted) return undefined;
  return listCustomers(db).find((row) => typeof row.profile.email === 'string' && row.profile.email.trim().toLowerCase() === wanted);
}

export function saveCustomerProfile(db: SandboxDb, id: string, profile: StoredProfile): void {
  db.prepare('UPDATE customers SET profile = ? WHERE id = ?').run(JSON.stringify(profile), id);
}

export function insertCustomer(db: SandboxDb, row: CustomerRow): void {
  db.prepare('INSERT INTO customers (id, password_hash, profile) VALUES (?, ?, ?)').run(
    row.id,
    row.passwordHash,
    JSON.stringify(row.profile),
  );
}

type RawStaff = { id: string; email: string; name: string; given_name: string; family_name: string; password_hash: string };

function toStaff(row: RawStaff): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    givenName: row.given_name,
    familyName: row.family_name,
    passwordHash: row.password_hash,
  };
}

export function getStaff(db: SandboxDb, id: string): StaffAccount | undefined {
  const row = db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as RawStaff | undefined;
  return row && toStaff(row);
}

export function findStaffByEmail(db: SandboxDb, email: string): StaffAccount | undefined {
  const row = db.prepare('SELECT * FROM staff WHERE lower(email) = ?').get(email.trim().toLowerCase()) as RawStaff | undefined;
  return row && toStaff(row);
}

export function insertStaff(db: SandboxDb, staff: StaffAccount): void {
  db.prepare(
    'INSERT INTO staff (id, email, name, given_name, family_name, password_hash) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(staff.id, staff.email, staff.name, staff.givenName, staff.familyName, staff.passwordHash);
}

export function countCustomers(db: SandboxDb): number {
  return (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
}

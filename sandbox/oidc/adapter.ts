import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { SandboxDb } from '../db';

/**
 * oidc-provider storage in the sandbox's SQLite file, so sessions, grants and refresh tokens
 * survive a restart like the signing keys do. Both issuers share the table; ids are random.
 */
export function sqliteAdapter(db: SandboxDb, realm: string) {
  const now = () => Math.floor(Date.now() / 1000);
  const live = '(expires_at IS NULL OR expires_at > ?)';
  return class SqliteAdapter implements Adapter {
    private readonly model: string;

    constructor(name: string) {
      this.model = `${realm}:${name}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      db.prepare(
        `INSERT INTO oidc_models (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
           user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`,
      ).run(
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.userCode ?? null,
        payload.uid ?? null,
        expiresIn ? now() + expiresIn : null,
      );
    }

    private findWhere(column: 'id' | 'uid' | 'user_code', value: string): AdapterPayload | undefined {
      const row = db
        .prepare(`SELECT payload FROM oidc_models WHERE model = ? AND ${column} = ? AND ${live}`)
        .get(this.model, value, now()) as { payload: string } | undefined;
      return row ? (JSON.parse(row.payload) as AdapterPayload) : undefined;
    }

    async find(id: string) {
      return this.findWhere('id', id);
    }

    async findByUid(uid: string) {
      return this.findWhere('uid', uid);
    }

    async findByUserCode(userCode: string) {
      return this.findWhere('user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      const found = this.findWhere('id', id);
      if (!found) return;
      db.prepare('UPDATE oidc_models SET payload = ? WHERE model = ? AND id = ?').run(
        JSON.stringify({ ...found, consumed: now() }),
        this.model,
        id,
      );
    }

    async destroy(id: string): Promise<void> {
      db.prepare('DELETE FROM oidc_models WHERE model = ? AND id = ?').run(this.model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      db.prepare('DELETE FROM oidc_models WHERE model LIKE ? AND grant_id = ?').run(`${realm}:%`, grantId);
    }
  };
}

export function purgeExpired(db: SandboxDb): void {
  db.prepare('DELETE FROM oidc_models WHERE expires_at IS NOT NULL AND expires_at <= ?').run(Math.floor(Date.now() / 1000));
}

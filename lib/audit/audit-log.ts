import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { log } from '@/lib/log';
import { appDatabase } from './db';
import { auditEvents, type AuditEvent, type NewAuditEvent } from './schema';

export type { AuditEvent };

/** Writes one audit record. Synchronous (better-sqlite3), so the record exists before the page renders. */
export function recordAudit(event: NewAuditEvent): void {
  try {
    appDatabase().insert(auditEvents).values({ ...event, at: new Date().toISOString() }).run();
  } catch (error) {
    // An audit failure is loud, but it must not reveal data in the log.
    log.error('audit.write_failed', { action: event.action, message: error instanceof Error ? error.message : 'unknown' });
    throw error;
  }
}

export type AuditPage = { events: AuditEvent[]; nextCursor: number | null };

/** Newest first, keyset-paged by id, optionally for one customer. */
export function listAudit(options: { customerId?: string; before?: number; limit?: number }): AuditPage {
  const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
  const filters: SQL[] = [];
  if (options.customerId) filters.push(eq(auditEvents.customerId, options.customerId));
  if (options.before) filters.push(lt(auditEvents.id, options.before));
  const rows = appDatabase()
    .select()
    .from(auditEvents)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1)
    .all();
  const events = rows.slice(0, limit);
  return { events, nextCursor: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Staff access to customer data. Append-only: the database refuses updates and deletes. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    staffId: text('staff_id').notNull(),
    staffName: text('staff_name'),
    customerId: text('customer_id'),
    action: text('action', { enum: ['preview', 'search', 'save_profile'] }).notNull(),
    outcome: text('outcome', { enum: ['allowed', 'refused', 'not_found', 'error'] }).notNull(),
    detail: text('detail'),
  },
  (table) => [index('audit_events_customer_idx').on(table.customerId, table.id)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = Omit<typeof auditEvents.$inferInsert, 'id' | 'at'>;

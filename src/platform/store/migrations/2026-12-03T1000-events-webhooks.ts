import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * Events out and in (issue #17; tables declared in src/platform/events/tables.ts):
 * - `pending_events` → `events`: a business event is recorded with its change, then placed in the
 *   company's gap-free log (`seq`) by the sequencer under `event_heads`' row lock (ADR 0018);
 * - `webhook_subscriptions`, `webhook_deliveries` (the outbox, one row per subscription and event) and
 *   `webhook_attempts` (the delivery log);
 * - `inbound_webhook_sources` (who may call an inbound endpoint, with its secrets) and
 *   `inbound_webhooks` (every call: trace, dedupe by event id, queue of accepted calls).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const company = (c: ColumnDefinitionBuilder) => c.notNull().references('companies.id').onDelete('cascade');

  await db.schema
    .createTable('pending_events')
    .addColumn('tenant_id', 'text', company)
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pending_events_pkey', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('tenant_id', 'text', company)
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('sequenced_at', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pkey', ['tenant_id', 'seq'])
    .addUniqueConstraint('events_id_key', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('events_sequenced_idx').on('events').column('sequenced_at').execute();

  await db.schema
    .createTable('event_heads')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('companies.id').onDelete('cascade'))
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', company)
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('types_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('secret_id', 'text', (c) => c.notNull().references('secrets.id'))
    .addColumn('previous_secret_id', 'text', (c) => c.references('secrets.id'))
    .addColumn('previous_secret_until', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_subscriptions_tenant_id_key', ['tenant_id', 'id'])
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('subscription_id', 'text', (c) => c.notNull())
    .addColumn('event_seq', 'bigint', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('failing_since_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('park_reason', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_event_key', ['tenant_id', 'subscription_id', 'event_seq'])
    .addForeignKeyConstraint(
      'webhook_deliveries_subscription_fk',
      ['tenant_id', 'subscription_id'],
      'webhook_subscriptions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'webhook_deliveries_event_fk',
      ['tenant_id', 'event_seq'],
      'events',
      ['tenant_id', 'seq'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // a subscription's oldest pending delivery (the only one sent) and its log, newest first
  await db.schema
    .createIndex('webhook_deliveries_queue_idx')
    .on('webhook_deliveries')
    .columns(['tenant_id', 'subscription_id', 'status', 'event_seq'])
    .execute();

  // an event's deliveries, for the cascade when the retention drops the event
  await db.schema
    .createIndex('webhook_deliveries_event_idx')
    .on('webhook_deliveries')
    .columns(['tenant_id', 'event_seq'])
    .execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) =>
      c.notNull().references('webhook_deliveries.id').onDelete('cascade'),
    )
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('response_excerpt', 'text')
    .addPrimaryKeyConstraint('webhook_attempts_pkey', ['delivery_id', 'attempt'])
    .execute();

  await db.schema
    .createTable('inbound_webhook_sources')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', company)
    .addColumn('secret_id', 'text', (c) => c.notNull().references('secrets.id'))
    .addColumn('previous_secret_id', 'text', (c) => c.references('secrets.id'))
    .addColumn('previous_secret_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbound_webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', company)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('event_type', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('detail', 'text')
    .addColumn('payload_json', 'text')
    .addColumn('status', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  // an event id is accepted once per source; refused calls may repeat it
  await db.schema
    .createIndex('inbound_webhooks_event_key')
    .on('inbound_webhooks')
    .columns(['tenant_id', 'source', 'event_id'])
    .unique()
    .where(sql.ref('outcome'), '=', 'accepted')
    .execute();
  await db.schema
    .createIndex('inbound_webhooks_log_idx')
    .on('inbound_webhooks')
    .columns(['tenant_id', 'source', 'received_at'])
    .execute();
  await db.schema
    .createIndex('inbound_webhooks_queue_idx')
    .on('inbound_webhooks')
    .columns(['status', 'received_at'])
    .where(sql.ref('status'), '=', 'queued')
    .execute();
}

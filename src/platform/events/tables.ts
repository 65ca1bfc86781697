import type { Nullable } from '../store/tables.ts';

/**
 * The event log's and the webhooks' tables, with their status vocabularies. The store learns of them by
 * declaration merging (`ModuleTables`, ADR 0014); every row belongs to a company.
 */

/** An event recorded with its change, not yet given its place in the company's log. */
export interface PendingEventsTable {
  tenant_id: string;
  /** UUID v7: the sequencer takes pending events in this order. */
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  occurred_at: string;
  data_json: string;
}

/** The company's event log: `seq` is its order, gap-free and never reused. */
export interface EventsTable {
  tenant_id: string;
  seq: number;
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  occurred_at: string;
  /** When the sequencer placed it in the log. */
  sequenced_at: string;
  data_json: string;
}

/** The last `seq` of a company's log; its row lock makes one sequencer at a time per company. */
export interface EventHeadsTable {
  tenant_id: string;
  last_seq: number;
}

export type SubscriptionStatus = 'active' | 'inactive';

export interface WebhookSubscriptionsTable {
  tenant_id: string;
  id: string;
  url: string;
  description: string;
  /** JSON array of event types; ["*"] is every type, new ones included. */
  types_json: string;
  status: SubscriptionStatus;
  secret_id: string;
  /** The secret before the last rotation, still signed with until `previous_secret_until`. */
  previous_secret_id: Nullable<string>;
  previous_secret_until: Nullable<string>;
  /** The worker delivering this subscription's events now (one at a time keeps them in order). */
  lease_owner: Nullable<string>;
  lease_until: Nullable<string>;
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * `pending`: waiting or retrying (only the subscription's oldest pending one is ever sent);
 * `delivered`: the receiver answered 2xx; `parked`: given up after the retry window, with the reason.
 */
export type DeliveryStatus = 'pending' | 'delivered' | 'parked';

/** Why an attempt failed, and why a delivery was parked. */
export type DeliveryFailure = 'timeout' | 'http_status' | 'connect_error' | 'tls_error' | 'network_error';

export interface WebhookDeliveriesTable {
  tenant_id: string;
  id: string;
  subscription_id: string;
  event_seq: number;
  event_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  /** Retries go on for the retry window from here: when the event was sequenced, or replayed. */
  window_started_at: string;
  /** The first failed attempt since it was last delivered or replayed: the backoff grows from here. */
  failing_since_at: Nullable<string>;
  last_attempt_at: Nullable<string>;
  last_status_code: Nullable<number>;
  last_error: Nullable<string>;
  park_reason: Nullable<DeliveryFailure>;
  delivered_at: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  tenant_id: string;
  delivery_id: string;
  attempt: number;
  at: string;
  duration_ms: number;
  /** 'delivered', or the DeliveryFailure. */
  outcome: string;
  status_code: Nullable<number>;
  error: Nullable<string>;
  /** The start of the receiver's answer (at most 200 characters). */
  response_excerpt: Nullable<string>;
}

/** A source that may call an inbound webhook endpoint (e.g. `connection:<id>`) and its secrets. */
export interface InboundWebhookSourcesTable {
  tenant_id: string;
  source: string;
  secret_id: string;
  previous_secret_id: Nullable<string>;
  previous_secret_until: Nullable<string>;
  created_at: string;
  updated_at: string;
}

export type InboundOutcome = 'accepted' | 'refused';
/** What became of an accepted call: waiting for a worker, handled, or failed while handled. */
export type InboundStatus = 'queued' | 'done' | 'failed';

/** Every call to an inbound endpoint (refused ones too): its trace, its dedupe key and its queue. */
export interface InboundWebhooksTable {
  tenant_id: string;
  id: string;
  source: string;
  event_id: Nullable<string>;
  event_type: Nullable<string>;
  received_at: string;
  outcome: InboundOutcome;
  /** The problem code of a refusal. */
  code: Nullable<string>;
  detail: Nullable<string>;
  payload_json: Nullable<string>;
  status: Nullable<InboundStatus>;
  lease_owner: Nullable<string>;
  lease_until: Nullable<string>;
  attempts: number;
  result_json: Nullable<string>;
  finished_at: Nullable<string>;
}

declare module '../store/tables.ts' {
  interface ModuleTables {
    pending_events: PendingEventsTable;
    events: EventsTable;
    event_heads: EventHeadsTable;
    webhook_subscriptions: WebhookSubscriptionsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_attempts: WebhookAttemptsTable;
    inbound_webhook_sources: InboundWebhookSourcesTable;
    inbound_webhooks: InboundWebhooksTable;
  }
}

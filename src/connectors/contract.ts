import type { VoucherValue } from '../model/voucher.ts';

/**
 * The connector contract. A connector is data plus small code: a manifest (what it can do and how it
 * is reached), pure codecs (canonical ⇄ wire), a transport (auth, sessions, signing, error
 * classification) and a simulator speaking the ERP's real wire format. Connectors depend on the model
 * and this contract only; the hub drives them through `Connector`.
 */

/** How a failed call is treated — the closed set that decides the reaction. */
export type OutcomeClass =
  /** The ERP stored the document. */
  | 'success'
  /** The ERP refused it for a business reason; resending the same document cannot help. */
  | 'rejected'
  /** We cannot know whether the ERP stored it (timeout, reset, 5xx after the request left). Look it up before resending. */
  | 'ambiguous'
  /** The ERP asked us to slow down. */
  | 'throttled'
  /** The session or token expired; re-authenticate and retry. */
  | 'auth_expired'
  /** Failed before anything reached the ERP (connection refused, DNS); safe to resend. */
  | 'transient';

export interface ErpFailure {
  readonly outcome: Exclude<OutcomeClass, 'success'>;
  /** The ERP's own code (MsgCode, HTTP status, …) when there is one. */
  readonly code: string;
  /** The ERP's message, verbatim (often Chinese). */
  readonly message: string;
}

export type PushResult =
  { readonly outcome: 'success'; readonly erpId: string; readonly erpNumber: string } | ErpFailure;

export type LookupResult =
  | { readonly found: true; readonly erpId: string; readonly erpNumber: string }
  | { readonly found: false }
  | ErpFailure;

/** What the hub pushes: the canonical document and the reference that makes the push idempotent. */
export interface VoucherPush {
  readonly voucher: VoucherValue;
  /** Deterministic external reference written into the ERP document (e.g. FB-<tenant>-<doc>-<rev>). */
  readonly externalReference: string;
}

export interface PushCapability {
  readonly canonical: 'Voucher' | 'SupplierBill' | 'Payment';
  /** The ERP object it becomes, e.g. GL_VOUCHER. */
  readonly erpObject: string;
  /** ERP lifecycle steps one push performs, in order (save → submit → audit). */
  readonly lifecycle: readonly string[];
  readonly batchLimit: number;
  /** Where our external reference lives in the ERP document, and how it is found again. */
  readonly reference: { readonly field: string; readonly lookup: string };
}

export interface PullCapability {
  readonly canonical: string;
  readonly erpObject: string;
  /** The field whose value advances the incremental watermark. */
  readonly watermarkField: string;
  readonly pageLimit: number;
}

export interface ConnectorManifest {
  readonly id: string;
  readonly names: { readonly zh: string; readonly en: string };
  readonly authKinds: readonly string[];
  readonly pushes: Readonly<Record<string, PushCapability>>;
  readonly pulls: Readonly<Record<string, PullCapability>>;
  /** Requests per second the ERP is comfortable with, when the connection sets none. */
  readonly defaultRateLimitRps: number;
}

/** Time and logging the transport uses — injected, so tests control them. */
export interface ConnectorContext {
  now(): Date;
  log(event: string, fields: Record<string, unknown>): void;
  /** Per-call deadline in ms after which the call counts as ambiguous. */
  readonly timeoutMs: number;
}

/** A connection to one ERP instance, created from the connection's settings and credentials. */
export interface Connector {
  readonly manifest: ConnectorManifest;
  /** Authenticates and makes a harmless read. */
  test(): Promise<
    { ok: true; latencyMs: number; detail: string } | (ErpFailure & { ok: false; latencyMs: number })
  >;
  pushVoucher(push: VoucherPush): Promise<PushResult>;
  /** Finds a document by our external reference — the step that makes `ambiguous` safe. */
  lookupVoucher(externalReference: string): Promise<LookupResult>;
  close(): Promise<void>;
}

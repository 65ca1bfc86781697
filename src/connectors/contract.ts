import type { RejectionReason } from '../model/erp-rejections.ts';
import type { TSchema } from 'typebox';
import type { PaymentValue, SupplierBillValue } from '../model/payables.ts';
import type { VoucherLineValue, VoucherValue } from '../model/voucher.ts';

/**
 * The connector contract. A connector is data plus small code: a manifest (what it can do and how it
 * is reached), pure codecs (canonical ⇄ wire, driven by a mapping profile), a transport (auth,
 * sessions, signing, error classification) and a simulator speaking the ERP's real wire format.
 * Connectors depend on the model and this contract only; the hub drives them through `Connector`.
 */

/** How a call ended — the closed set that decides the reaction. */
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
  /**
   * For a rejection the connector recognises: why, in the closed set users read in their language
   * (src/model/erp-rejections.ts). Absent when the ERP's answer does not say.
   */
  readonly reason?: RejectionReason;
}

export type PushResult =
  { readonly outcome: 'success'; readonly erpId: string; readonly erpNumber: string } | ErpFailure;

export type LookupResult =
  | { readonly found: true; readonly erpId: string; readonly erpNumber: string }
  | { readonly found: false }
  | ErpFailure;

/** The canonical documents the hub pushes, by kind. */
export interface DocumentKinds {
  readonly voucher: VoucherValue;
  readonly supplier_bill: SupplierBillValue;
  readonly payment: PaymentValue;
}
export type DocumentKind = keyof DocumentKinds;
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['voucher', 'supplier_bill', 'payment'];

export type CanonicalDocument = {
  [K in DocumentKind]: { readonly kind: K; readonly value: DocumentKinds[K] };
}[DocumentKind];

/**
 * Value maps: our master-data codes → the ERP's numbers. A code absent from its map is sent as it is.
 * Tax rates are keyed by the exact rate string ("0.06").
 */
export interface ValueMaps {
  /** Our account code → ERP account number. */
  readonly accounts: Readonly<Record<string, string>>;
  /** Expense category → ERP account number (for lines that carry a category). */
  readonly expenseCategories: Readonly<Record<string, string>>;
  /** VAT rate → ERP input-tax account number (for tax lines). */
  readonly taxRates: Readonly<Record<string, string>>;
  readonly departments: Readonly<Record<string, string>>;
  readonly suppliers: Readonly<Record<string, string>>;
  readonly employees: Readonly<Record<string, string>>;
  readonly projects: Readonly<Record<string, string>>;
}
export type ValueMapName = keyof ValueMaps;

/** Which pulled ERP master data a value map's targets must exist in (projects are not pulled). */
export const VALUE_MAP_TARGETS: Readonly<Record<ValueMapName, string | null>> = {
  accounts: 'accounts',
  expenseCategories: 'accounts',
  taxRates: 'accounts',
  departments: 'departments',
  suppliers: 'suppliers',
  employees: 'employees',
  projects: null,
};

/** A versioned mapping profile: value maps plus the connector's own settings (account book, bill types, …). */
export interface MappingProfile {
  readonly valueMaps: ValueMaps;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Why one ERP field got its value — the profile's `explain`. */
export interface Explanation {
  /** JSON pointer into the canonical document. */
  readonly source: string;
  /** The ERP field, e.g. FEntity[0].FACCOUNTID. */
  readonly field: string;
  readonly from: string;
  readonly to: string;
  /** The rule that decided it, e.g. valueMaps.expenseCategories["TRAVEL"] or identity. */
  readonly rule: string;
  /** The ERP master object the value must exist in, when it is a reference. */
  readonly object?: string;
}

/** The wire request a push makes — what a dry run shows without sending. */
export interface Rendered {
  readonly erpObject: string;
  readonly operation: string;
  readonly payload: Record<string, unknown>;
  readonly explain: readonly Explanation[];
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
  /**
   * False when the ERP lists the object without a modification time: a pull still pages in order and
   * resumes after the last record, but sees changes to records it already has only in a pull from the
   * start. Absent means changes are tracked.
   */
  readonly tracksChanges?: false;
  readonly pageLimit: number;
}

/**
 * How a connector lists the vouchers an ERP holds for a period (对账): the ERP object and the query it
 * sends, in words, and the page size it asks for.
 */
export interface VoucherListCapability {
  readonly erpObject: string;
  readonly query: string;
  readonly pageLimit: number;
}

export interface ConnectorManifest {
  readonly id: string;
  readonly names: { readonly zh: string; readonly en: string };
  /** Versions of the ERP (or its API) the connector was written and tested against, in words. */
  readonly versions: readonly string[];
  /**
   * The same as patterns (regular-expression sources) a version reported by `Connector.test()` must
   * match to count as supported; absent when the ERP reports no version.
   */
  readonly versionPatterns?: readonly string[];
  /**
   * URL schemes a connection's base URL may use (`sftp`, `file`, …); absent: `http` and `https`.
   * The hub refuses any other at `/baseUrl` before it stores the connection.
   */
  readonly urlSchemes?: readonly string[];
  /** Sign-in kinds, the default first; a connection's settings choose one in `authKind`. */
  readonly authKinds: readonly string[];
  readonly pushes: Readonly<Partial<Record<DocumentKind, PushCapability>>>;
  readonly pulls: Readonly<Record<string, PullCapability>>;
  /** Present when the connector can list the vouchers the ERP holds for a period (`listVouchers`). */
  readonly voucherList?: VoucherListCapability;
  /** Requests per second the ERP is comfortable with, when the connection sets none. */
  readonly defaultRateLimitRps: number;
  /** JSON Schema of the profile's connector settings, and the settings a new connection starts with. */
  readonly profileSettings: {
    readonly schema: TSchema;
    readonly defaults: Readonly<Record<string, unknown>>;
  };
}

/** One master-data record as the ERP holds it. */
export interface ErpRecord {
  readonly number: string;
  readonly name: string;
  /** False when the ERP forbids its use (禁用) or it is not approved. */
  readonly usable: boolean;
  /** The watermark field's value (ERP local time, as the ERP writes it). */
  readonly modifiedAt: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Keyset position of an incremental pull: after (modifiedAt, number). */
export interface PullCursor {
  readonly modifiedAt: string | null;
  readonly number: string | null;
}

export type PullResult = { readonly records: readonly ErpRecord[] } | ErpFailure;

/** One page of the vouchers an ERP holds for an accounting period, after an opaque cursor. */
export interface VoucherQuery {
  /** `YYYY-MM`; special periods 13–16 as `YYYY-13` … `YYYY-16`. */
  readonly period: string;
  /** The `next` of the previous page; null for the first. */
  readonly after: string | null;
  readonly limit: number;
}

/** A voucher line as the ERP holds it: its account number and exact amounts in minor units. */
export interface ErpVoucherLine {
  /** '' when the ERP derives it from the line's business partner (a supplier's reconciliation account). */
  readonly account: string;
  /** The supplier of a partner line (SAP's creditor item), as the ERP numbers it; absent otherwise. */
  readonly partner?: string;
  readonly debitMinor: bigint;
  readonly creditMinor: bigint;
  readonly currency: string;
}

/** A voucher (journal entry) as the ERP holds it. */
export interface ErpVoucher {
  readonly erpId: string;
  readonly erpNumber: string;
  /** The ERP's voucher word or document type (记, SA, …). */
  readonly word: string;
  readonly date: string;
  readonly period: string;
  /** Our external reference as the ERP stores it (see `ConnectorDefinition.storedReference`); null when none. */
  readonly reference: string | null;
  readonly lines: readonly ErpVoucherLine[];
  /** True when the ERP shows it as reversed (冲销) or cancelled (作废). */
  readonly reversed: boolean;
}

export type VoucherPage =
  { readonly vouchers: readonly ErpVoucher[]; readonly next: string | null } | ErpFailure;

export interface BatchItem {
  readonly document: CanonicalDocument;
  readonly externalReference: string;
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
    | {
        ok: true;
        latencyMs: number;
        detail: string;
        /** The ERP (or API) version the system reports, when it reports one; compared with `manifest.versions`. */
        version?: string;
      }
    | (ErpFailure & { ok: false; latencyMs: number })
  >;
  /** Pure: the wire request for a document under a profile (no I/O). */
  render(document: CanonicalDocument, externalReference: string, profile: MappingProfile): Rendered;
  push(document: CanonicalDocument, externalReference: string, profile: MappingProfile): Promise<PushResult>;
  /**
   * Several documents of one kind in one call (up to the capability's batchLimit); one result per
   * item, in order. A failure of the whole call is every item's result.
   */
  pushBatch(items: readonly BatchItem[], profile: MappingProfile): Promise<PushResult[]>;
  /** Finds a document by our external reference — the step that makes `ambiguous` safe. */
  lookup(kind: DocumentKind, externalReference: string): Promise<LookupResult>;
  /** One page of master data changed after the cursor, in (modifiedAt, number) order. */
  pull(object: string, after: PullCursor, limit: number): Promise<PullResult>;
  /**
   * One page of the vouchers the ERP holds for a period, in a stable order; `next` is null on the last
   * page. Present when the manifest declares `voucherList`.
   */
  listVouchers?(query: VoucherQuery): Promise<VoucherPage>;
  close(): Promise<void>;
}

/** A map's entry for a key it holds as its own (a code may be `constructor` or `__proto__`). */
export const entryOf = <T>(map: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(map, key) ? map[key] : undefined;

/** Identity unless the map has the code (as its own key: a code may be `constructor`); records why. */
export function mapValue(
  maps: ValueMaps,
  map: ValueMapName,
  code: string,
): { readonly to: string; readonly rule: string } {
  const mapped = entryOf(maps[map], code);
  return mapped === undefined
    ? { to: code, rule: 'identity' }
    : { to: mapped, rule: `valueMaps.${map}[${JSON.stringify(code)}]` };
}

/**
 * The ERP account a voucher line goes to, the same rule for every ERP: a tax line by its rate, an
 * expense line by its category, any line by its account — the first map that knows it wins.
 */
export function accountOfLine(
  line: VoucherLineValue,
  maps: ValueMaps,
): { readonly to: string; readonly rule: string } {
  if (line.taxRate !== undefined && Object.hasOwn(maps.taxRates, line.taxRate))
    return mapValue(maps, 'taxRates', line.taxRate);
  if (line.expenseCategory !== undefined && Object.hasOwn(maps.expenseCategories, line.expenseCategory))
    return mapValue(maps, 'expenseCategories', line.expenseCategory);
  return mapValue(maps, 'accounts', line.accountCode);
}

/** Auxiliary dimensions (辅助核算) → the value map that translates them and the ERP master data they name. */
const DIMENSIONS: Readonly<Record<string, { readonly map: ValueMapName; readonly object?: string }>> = {
  department: { map: 'departments', object: 'departments' },
  supplier: { map: 'suppliers', object: 'suppliers' },
  employee: { map: 'employees', object: 'employees' },
  project: { map: 'projects' },
};

/** An auxiliary dimension's code as the ERP knows it, why, and the master data it must exist in. */
export function mapDimension(
  maps: ValueMaps,
  dimension: string,
  code: string,
): { readonly to: string; readonly rule: string; readonly object?: string } {
  const known = entryOf(DIMENSIONS, dimension);
  if (known === undefined) return { to: code, rule: 'identity' };
  const mapped = mapValue(maps, known.map, code);
  return known.object === undefined ? mapped : { ...mapped, object: known.object };
}

/** Where an ERP keeps a voucher line's account and auxiliary dimensions, for the explanation. */
export interface LineFields {
  /** The ERP field of the line's account, e.g. `FEntity[0].FACCOUNTID`. */
  readonly account: string;
  /** The ERP's own key for a dimension (a slot, an item code); undefined when it does not take it. */
  slotOf(dimension: string): string | undefined;
  /** The ERP field a dimension's slot is written to. */
  dimensionField(slot: string): string;
}

/**
 * A voucher line's account and auxiliary dimensions as the ERP knows them, each explained — the same
 * rules for every ERP; only where the values go differs (`fields`).
 */
export function mapVoucherLine(
  line: VoucherLineValue,
  index: number,
  maps: ValueMaps,
  fields: LineFields,
  explain: Explanation[],
): {
  readonly account: string;
  readonly dimensions: readonly { readonly slot: string; readonly code: string }[];
} {
  const account = accountOfLine(line, maps);
  explain.push({
    source: `/lines/${index}/accountCode`,
    field: fields.account,
    from: line.accountCode,
    to: account.to,
    rule: account.rule,
    object: 'accounts',
  });
  const dimensions = Object.entries(line.aux).flatMap(([dimension, code]) => {
    const slot = fields.slotOf(dimension);
    if (slot === undefined) return [];
    const mapped = mapDimension(maps, dimension, code);
    explain.push({
      source: `/lines/${index}/aux/${dimension}`,
      field: fields.dimensionField(slot),
      from: code,
      to: mapped.to,
      rule: mapped.rule,
      ...(mapped.object === undefined ? {} : { object: mapped.object }),
    });
    return [{ slot, code: mapped.to }];
  });
  return { account: account.to, dimensions };
}

export const EMPTY_VALUE_MAPS: ValueMaps = {
  accounts: {},
  expenseCategories: {},
  taxRates: {},
  departments: {},
  suppliers: {},
  employees: {},
  projects: {},
};

/** Where one ERP instance is and how to sign in: what a connection stores for its connector. */
export interface ConnectionParameters {
  readonly baseUrl: string;
  /** Valid against the definition's `settings` schema (the hub checks before it stores them). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Valid against the definition's `credentials(settings)` schema; opened from the keyring. */
  readonly credentials: Readonly<Record<string, string>>;
}

/** Master data a simulator's book starts with (the demo company's, or a test's). */
export interface SimulatorMasterData {
  readonly accounts: readonly {
    code: string;
    name: string;
    postable: boolean;
    balanceDirection: 'debit' | 'credit';
  }[];
  readonly departments: readonly { code: string; name: string }[];
  readonly employees: readonly { code: string; name: string }[];
  readonly suppliers: readonly { code: string; name: string; taxId: string }[];
}

/** Faults every simulator can inject, so the hub's reactions can be tried against any ERP. */
export interface SimulatorFaults {
  /** Added latency per request, ms. */
  readonly latencyMs?: number;
  /** Share of requests answered with a server error before anything is done. */
  readonly errorRate?: number;
  /** Share of requests that never get an answer (half of them after the change was committed). */
  readonly timeoutRate?: number;
  /** Share of requests that are committed, then have their connection reset. */
  readonly dropAfterCommitRate?: number;
  /** Business calls per second before the ERP's own throttle answer (0 = unlimited). */
  readonly throttleRps?: number;
}

export interface SimulatorStartOptions extends SimulatorFaults {
  readonly master: SimulatorMasterData;
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  /** Idle session or token lifetime, seconds. */
  readonly sessionTtlS?: number;
  /**
   * A file the simulator keeps its book in (`finbridge sim … --book FILE`): documents posted before a
   * restart are still there after it, and numbering goes on where it stopped. Absent: in memory.
   */
  readonly bookFile?: string;
  /**
   * Sign-in values the simulator accepts instead of its demo ones (`finbridge sim … --credential
   * name=value`), named as a connection's settings and credentials name them (`acctId`, `username`,
   * `password`, `appId`, `appSecret`, `fromAccount`, `appKey`, `tenantId`, …): what it prints at start
   * is then what a connection, or the customer's own SDK code, signs in with.
   */
  readonly signIn?: Readonly<Record<string, string>>;
  /**
   * The simulated ERP's own clock (its dates, token expiry, session idling): the caller's, so a test
   * can move it; the CLI and the demo pass the process's clock.
   */
  readonly now: () => Date;
}

/** A running simulator, and what a connection needs to reach it. */
export interface RunningSimulator {
  readonly url: string;
  /** Where its `/__sim/` controls answer, when not under `url` (a simulator that speaks no HTTP). */
  readonly adminUrl?: string;
  readonly connection: Omit<ConnectionParameters, 'baseUrl'>;
  /** What `finbridge sim` prints: how to sign in, with a plain `curl` example. */
  readonly banner: readonly string[];
  close(): Promise<void>;
}

/** A loopback server speaking the ERP's wire format, with faults; `command` is its `finbridge sim` name. */
export interface SimulatorFactory {
  readonly command: string;
  start(options: SimulatorStartOptions): Promise<RunningSimulator>;
}

export interface SettingsProblem {
  /** JSON pointer relative to the settings object. */
  readonly pointer: string;
  readonly message: string;
}

/**
 * One ERP family: everything the hub, the API, the CLI and the demo know of it. A new ERP is one
 * folder exporting one of these, and one line in `src/connectors/index.ts`.
 */
export interface ConnectorDefinition {
  readonly manifest: ConnectorManifest;
  /** JSON Schema of a connection's settings: drives validation, the connections API and console forms. */
  readonly settings: TSchema;
  /**
   * JSON Schema of the credentials, per sign-in kind of `manifest.authKinds`. A connection's settings
   * choose the kind in `authKind` (the first kind when they name none); every credential field is
   * sealed in the keyring and never returned.
   */
  readonly credentials: Readonly<Record<string, TSchema>>;
  /**
   * Rules on settings the schema cannot say (a file layout whose columns contradict each other, …),
   * checked after the schema when a connection is saved; each failure names its field by a JSON
   * pointer relative to the settings (`/layout/columns/2/format`).
   */
  checkSettings?(settings: Readonly<Record<string, unknown>>): readonly SettingsProblem[];
  /** Pure: the wire request for a document under a profile (what a dry run shows). */
  render(document: CanonicalDocument, externalReference: string, profile: MappingProfile): Rendered;
  /**
   * Our external reference as the ERP stores it, when it cannot hold it as it is (a field too short
   * for it); absent: as it is. Reconciliation compares listed vouchers' references with this.
   */
  storedReference?(reference: string): string;
  /** A live connection to one ERP instance. */
  create(connection: ConnectionParameters, ctx: ConnectorContext): Connector;
  readonly simulator: SimulatorFactory;
}

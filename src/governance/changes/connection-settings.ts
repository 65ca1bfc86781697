import { Type, type Static } from 'typebox';
import {
  checkParameters,
  createConnection,
  getConnectionRow,
  listConnections,
  toConnectionView,
  updateConnection,
  type ConnectionPatch,
} from '../../hub/connections.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { check } from '../../model/validate.ts';
import { deleteSecret, readSecret, storeSecret } from '../../platform/security/secrets.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { jsonDiff, REDACTED, type ChangeApplier, type ChangeServices, type DiffEntry } from './appliers.ts';

/**
 * Maker-checker for ERP connections (target `connection-settings`): registering a connection, or
 * changing its address, settings, credentials or rate limit. The proposal's credentials never stay
 * in the change request: on filing they are sealed with the master key into a secret of their own (a
 * master-key rotation re-seals it like any other), and the kept payload, its diff and the audit log
 * show `[redacted]` in their place. On approval the sealed credentials are opened and the change goes
 * through the hub's createConnection / updateConnection in the approving transaction (the same checks
 * and the same audit entry as a direct change); the sealed copy is then removed, as it is on rejection.
 */
const Credentials = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 }));
const Settings = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown());
const BaseUrl = Type.String({ format: 'uri', pattern: '^[A-Za-z][A-Za-z0-9+.-]*://' });
const RateLimit = Type.Integer({ minimum: 1, maximum: 1000 });

const CreatePayload = Type.Object(
  {
    op: Type.Literal('create'),
    input: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        type: Type.String({ minLength: 1, maxLength: 60 }),
        baseUrl: BaseUrl,
        settings: Settings,
        credentials: Credentials,
        rateLimitRps: Type.Optional(RateLimit),
        schedules: Type.Optional(
          Type.Record(
            Type.String({ minLength: 1, maxLength: 40 }),
            Type.Union([Type.Integer({ minimum: 60, maximum: 7 * 86_400 }), Type.Null()]),
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
const UpdatePayload = Type.Object(
  {
    op: Type.Literal('update'),
    patch: Type.Object(
      {
        baseUrl: Type.Optional(BaseUrl),
        settings: Type.Optional(Settings),
        credentials: Type.Optional(Credentials),
        rateLimitRps: Type.Optional(RateLimit),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
type CreatePayload = Static<typeof CreatePayload>;
type UpdatePayload = Static<typeof UpdatePayload>;
type Proposal = CreatePayload | UpdatePayload;
/** What the change request keeps: the proposal with its credentials redacted, and where they are sealed. */
type Kept = Proposal & { readonly sealedCredentials?: string };

function proposal(payload: unknown): Proposal {
  const op = (payload as { op?: unknown } | null)?.op;
  const schema = op === 'create' ? CreatePayload : UpdatePayload;
  const failures = check(schema, payload, '/payload');
  if (op !== 'create' && op !== 'update')
    throw refusal([
      {
        code: 'invalid_field',
        pointer: '/payload/op',
        params: {
          detail: 'payload is {op: create, input} | {op: update, patch} (subject: the connection id)',
        },
      },
    ]);
  if (failures.length > 0) throw refusal(failures);
  return payload as Proposal;
}

/** The hub's own checks of settings and credentials, their pointers inside the payload. */
function checked(prefix: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError) || error.failures.length === 0) throw error;
    throw refusal(error.failures.map((f) => ({ ...f, pointer: `${prefix}${f.pointer}` })));
  }
}

const redacted = (credentials: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.keys(credentials)
      .sort()
      .map((k) => [k, REDACTED]),
  );

/** One entry per credential field named: that it changes, never what it was or becomes. */
const credentialEntries = (
  credentials: Readonly<Record<string, string>> | undefined,
  hadCredentials: boolean,
): DiffEntry[] =>
  Object.keys(credentials ?? {})
    .sort()
    .map((k) => ({ path: `/credentials/${k}`, before: hadCredentials ? REDACTED : null, after: REDACTED }));

function services(given: ChangeServices | undefined): ChangeServices {
  if (given === undefined) throw new Error('connection-settings changes need the keyring (ChangeServices)');
  return given;
}

async function describeUpdate(db: TenantDb, id: string, patch: UpdatePayload['patch']) {
  const row = await getConnectionRow(db, id);
  const current = toConnectionView(row);
  if (patch.baseUrl !== undefined || patch.settings !== undefined || patch.credentials !== undefined)
    checked('/payload/patch', () =>
      checkParameters(row.type, patch.baseUrl, patch.settings ?? current.settings, patch.credentials),
    );
  const shown = (c: {
    baseUrl: string;
    settings: unknown;
    rateLimitRps: number;
    status: string;
  }): Record<string, unknown> => ({
    baseUrl: c.baseUrl,
    settings: c.settings,
    rateLimitRps: c.rateLimitRps,
    status: c.status,
  });
  const diff = [
    ...jsonDiff(
      shown(current),
      shown({
        baseUrl: patch.baseUrl ?? current.baseUrl,
        settings: patch.settings ?? current.settings,
        rateLimitRps: patch.rateLimitRps ?? current.rateLimitRps,
        status: patch.status ?? current.status,
      }),
    ),
    ...credentialEntries(patch.credentials, current.hasCredentials),
  ];
  if (diff.length === 0)
    throw refusal([
      { code: 'invalid_field', pointer: '/payload/patch', params: { detail: 'the patch changes nothing' } },
    ]);
  const fields = [...new Set(diff.map((d) => d.path.split('/')[1] ?? ''))];
  return {
    subject: id,
    summary: `connection ${current.name} (${current.type}): ${fields.join(', ')} (version ${current.version} → ${current.version + 1})`,
    diff,
  };
}

async function describeCreate(db: TenantDb, input: CreatePayload['input']) {
  checked('/payload/input', () =>
    checkParameters(input.type, input.baseUrl, input.settings, input.credentials),
  );
  // the hub's own list (a company has a handful of connections), not its table
  if ((await listConnections(db)).some((c) => c.name === input.name))
    throw new DomainError('duplicate_code', { code: input.name });
  const { credentials, ...rest } = input;
  return {
    subject: input.name,
    summary: `new ${input.type} connection ${input.name} at ${input.baseUrl}`,
    diff: [...jsonDiff({}, rest), ...credentialEntries(credentials, false)],
  };
}

export const connectionSettingsApplier: ChangeApplier = {
  target: 'connection-settings',
  label: { zh: 'ERP 连接设置', en: 'ERP connection settings' },
  scope: 'connections:admin',
  async describe(db, _writer, subject, payload) {
    const p = proposal(payload);
    if (p.op === 'create') return describeCreate(db, p.input);
    if (subject === '')
      throw refusal([
        {
          code: 'invalid_field',
          pointer: '/subject',
          params: { detail: 'the id of the connection to change' },
        },
      ]);
    return describeUpdate(db, subject, p.patch);
  },
  async keep(tx, writer, _subject, payload, given) {
    const p = proposal(payload);
    const credentials = p.op === 'create' ? p.input.credentials : p.patch.credentials;
    if (credentials === undefined) return p;
    const sealedCredentials = await storeSecret(
      tx,
      services(given).keyring,
      writer.audit.clock,
      'erp-credentials-proposal',
      JSON.stringify(credentials),
    );
    const kept: Kept =
      p.op === 'create'
        ? { ...p, input: { ...p.input, credentials: redacted(credentials) }, sealedCredentials }
        : { ...p, patch: { ...p.patch, credentials: redacted(credentials) }, sealedCredentials };
    return kept;
  },
  async apply(tx, writer, subject, payload, given) {
    const kept = payload as Kept;
    const { keyring } = services(given);
    const credentials =
      kept.sealedCredentials === undefined
        ? undefined
        : (JSON.parse(await readSecret(tx, keyring, kept.sealedCredentials)) as Record<string, string>);
    let result;
    if (kept.op === 'create') {
      if (credentials === undefined) throw new Error('a proposed connection without its sealed credentials');
      result = await createConnection(tx, keyring, writer, { ...kept.input, credentials });
    } else {
      const { credentials: _redacted, ...rest } = kept.patch;
      const patch: ConnectionPatch = { ...rest, ...(credentials === undefined ? {} : { credentials }) };
      result = await updateConnection(tx, keyring, writer, subject, patch);
    }
    if (kept.sealedCredentials !== undefined) await deleteSecret(tx, kept.sealedCredentials);
    return result;
  },
  async discard(tx, payload) {
    const sealed = (payload as Kept).sealedCredentials;
    if (sealed !== undefined) await deleteSecret(tx, sealed);
  },
};

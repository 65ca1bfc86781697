import { SIGNATURE_HEADER, signWebhook } from '../../src/platform/security/webhook-signature.ts';
import type { JsonSchema, Operation, Parameter } from './openapi.ts';
import {
  INJECTIONS,
  UNICODE_EDGES,
  isPlainObject,
  mutateValue,
  schemaAt,
  serialise,
  type MutationContext,
} from './mutations.ts';
import type { Pools } from './pools.ts';
import type { Rng } from './rng.ts';
import type { ValueGenerator } from './schema-values.ts';
import { CALLER_COMPANY, OTHER_COMPANY, type World } from './world.ts';

/**
 * Builds one request for an operation: wholly valid, valid with one thing mutated (a body field, a
 * path or query parameter, a header), or framework-level garbage (malformed JSON, wrong content
 * types, bad percent-encoding, oversized paths and URLs, bogus headers, another company's X-Tenant).
 */
export type Mode = 'valid' | 'mutated' | 'garbage';

export interface FuzzRequest {
  readonly operation: Operation;
  /** What was done, for the report: `valid`, `body: wrong type at /lines/0/amount`, `garbage: %zz in path`. */
  readonly kind: string;
  readonly method: Operation['method'];
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
  /** The console user's session went along (a successful logout ends it). */
  readonly usesSession: boolean;
  /** Sent over a real socket: Node's HTTP parser enforces the URL and header size limits, inject does not. */
  readonly overSocket: boolean;
}

/** A request before it is rendered: path values are encoded unless `rawPath` says otherwise. */
interface Draft {
  path: Record<string, string>;
  rawPath: Set<string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: unknown;
  payload: string | undefined;
  contentType: string | undefined;
  pathSuffix: string;
  kind: string;
  overSocket: boolean;
}

const FORM = 'application/x-www-form-urlencoded';
/** The approval callback takes a raw, signed JSON body that the OpenAPI document does not describe. */
const WEBHOOK = 'POST /webhooks/approvals/{tenantId}/{taskId}';
const WEBHOOK_BODY: JsonSchema = {
  type: 'object',
  required: ['decision'],
  properties: { decision: { enum: ['accept', 'refuse'] }, comment: { type: 'string', maxLength: 500 } },
};
const bodySchema = (op: Operation): JsonSchema | undefined =>
  op.key === WEBHOOK ? WEBHOOK_BODY : op.body?.schema;
const OAUTH = new Set(['POST /oauth/token', 'POST /oauth/revoke', 'POST /oauth/introspect']);

export class RequestBuilder {
  private readonly world: World;
  private readonly pools: Pools;
  private readonly rng: Rng;
  private readonly gen: ValueGenerator;
  private readonly fresh: () => string;

  constructor(world: World, pools: Pools, rng: Rng, gen: ValueGenerator, fresh: () => string) {
    this.world = world;
    this.pools = pools;
    this.rng = rng;
    this.gen = gen;
    this.fresh = fresh;
  }

  build(op: Operation, mode: Mode): FuzzRequest {
    const draft = this.validDraft(op);
    if (mode === 'mutated') this.mutate(op, draft);
    if (mode === 'garbage') this.garble(op, draft);
    return this.render(op, draft);
  }

  // ---- valid requests -------------------------------------------------------------------------

  private validDraft(op: Operation): Draft {
    const draft: Draft = {
      path: {},
      rawPath: new Set(),
      query: [],
      headers: this.authFor(op),
      body: undefined,
      payload: undefined,
      contentType: op.key === WEBHOOK ? 'application/json' : op.body?.contentType,
      pathSuffix: '',
      kind: 'valid',
      overSocket: false,
    };
    for (const p of op.parameters) {
      if (p.in === 'path') draft.path[p.name] = this.pathValue(op, p);
      else if (p.in === 'query' && (p.required || this.rng.chance(0.3)))
        draft.query.push([p.name, this.text(op, p)]);
      else if (p.in === 'header') this.validHeader(p, draft);
    }
    if (op.method === 'POST' && !op.public && this.rng.chance(0.15))
      draft.headers['idempotency-key'] = `fz-${this.fresh()}`;
    if (op.body !== undefined) draft.body = this.validBody(op);
    if (op.key === WEBHOOK) draft.body = this.gen.valid(WEBHOOK_BODY, op.key);
    return draft;
  }

  private authFor(op: Operation): Record<string, string> {
    if (op.public) return {};
    // approval tasks and notifications are an employee's: mostly ask as the console user (E001)
    const employeeOnly = /^\/api\/v1\/(approval-tasks|notifications)/.test(op.path);
    if (this.rng.chance(employeeOnly ? 0.9 : 0.25) && this.world.session.cookie !== '') {
      const headers: Record<string, string> = { cookie: this.world.session.cookie };
      if (op.method !== 'GET') headers['x-csrf-token'] = this.world.session.csrf;
      return headers;
    }
    return { authorization: `Bearer ${this.world.caller.token}` };
  }

  private pathValue(op: Operation, p: Parameter): string {
    if (p.name === 'tenantId') return this.world.callerCompanyId;
    if (p.name === 'taskId')
      return this.pickOr(this.pools.ids.get('/webhooks/approvals') ?? [], this.rng.uuid());
    if (p.schema['format'] === 'uuid' || p.name === 'id') {
      if (op.path.startsWith('/api/v1/companies/')) return this.world.callerCompanyId;
      return this.pickOr(this.pools.idsFor(op.path), this.rng.uuid());
    }
    if (p.name === 'period') return this.rng.pick(['2026-11', '2026-10', '2026-12']);
    if (p.name === 'version') return String(this.rng.between(0, 3));
    if (p.name === 'object')
      return this.rng.pick(['suppliers', 'accounts', 'employees', 'departments', 'customers']);
    if (p.name === 'file')
      return this.rng.pick(['DepartmentInput.json', 'Voucher.json', 'ExpenseClaim.json', 'Nope.json']);
    if (p.name === 'name')
      return this.rng.pick(['currencies', 'tax-rates', 'invoice-types', 'voucher-words']);
    return this.text(op, p);
  }

  private validHeader(p: Parameter, draft: Draft): void {
    if (p.name === 'x-tenant' && (p.required || this.rng.chance(0.15)))
      draft.headers['x-tenant'] = this.rng.pick([CALLER_COMPANY, this.world.callerCompanyId]);
    if (p.name === 'if-match' && (p.required || this.rng.chance(0.5))) {
      const known = this.pools.versions.get(draft.path['id'] ?? '');
      const version = known !== undefined && this.rng.chance(0.85) ? known : this.rng.between(1, 4);
      draft.headers['if-match'] = `"${version}"`;
    }
  }

  private validBody(op: Operation): unknown {
    if (op.body === undefined) return undefined;
    if (OAUTH.has(op.key)) return this.oauthBody(op);
    if (op.key === 'POST /auth/login') return this.loginBody();
    const body = this.gen.valid(op.body.schema, op.key);
    // a record read back keeps its code; a create wants a new one most of the time (unless the code
    // is an enum, as ISO currency codes are)
    const code = schemaAt(this.world.doc, op.body.schema, ['code']);
    const freeCode = typeof code?.['pattern'] === 'string';
    if (/^POST \/api\/v1\/[a-z-]+$/.test(op.key) && freeCode && isPlainObject(body) && this.rng.chance(0.8))
      body['code'] = this.fresh();
    return body;
  }

  private oauthBody(op: Operation): Record<string, string> {
    const { clientId, clientSecret } = this.world.caller;
    const body: Record<string, string> = { client_id: clientId, client_secret: clientSecret };
    if (op.key === 'POST /oauth/token') {
      body['grant_type'] = 'client_credentials';
      if (this.rng.chance(0.3))
        body['scope'] = this.rng.pick(['master-data:read', 'claims:read claims:write', 'audit:read']);
    } else {
      body['token'] = this.pickOr(this.pools.disposableTokens, `not.a.${this.fresh()}`);
    }
    return body;
  }

  private loginBody(): Record<string, string> {
    const user = this.rng.pick(this.world.loginUsers);
    return this.rng.chance(0.5)
      ? { username: user.username, password: user.password }
      : { username: this.rng.pick([user.username, `nobody-${this.fresh()}`]), password: 'wrong-password-1' };
  }

  private text(op: Operation, p: Parameter): string {
    const value = this.gen.valid(p.schema, op.key, `?${p.name}`, p.name);
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  private pickOr(values: readonly string[], fallback: string): string {
    return values.length > 0 && this.rng.chance(0.95) ? this.rng.pick(values) : fallback;
  }

  // ---- one mutation -----------------------------------------------------------------------------

  private mutate(op: Operation, draft: Draft): void {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const target = this.rng.weighted<'body' | 'path' | 'query' | 'header'>([
      [bodySchema(op) === undefined ? 0 : 6, 'body'],
      [pathParams.length > 0 ? 2 : 0, 'path'],
      [queryParams.length > 0 ? 2 : 0.5, 'query'],
      [1, 'header'],
    ]);
    const schema = bodySchema(op);
    if (target === 'body' && schema !== undefined) {
      const ctx: MutationContext = {
        doc: this.world.doc,
        rng: this.rng,
        otherIds: this.pools.allOtherIds(),
        otherCodes: this.pools.otherCodes,
      };
      const mutation = mutateValue(ctx, draft.body, schema);
      draft.body = mutation.value;
      draft.kind = `body: ${mutation.what}`;
    } else if (target === 'path') this.mutatePath(op, draft, this.rng.pick(pathParams));
    else if (target === 'query') this.mutateQuery(op, draft, queryParams);
    else this.mutateHeader(draft);
  }

  private mutatePath(op: Operation, draft: Draft, p: Parameter): void {
    const choices: [string, string][] = [
      ["other company's id", this.pickOr(this.pools.otherIdsFor(op.path), this.world.otherCompanyId)],
      ["other company's id", this.world.otherCompanyId],
      ['unknown id', this.rng.uuid()],
      ['not an id', this.rng.pick(['abc', '0', '-1', '1.5', 'null', 'undefined', 'true', '..', '.'])],
      ['unicode', this.rng.pick(UNICODE_EDGES)],
      ['injection', this.rng.pick(INJECTIONS)],
      [
        'object member name',
        this.rng.pick(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']),
      ],
      ['101+ chars', 'a'.repeat(this.rng.pick([101, 150, 1000]))],
      ['uppercase uuid', (draft.path[p.name] ?? this.rng.uuid()).toUpperCase()],
      ['huge number', '99999999999999999999999'],
    ];
    const [what, value] = this.rng.pick(choices);
    draft.path[p.name] = value;
    draft.kind = `path ${p.name}: ${what}`;
  }

  private mutateQuery(op: Operation, draft: Draft, params: readonly Parameter[]): void {
    const p = params.length > 0 ? this.rng.pick(params) : undefined;
    const name = p?.name ?? 'unexpected';
    const choice = this.rng.int(7);
    const without = draft.query.filter(([n]) => n !== name);
    const add = (value: string, what: string) => {
      draft.query = [...without, [name, value]];
      draft.kind = `query ${name}: ${what}`;
    };
    if (choice === 0) add(this.rng.pick(['abc', '-1', '0', '1e9', '1.5', 'true', '[]', '{}']), 'wrong type');
    else if (choice === 1) add(this.rng.pick(UNICODE_EDGES), 'unicode');
    else if (choice === 2) add('x'.repeat(this.rng.pick([101, 501, 5000])), 'too long');
    else if (choice === 3)
      add(this.rng.pick(['2026-02-30', 'yesterday', '2026-11-28T25:00:00Z', '0']), 'invalid date');
    else if (choice === 4) {
      draft.query = [
        ...without,
        [name, this.text(op, p ?? { in: 'query', name, required: false, schema: {} })],
        [name, 'dup'],
      ];
      draft.kind = `query ${name}: repeated`;
    } else if (choice === 5) add(this.rng.pick(INJECTIONS), 'injection');
    else {
      draft.query.push([this.rng.pick(['unexpected', 'tenant', '__proto__', 'limit[]', '']), 'x']);
      draft.kind = 'query: unknown parameter';
    }
  }

  private mutateHeader(draft: Draft): void {
    const choices: [string, string, string][] = [
      ['x-tenant', OTHER_COMPANY, 'X-Tenant of the other company'],
      ['x-tenant', this.world.otherCompanyId, 'X-Tenant id of the other company'],
      ['x-tenant', 'NO-SUCH-COMPANY', 'X-Tenant unknown'],
      ['x-tenant', CALLER_COMPANY.toLowerCase(), 'X-Tenant lower case'],
      [
        'x-tenant',
        this.rng.pick(UNICODE_EDGES.filter((s) => /^[\x20-\x7e]*$/.test(s))) || '%zz',
        'X-Tenant garbage',
      ],
      [
        'if-match',
        this.rng.pick(['"abc"', 'W/"1"', '*', '"-1"', '"99999999999999999999"', '']),
        'If-Match garbage',
      ],
      [
        'idempotency-key',
        this.rng.pick(['', 'k'.repeat(300), 'with space', 'ключ']),
        'Idempotency-Key garbage',
      ],
      [
        'accept-language',
        this.rng.pick(['xx', '*;q=abc', 'zh-CN;q=2', 'a'.repeat(5000)]),
        'Accept-Language garbage',
      ],
    ];
    const [name, value, what] = this.rng.pick(choices);
    draft.headers[name] = value;
    draft.kind = `header: ${what}`;
  }

  // ---- framework-level garbage ------------------------------------------------------------------

  private garble(op: Operation, draft: Draft): void {
    const hasPath = op.parameters.some((p) => p.in === 'path');
    const writes = op.method !== 'GET';
    const choice = this.rng.weighted<string>([
      [writes ? 4 : 0, 'malformed-json'],
      [writes ? 3 : 0, 'content-type'],
      [op.body?.contentType === FORM ? 6 : 0, 'malformed-form'],
      [3, 'percent-encoding'],
      [2, 'long-path'],
      [1, 'huge-url'],
      [3, 'bogus-auth'],
      [2, 'x-tenant-other'],
      [writes ? 1 : 0, 'deep-json'],
      [writes ? 0.05 : 0, 'over-body-limit'],
    ]);
    draft.kind = `garbage: ${choice}`;
    switch (choice) {
      case 'malformed-json':
        draft.payload = this.rng.pick(MALFORMED_JSON);
        draft.contentType = 'application/json';
        return;
      case 'content-type':
        draft.contentType = this.rng.pick(CONTENT_TYPES);
        draft.kind = `garbage: content-type ${draft.contentType}`;
        return;
      case 'malformed-form':
        draft.payload = this.rng.pick(MALFORMED_FORMS);
        if (this.rng.chance(0.3)) draft.headers['authorization'] = this.rng.pick(BAD_BASIC);
        return;
      case 'percent-encoding':
        return this.badPercent(op, draft, hasPath);
      case 'long-path':
        return this.longPath(op, draft, hasPath);
      case 'huge-url':
        draft.query.push(['pad', 'x'.repeat(this.rng.pick([16_400, 20_000, 70_000]))]);
        draft.overSocket = this.rng.chance(0.5);
        return;
      case 'bogus-auth':
        for (const name of ['authorization', 'cookie', 'x-csrf-token'])
          Reflect.deleteProperty(draft.headers, name);
        Object.assign(draft.headers, this.rng.pick(bogusAuth(this.world)));
        return;
      case 'x-tenant-other':
        draft.headers['x-tenant'] = this.rng.pick([OTHER_COMPANY, this.world.otherCompanyId]);
        return;
      case 'deep-json': {
        const depth = this.rng.pick([1000, 10_000, 100_000]);
        draft.payload = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
        draft.contentType = 'application/json';
        return;
      }
      default:
        draft.payload = `{"x":"${'a'.repeat(33 * 1024 * 1024)}"}`;
        draft.contentType = op.body?.contentType ?? 'application/json';
    }
  }

  private badPercent(op: Operation, draft: Draft, hasPath: boolean): void {
    const bad = this.rng.pick(['%zz', '%', '%E0%A4%A', '%C0%AE', '%ED%A0%80', '%00', '%2', 'a%zzb']);
    const p = op.parameters.find((x) => x.in === 'path');
    if (hasPath && p !== undefined && this.rng.chance(0.8)) {
      draft.path[p.name] = bad;
      draft.rawPath.add(p.name);
    } else if (this.rng.chance(0.5)) draft.pathSuffix = `/${bad}`;
    else draft.query.push(['q', `\u0000raw:${bad}`]);
    draft.kind = `garbage: bad percent-encoding ${bad}`;
  }

  private longPath(op: Operation, draft: Draft, hasPath: boolean): void {
    const long = 'a'.repeat(this.rng.pick([101, 200, 2000]));
    const p = op.parameters.find((x) => x.in === 'path');
    if (hasPath && p !== undefined) draft.path[p.name] = long;
    else draft.pathSuffix = `/${long}`;
  }

  // ---- rendering ----------------------------------------------------------------------------------

  private render(op: Operation, draft: Draft): FuzzRequest {
    let path = op.path;
    for (const [name, value] of Object.entries(draft.path))
      path = path.replace(`{${name}}`, draft.rawPath.has(name) ? value : encode(value));
    const query = draft.query
      .map(([k, v]) =>
        v.startsWith('\u0000raw:') ? `${encode(k)}=${v.slice(5)}` : `${encode(k)}=${encode(v)}`,
      )
      .join('&');
    const url = `${path}${draft.pathSuffix}${query === '' ? '' : `?${query}`}`;
    const headers = { ...draft.headers };
    let payload = draft.payload;
    if (payload === undefined && draft.body !== undefined)
      payload =
        draft.contentType === FORM && isPlainObject(draft.body)
          ? formEncode(draft.body)
          : serialise(draft.body);
    if (payload !== undefined && draft.contentType !== undefined) headers['content-type'] = draft.contentType;
    if (op.key === WEBHOOK && payload !== undefined && this.rng.chance(0.8))
      headers[SIGNATURE_HEADER] = signWebhook(this.world.webhookSecret, payload, this.world.app.clock);
    return {
      operation: op,
      kind: draft.kind,
      method: op.method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
      usesSession: headers['cookie'] === this.world.session.cookie,
      overSocket: draft.overSocket,
    };
  }
}

/** encodeURIComponent, except that a lone surrogate is sent as its (invalid) UTF-8 bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const code = ch.charCodeAt(0);
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(ch);
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
      })
      .join('');
  }
}

function formEncode(body: Record<string, unknown>): string {
  return Object.entries(body)
    .map(
      ([k, v]) =>
        `${encode(k)}=${encode(typeof v === 'string' ? v : ((JSON.stringify(v) as string | undefined) ?? ''))}`,
    )
    .join('&');
}

const MALFORMED_JSON: readonly string[] = [
  '{',
  '{"a":',
  '[1,2',
  '',
  'nul',
  '{"a":1,}',
  "{'a':1}",
  '\u0000',
  '{"a":"\\uZZZZ"}',
  '{"a":1}{"b":2}',
  'NaN',
  '\uFEFF{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '"just a string"',
  '[]',
  'null',
  '12.34',
  '{"a":"\uD800"}',
  '{"a":1e999}',
];

const CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=xyz',
  'application/x-www-form-urlencoded',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'application/jsonx',
  'application/vnd.api+json',
  '*/*',
  'application/json, text/plain',
  ';;;',
  'application/octet-stream',
];

const MALFORMED_FORMS: readonly string[] = [
  'a=%zz',
  '%',
  '=&=&',
  'grant_type=client_credentials&grant_type=password',
  'client_id[]=x&client_secret[]=y&grant_type=client_credentials',
  'client_id=%E0%A4%A&client_secret=x',
  'token=%ED%A0%80&client_id=a&client_secret=b',
  '&&&&',
  'grant_type',
  `client_id=${'x'.repeat(5000)}&client_secret=y&grant_type=client_credentials`,
  '{"grant_type":"client_credentials"}',
  'grant_type=client_credentials&client_id=\u0000&client_secret=\u0000',
  '__proto__[polluted]=1&constructor[prototype][polluted]=1',
];

const BAD_BASIC: readonly string[] = [
  'Basic %%%',
  'Basic ',
  `Basic ${Buffer.from('%zz:%zz').toString('base64')}`,
  `Basic ${Buffer.from('no-colon').toString('base64')}`,
  `Basic ${Buffer.from('%E0%A4%A:x').toString('base64')}`,
  'Bearer abc',
];

function bogusAuth(world: World): Record<string, string>[] {
  return [
    { authorization: 'Bearer' },
    { authorization: 'Bearer not.a.jwt' },
    { authorization: `Bearer ${world.other.token.slice(0, -4)}AAAA` },
    { authorization: 'Basic Zm9vOmJhcg==' },
    { authorization: `Bearer ${'a'.repeat(9000)}` },
    { authorization: 'bearer    ' },
    { cookie: 'fb_session=garbage' },
    { cookie: 'fb_session=' },
    { cookie: `fb_session=${'%zz'.repeat(10)}` },
    { cookie: world.session.cookie },
    { 'x-request-id': 'x'.repeat(2000) },
  ];
}

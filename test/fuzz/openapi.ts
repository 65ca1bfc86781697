/**
 * The operations of FinBridge's OpenAPI document, as the fuzzer needs them: method, path template,
 * parameters and request body schema, with `$ref`s into `components.schemas` resolved on demand.
 */
export type JsonSchema = { readonly [key: string]: unknown };

export interface Parameter {
  readonly in: 'path' | 'query' | 'header';
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /path/{template}` — the key that reports group by. */
  readonly key: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body?: { readonly contentType: string; readonly schema: JsonSchema };
  /**
   * True when no bearer token or session is needed: no security requirement, or an empty one among
   * them (the OAuth endpoints take client credentials, `[{"clientBasic": []}, {}]`).
   */
  readonly public: boolean;
}

export interface ApiDocument {
  readonly operations: readonly Operation[];
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseDocument(raw: unknown): ApiDocument {
  if (!isObject(raw) || !isObject(raw['paths'])) throw new Error('not an OpenAPI document');
  const components = isObject(raw['components']) ? raw['components'] : {};
  const schemas = (isObject(components['schemas']) ? components['schemas'] : {}) as Record<
    string,
    JsonSchema
  >;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(raw['paths'])) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) operations.push(toOperation(path, method, op));
    }
  }
  return { operations, schemas };
}

function toOperation(path: string, method: (typeof METHODS)[number], op: Record<string, unknown>): Operation {
  const parameters = (Array.isArray(op['parameters']) ? op['parameters'] : [])
    .filter(isObject)
    .filter((p) => p['in'] === 'path' || p['in'] === 'query' || p['in'] === 'header')
    .map((p): Parameter => ({
      in: p['in'] as Parameter['in'],
      name: String(p['name']),
      required: p['required'] === true,
      schema: isObject(p['schema']) ? p['schema'] : {},
    }));
  const security = Array.isArray(op['security']) ? op['security'] : [];
  const upper = method.toUpperCase() as Operation['method'];
  const body = requestBody(op['requestBody']);
  return {
    key: `${upper} ${path}`,
    method: upper,
    path,
    parameters,
    ...(body === undefined ? {} : { body }),
    public: security.length === 0 || security.some((s) => isObject(s) && Object.keys(s).length === 0),
  };
}

function requestBody(raw: unknown): Operation['body'] {
  if (!isObject(raw) || !isObject(raw['content'])) return undefined;
  const [contentType, media] = Object.entries(raw['content'])[0] ?? [];
  if (contentType === undefined || !isObject(media)) return undefined;
  return { contentType, schema: isObject(media['schema']) ? media['schema'] : {} };
}

/** The schema behind a `$ref` (only local `#/components/schemas/…` references occur). */
export function resolve(doc: ApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; depth < 20 && typeof current['$ref'] === 'string'; depth++) {
    const name = refName(current);
    const target = name === undefined ? undefined : doc.schemas[name];
    if (target === undefined) throw new Error(`unresolvable $ref ${current['$ref']}`);
    current = target;
  }
  return current;
}

/** `DepartmentInput` for `{"$ref": "#/components/schemas/DepartmentInput"}`. */
export function refName(schema: JsonSchema): string | undefined {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return undefined;
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/**
 * The three request shapes the real server binds (named, positional `parameters` array, .NET-style
 * `parameters` string) plus form-encoded bodies, reduced to one: `formid`, `data`, positional args.
 */
export interface Envelope {
  readonly formid: string | undefined;
  readonly data: Record<string, unknown>;
  readonly args: readonly unknown[];
  readonly named: Readonly<Record<string, unknown>>;
}

const parseMaybeJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export function parseEnvelope(body: string, contentType: string | undefined, service: string): Envelope {
  let raw: Record<string, unknown>;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    raw = Object.fromEntries(new URLSearchParams(body));
  } else {
    raw = asRecord(body.trim() === '' ? {} : parseMaybeJson(body));
  }
  const named = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const parameters = parseMaybeJson(named['parameters']);
  const args = Array.isArray(parameters) ? parameters : [];
  const method = service.split('.').at(-1)?.toLowerCase() ?? '';
  const queryLike = method === 'executebillquery' || method === 'billquery';
  let formid = typeof named['formid'] === 'string' ? named['formid'] : undefined;
  let data = asRecord(parseMaybeJson(named['data']));
  if (args.length > 0 && service.toLowerCase().includes('dynamicformservice')) {
    if (queryLike) data = asRecord(parseMaybeJson(args[0]));
    else {
      formid = typeof args[0] === 'string' ? args[0] : formid;
      data = asRecord(parseMaybeJson(args[1]));
    }
  }
  return { formid, data, args, named };
}

import { Type, type TSchema } from 'typebox';
import { ERROR_CODES } from '../model/error-codes.ts';
import { DomainError } from '../model/result.ts';

const codes = Object.keys(ERROR_CODES);

export const FieldErrorSchema = Type.Object({
  pointer: Type.String({
    description: 'JSON pointer (RFC 6901) to the offending field; "" = the whole document.',
  }),
  code: Type.String({ description: 'Stable code from docs/errors.md.' }),
  message: Type.String({ description: 'Localized message (Accept-Language: zh-CN or en-US).' }),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:finbridge:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.Union(
      codes.map((c) => Type.Literal(c)),
      { description: 'Stable problem code (docs/errors.md).' },
    ),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { title: 'Problem', description: 'RFC 9457 problem details with a stable code and field-level errors.' },
);

/** Problem responses for OpenAPI, keyed by status. */
export function problems(
  ...statuses: number[]
): Record<string, { description: string; content: Record<string, { schema: TSchema }> }> {
  const out: Record<string, { description: string; content: Record<string, { schema: TSchema }> }> = {};
  for (const status of statuses) {
    out[String(status)] = {
      description: describeStatus(status),
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}

function describeStatus(status: number): string {
  const used = Object.entries(ERROR_CODES)
    .filter(([, v]) => v.status === status)
    .map(([k]) => k);
  return `Problem: ${used.join(', ')}`;
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const TenantHeader = Type.Object({
  'x-tenant': Type.Optional(Type.String({ description: 'Company (tenant) code or id the request acts on.' })),
});

/** An index of published documents (schemas, standards): name, description and where to get it. */
export const IndexSchema = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String(), description: Type.String(), url: Type.String() })),
});

/** The record version an `If-Match` header names (`"3"`, `W/"3"` or `3`), where it is required. */
export function requiredIfMatch(header: string | undefined): number {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec((header ?? '').trim());
  if (!m) throw new DomainError('invalid_field', { detail: 'If-Match must be the record version, e.g. "3"' });
  return Number(m[1]);
}

/** The same, where it is optional: undefined when absent. */
export const parseIfMatch = (header: string | undefined): number | undefined =>
  header === undefined ? undefined : requiredIfMatch(header);

import type { FastifyInstance } from 'fastify';

/**
 * An operation on its way out: it still works, and every answer says so — `Deprecation` (RFC 9745,
 * the date it was deprecated), `Sunset` (RFC 8594, the date it may stop answering) and, when there is
 * one, a `Link` to what replaces it. The OpenAPI marks it `deprecated`; docs/interface/CHANGELOG.md
 * says why.
 */
export interface Deprecation {
  /** YYYY-MM-DD the operation was deprecated. */
  readonly since: string;
  /** YYYY-MM-DD after which it may be removed. */
  readonly sunset: string;
  /** The path of the operation that replaces it. */
  readonly successor?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecated?: Deprecation;
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The headers a deprecated operation answers with. */
export function deprecationHeaders(deprecation: Deprecation): Record<string, string> {
  if (!DAY.test(deprecation.since) || !DAY.test(deprecation.sunset))
    throw new TypeError(`deprecation dates must be YYYY-MM-DD: ${JSON.stringify(deprecation)}`);
  const since = Date.parse(`${deprecation.since}T00:00:00Z`) / 1000;
  const sunset = new Date(`${deprecation.sunset}T23:59:59Z`).toUTCString();
  return {
    deprecation: `@${since}`,
    sunset,
    ...(deprecation.successor === undefined
      ? {}
      : { link: `<${deprecation.successor}>; rel="successor-version"` }),
  };
}

/** Adds the headers to every answer of a route whose config says `deprecated`. */
export function registerDeprecations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const deprecation = route.config?.deprecated;
    if (deprecation === undefined) return;
    const headers = deprecationHeaders(deprecation); // a bad date fails at start-up, not per request
    const hooks =
      route.onSend === undefined ? [] : Array.isArray(route.onSend) ? route.onSend : [route.onSend];
    route.onSend = [
      ...hooks,
      async (_request, reply, payload) => {
        reply.headers(headers);
        return payload;
      },
    ];
    route.schema = { ...route.schema, deprecated: true };
  });
}

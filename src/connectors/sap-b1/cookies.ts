/**
 * The two cookies of a Service Layer session (§2.1), read by hand from `Set-Cookie`: B1 sets
 * `B1SESSION=<id>;HttpOnly;` with no `Path` and a trailing semicolon, which some cookie jars drop, and
 * `ROUTEID=.nodeN; path=/b1s` for the load balancer's stickiness. Both go back on every call as
 * `Cookie: B1SESSION=…; ROUTEID=…`, whatever path the call has.
 */

/** Name → value of every cookie a `Set-Cookie` header list sets (attributes ignored). */
export function cookiesSet(setCookie: string | readonly string[] | undefined): Record<string, string> {
  const headers = setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
  const cookies: Record<string, string> = {};
  for (const header of headers) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name !== '') cookies[name] = value;
  }
  return cookies;
}

/** Name → value of a `Cookie` request header. */
export function cookiesSent(cookie: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (cookie ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return cookies;
}

/** The `Cookie` header of a session: B1SESSION, and ROUTEID when the balancer set one. */
export const sessionCookie = (session: string, routeId: string | undefined): string =>
  routeId === undefined ? `B1SESSION=${session}` : `B1SESSION=${session}; ROUTEID=${routeId}`;

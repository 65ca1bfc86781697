import type { ODataVersion } from '../client.ts';
import { jsonType, REFUSALS } from './answers.ts';
import { refused, type Answer } from './service.ts';
import { routeId, type Sessions } from './sessions.ts';

/**
 * The door of the simulated Service Layer (§2.1): `POST Login` answered with the session's cookies —
 * `B1SESSION=<id>;HttpOnly;` exactly as B1 writes it (no `Path`, a trailing semicolon) and, behind a
 * balancer, `ROUTEID=.nodeN; path=/b1s` — and the session check of every other call, which answers
 * 301 (with the `ROUTEID` of the node the balancer moved the call to, when it did).
 */
export async function loginAnswer(
  sessions: Sessions,
  version: ODataVersion,
  base: string,
  body: string,
  cookie: string | undefined,
  b1Version: string,
  balanced: boolean,
): Promise<Answer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  const login = await sessions.login(parsed, cookie);
  if ('status' in login) return refused(version, login);
  const metadata =
    version === 'v1'
      ? { 'odata.metadata': `${base}$metadata#B1Sessions/@Element` }
      : { '@odata.context': `${base}$metadata#B1Sessions/$entity` };
  return {
    status: 200,
    headers: {
      'content-type': jsonType(version),
      'set-cookie': [
        `B1SESSION=${login.id};HttpOnly;`,
        ...(balanced ? [`ROUTEID=${routeId(login.node)}; path=/b1s`] : []),
      ],
    },
    body: JSON.stringify({
      ...metadata,
      SessionId: login.id,
      Version: b1Version,
      SessionTimeout: sessions.timeoutMinutes,
    }),
    commits: false,
  };
}

/**
 * The session of a call, or B1's 301. `failover` makes the session's node fail over first: the
 * session is gone and the balancer hands out another node's `ROUTEID`.
 */
export function sessionOf(
  sessions: Sessions,
  version: ODataVersion,
  cookie: string | undefined,
  failover: boolean,
  balanced: boolean,
): { readonly id: string } | Answer {
  const session = sessions.check(cookie);
  if (session.ok && !failover) return { id: session.id };
  const routeTo = session.ok ? sessions.failover(session.id) : session.routeTo;
  const refusal = refused(version, session.ok ? REFUSALS.invalidSession() : session.refusal);
  return routeTo === undefined || !balanced
    ? refusal
    : {
        ...refusal,
        headers: { ...refusal.headers, 'set-cookie': [`ROUTEID=${routeId(routeTo)}; path=/b1s`] },
      };
}

/**
 * The answers the server put into the opening page (`<script type="application/json"
 * id="finbridge-opening">`, see web/src/routes/openings.ts and src/api/console.ts): the session check
 * and the first answers of the page that was opened. Each is used once, by the first request for
 * exactly that path and query, in place of a round trip; anything later asks the server.
 */
export interface OpeningAnswer {
  readonly status: number;
  readonly body: unknown;
}

let answers = ((): Map<string, OpeningAnswer> => {
  const element = typeof document === 'undefined' ? null : document.getElementById('finbridge-opening');
  if (element === null) return new Map<string, OpeningAnswer>();
  try {
    const parsed = JSON.parse(element.textContent) as { answers?: Record<string, OpeningAnswer> };
    return new Map(Object.entries(parsed.answers ?? {}));
  } catch {
    return new Map<string, OpeningAnswer>();
  } finally {
    element.remove();
  }
})();

/** The opening's answer for a GET of this path and query, as a Response; taken at most once. */
export function takeOpening(request: Request): Response | undefined {
  if (request.method !== 'GET' || answers.size === 0) return undefined;
  const url = new URL(request.url);
  if (url.origin !== window.location.origin) return undefined;
  const key = `${url.pathname}${url.search}`;
  const answer = answers.get(key);
  if (answer === undefined) return undefined;
  answers.delete(key);
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  });
}

/** The opening's successful answer for this path, taken (the session check, read before the first render). */
export function takeOpeningBody(path: string): unknown {
  const answer = answers.get(path);
  answers.delete(path);
  return answer?.status === 200 ? answer.body : undefined;
}

/**
 * The answers of the page the server draws (entry-server.tsx), in place of those the browser reads from
 * the page: the server's render takes them exactly as the browser's first render will.
 */
export function provideOpening(given: Readonly<Record<string, OpeningAnswer>>): void {
  answers = new Map(Object.entries(given));
}

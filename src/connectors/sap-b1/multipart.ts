/**
 * The `$batch` wire of the Service Layer (§2.6): `multipart/mixed` bodies whose parts are either
 * `application/http` messages (a request or answer line, headers, a body) or a nested
 * `multipart/mixed` changeset. Written by hand — the multipart parsers on npm read form-data only.
 * Both sides use it: the client to build a batch and read its answer, the simulator the reverse.
 */

const CRLF = '\r\n';

/** One part of a multipart body: its headers (names lower-cased) and its content. */
export interface Part {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An HTTP message carried in an `application/http` part. */
export interface HttpMessage {
  /** `POST /b1s/v1/JournalEntries HTTP/1.1` or `HTTP/1.1 201 Created`. */
  readonly startLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The boundary of a `multipart/mixed` content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^\s*multipart\/mixed\b/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function headerBlock(lines: readonly string[]): { headers: Record<string, string>; rest: number } {
  const headers: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') return { headers, rest: i + 1 };
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, rest: i };
}

/**
 * The parts of a multipart body (RFC 2046): the preamble before the first delimiter and the epilogue
 * after the closing one are ignored; the line break before a delimiter belongs to the delimiter.
 * Undefined when the body has no closing delimiter (a truncated answer).
 */
export function parseMultipart(body: string, boundary: string): Part[] | undefined {
  const lines = body.split(/\r?\n/);
  const open = `--${boundary}`;
  const close = `--${boundary}--`;
  const parts: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    const bare = line.trimEnd();
    if (bare === close) {
      if (current !== undefined) parts.push(current);
      return parts.map((partLines) => {
        const { headers, rest } = headerBlock(partLines);
        return { headers, body: partLines.slice(rest).join(CRLF) };
      });
    }
    if (bare === open) {
      if (current !== undefined) parts.push(current);
      current = [];
    } else if (current !== undefined) current.push(line);
  }
  return undefined;
}

/** The HTTP message inside an `application/http` part. */
export function parseHttpMessage(text: string): HttpMessage {
  const lines = text.split(/\r?\n/);
  const startLine = (lines[0] ?? '').trim();
  const { headers, rest } = headerBlock(lines.slice(1));
  return {
    startLine,
    headers,
    body: lines
      .slice(1 + rest)
      .join(CRLF)
      .replace(/\r?\n$/, ''),
  };
}

/** One request of a changeset. */
export interface BatchRequest {
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  /** Absolute path, e.g. `/b1s/v1/JournalEntries` (§2.6). */
  readonly path: string;
  readonly contentId: string;
  readonly body?: string;
}

const httpPart = (lines: readonly string[], headers: Readonly<Record<string, string>>) =>
  [...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ...lines].join(CRLF);

/** A `$batch` body of changesets, each with its own boundary; every line ends in CRLF. */
export function buildBatch(
  boundary: string,
  changesets: readonly { readonly boundary: string; readonly requests: readonly BatchRequest[] }[],
): string {
  const out: string[] = [];
  for (const changeset of changesets) {
    out.push(`--${boundary}`, `Content-Type: multipart/mixed; boundary=${changeset.boundary}`, '');
    for (const request of changeset.requests) {
      out.push(
        `--${changeset.boundary}`,
        httpPart(
          [
            `${request.method} ${request.path} HTTP/1.1`,
            ...(request.body === undefined ? [] : ['Content-Type: application/json', '', request.body]),
          ],
          {
            'Content-Type': 'application/http',
            'Content-Transfer-Encoding': 'binary',
            'Content-ID': request.contentId,
          },
        ),
      );
    }
    out.push(`--${changeset.boundary}--`);
  }
  out.push(`--${boundary}--`, '');
  return out.join(CRLF);
}

/** One answer inside a batch answer: a status line, headers and body. */
export interface BatchAnswer {
  readonly status: number;
  readonly contentId?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** An `application/http` answer part for a status, headers and body (the simulator writes these). */
export function httpAnswerPart(answer: BatchAnswer, reason: string): string {
  return httpPart(
    [
      `HTTP/1.1 ${answer.status} ${reason}`,
      ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`),
      '',
      answer.body,
    ],
    {
      'Content-Type': 'application/http',
      'Content-Transfer-Encoding': 'binary',
      ...(answer.contentId === undefined ? {} : { 'Content-ID': answer.contentId }),
    },
  );
}

/** The status code of an answer line (`HTTP/1.1 201 Created` → 201), or 0. */
export const statusOf = (startLine: string): number => {
  const m = /^HTTP\/\d\.\d\s+(\d{3})\b/.exec(startLine);
  return m === null ? 0 : Number(m[1]);
};

/**
 * A batch answer read as one entry per top-level part, in order: a changeset that succeeded is a
 * nested multipart with an answer per request; a changeset that failed is one `application/http`
 * answer for the whole of it (§2.6). Undefined when the body cannot be read as such.
 */
export function readBatchAnswer(body: string, boundary: string): BatchAnswer[][] | undefined {
  const parts = parseMultipart(body, boundary);
  if (parts === undefined) return undefined;
  const answers: BatchAnswer[][] = [];
  for (const part of parts) {
    const nested = boundaryOf(part.headers['content-type']);
    const messages = nested === undefined ? [part] : parseMultipart(part.body, nested);
    if (messages === undefined) return undefined;
    const group: BatchAnswer[] = [];
    for (const message of messages) {
      if (!/^application\/http\b/i.test(message.headers['content-type'] ?? '')) return undefined;
      const http = parseHttpMessage(message.body);
      const status = statusOf(http.startLine);
      if (status === 0) return undefined;
      const contentId = message.headers['content-id'] ?? http.headers['content-id'];
      group.push({
        status,
        headers: http.headers,
        body: http.body,
        ...(contentId === undefined ? {} : { contentId }),
      });
    }
    answers.push(group);
  }
  return answers;
}

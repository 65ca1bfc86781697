import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { boundaryOf, httpAnswerPart, parseHttpMessage, parseMultipart, type Part } from '../multipart.ts';
import { REFUSALS } from './answers.ts';
import { handleResource, refused, type Answer, type ServiceContext } from './service.ts';

/**
 * `POST $batch` (§2.6): a `multipart/mixed` body of changesets and single requests. The requests of
 * a changeset run in order; when one fails, everything the changeset did is rolled back, the rest of
 * it is not run, and the changeset answers with that one failure. Changesets and single requests are
 * independent of each other. The outer answer is `200` with a `multipart/mixed` body; changeset
 * answers echo each request's `Content-ID`. Sub-request lines are `METHOD /b1s/v1/<path>` with an
 * optional ` HTTP/1.1`.
 */
const CRLF = '\r\n';

const reason = (status: number) => STATUS_CODES[status] ?? 'Unknown';

function subRequest(ctx: ServiceContext, part: Part): Answer & { contentId?: string } {
  const contentId = part.headers['content-id'];
  const message = parseHttpMessage(part.body);
  const line = /^(GET|POST|PATCH|PUT|DELETE)\s+(\S+)(?:\s+HTTP\/\d\.\d)?$/i.exec(message.startLine);
  const withId = (answer: Answer) => (contentId === undefined ? answer : { ...answer, contentId });
  if (line === null) return withId(refused(ctx.version, REFUSALS.badFilter()));
  const target = new URL(line[2] ?? '', ctx.base);
  const root = new URL(ctx.base).pathname;
  const path = target.pathname.startsWith(root)
    ? target.pathname.slice(root.length)
    : target.pathname.replace(/^\//, '');
  let resource: string;
  try {
    resource = decodeURIComponent(path);
  } catch {
    return withId(refused(ctx.version, REFUSALS.serviceNotFound()));
  }
  return withId(handleResource(ctx, (line[1] ?? '').toUpperCase(), resource, target.search, message.body));
}

const asPart = (answer: Answer & { contentId?: string }): string =>
  httpAnswerPart(
    {
      status: answer.status,
      headers: Object.fromEntries(
        Object.entries(answer.headers).map(([k, v]) => [k, typeof v === 'string' ? v : v.join(', ')]),
      ),
      body: answer.body,
      ...(answer.contentId === undefined ? {} : { contentId: answer.contentId }),
    },
    reason(answer.status),
  );

export function handleBatch(ctx: ServiceContext, contentType: string | undefined, body: string): Answer {
  const boundary = boundaryOf(contentType);
  const parts = boundary === undefined ? undefined : parseMultipart(body, boundary);
  if (parts === undefined) return refused(ctx.version, REFUSALS.badBatch());
  const out: string[] = [];
  const outer = `batchresponse_${randomUUID()}`;
  let commits = false;
  for (const part of parts) {
    const changeset = boundaryOf(part.headers['content-type']);
    if (changeset === undefined) {
      out.push(`--${outer}`, asPart(subRequest(ctx, part)));
      continue;
    }
    const requests = parseMultipart(part.body, changeset) ?? [];
    const mark = ctx.book.mark();
    const answers: (Answer & { contentId?: string })[] = [];
    let failed: (Answer & { contentId?: string }) | undefined;
    for (const request of requests) {
      const answer = subRequest(ctx, request);
      if (answer.status >= 400) {
        failed = answer;
        break;
      }
      answers.push(answer);
    }
    if (failed !== undefined || requests.length === 0) {
      ctx.book.rollback(mark);
      out.push(`--${outer}`, asPart(failed ?? refused(ctx.version, REFUSALS.badBatch())));
      continue;
    }
    commits ||= answers.some((a) => a.commits);
    const inner = `changesetresponse_${randomUUID()}`;
    out.push(
      `--${outer}`,
      `Content-Type: multipart/mixed; boundary=${inner}`,
      '',
      ...answers.flatMap((a) => [`--${inner}`, asPart(a)]),
      `--${inner}--`,
    );
  }
  out.push(`--${outer}--`, '');
  return {
    status: 200,
    headers: { 'content-type': `multipart/mixed; boundary=${outer}` },
    body: out.join(CRLF),
    commits,
  };
}

import { ERROR_CODES, renderMessage, type ErrorCode, type Locale } from '../../model/error-codes.ts';
import type { DomainError } from '../../model/result.ts';

/** One field-level error inside a problem: where (JSON pointer), what (code) and a readable message. */
export interface FieldError {
  readonly pointer: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** RFC 9457 problem details with FinBridge's stable `code` and field-level `errors`. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/** The message template without its placeholders: the same for every occurrence, as RFC 9457 asks. */
function titleOf(code: ErrorCode, locale: Locale): string {
  const entry: { zh: string; en: string; title?: { zh: string; en: string } } = ERROR_CODES[code];
  if (entry.title !== undefined) return locale === 'zh-CN' ? entry.title.zh : entry.title.en;
  const template = locale === 'zh-CN' ? entry.zh : entry.en;
  const stripped = template
    .replace(/[（(][^）)]*\{\w+\}[^）)]*[）)]/g, '')
    .replace(/[：:]\s*[^：:]*\{\w+\}.*$/, '')
    .replace(/\s*\{\w+\}\s*/g, locale === 'zh-CN' ? '' : ' ')
    .replace(/[\s，,:：]+$/, '')
    .trim();
  return stripped || code;
}

export const problemType = (code: ErrorCode): string => `urn:finbridge:problem:${code}`;

export function toProblem(error: DomainError, locale: Locale, instance: string, requestId: string): Problem {
  const fieldErrors = error.failures.map((f) => ({
    pointer: f.pointer,
    code: f.code,
    message: renderMessage(f.code, locale, f.params ?? {}),
  }));
  const detail =
    error.code === 'validation_failed' && fieldErrors.length > 0
      ? fieldErrors.map((e) => (e.pointer ? `${e.pointer}: ${e.message}` : e.message)).join('; ')
      : renderMessage(error.code, locale, error.params);
  return {
    ...error.extensions,
    type: problemType(error.code),
    title: titleOf(error.code, locale),
    status: error.status,
    code: error.code,
    detail,
    instance,
    requestId,
    ...(fieldErrors.length > 0 ? { errors: fieldErrors } : {}),
  };
}

/** zh-CN first (the product speaks Chinese first); en-US when the client prefers English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)) || 0 };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

import type { Failure } from './result.ts';

/**
 * Text a store can keep exactly: no NUL (PostgreSQL's text type cannot hold it) and no unpaired UTF-16
 * surrogate (it has no UTF-8 encoding, so a driver would silently write U+FFFD instead). JSON allows
 * both (`"\u0000"`, `"\ud800"`), so they are refused at the door rather than stored wrong or failing
 * deep inside a write.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function describe(text: string): string | undefined {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  return found === '\u0000'
    ? 'U+0000 NUL'
    : `U+${found.charCodeAt(0).toString(16).toUpperCase()} unpaired surrogate`;
}

/** How deep a request document may nest: far beyond any FinBridge document, far below a stack's limit. */
export const MAX_DEPTH = 128;

/**
 * Every string (and object key) in a parsed document that a store could not keep exactly, as failures;
 * a document nested deeper than MAX_DEPTH is refused as such.
 */
export function unstorableText(value: unknown, pointer = '', failures: Failure[] = [], depth = 0): Failure[] {
  if (failures.length >= 20) return failures;
  if (depth > MAX_DEPTH) {
    failures.push({
      code: 'invalid_field',
      pointer,
      params: { detail: `nested deeper than ${MAX_DEPTH} levels` },
    });
    return failures;
  }
  if (typeof value === 'string') {
    const character = describe(value);
    if (character !== undefined) failures.push({ code: 'unstorable_text', pointer, params: { character } });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableText(item, `${pointer}/${i}`, failures, depth + 1));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(key)}`;
      const character = describe(key);
      if (character !== undefined)
        failures.push({ code: 'unstorable_text', pointer: at, params: { character } });
      else unstorableText(item, at, failures, depth + 1);
    }
  }
  return failures;
}

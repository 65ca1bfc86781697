import type { Failure } from './result.ts';

/**
 * Text a store can keep exactly: no NUL (PostgreSQL's text type cannot hold it) and no unpaired UTF-16
 * surrogate (it has no UTF-8 encoding, so a driver would silently write U+FFFD instead). JSON allows
 * both (`"\u0000"`, `"\ud800"`), so they are refused at the door rather than stored wrong or failing
 * deep inside a write.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/** Cheap first look: most text has neither NUL nor any surrogate (CJK is in the BMP). */
// eslint-disable-next-line no-control-regex -- as above
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/** How deep a request document may nest: far beyond any FinBridge document, far below a stack's limit. */
export const MAX_DEPTH = 128;

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function describe(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  return found === '\u0000'
    ? 'U+0000 NUL'
    : `U+${found.charCodeAt(0).toString(16).toUpperCase()} unpaired surrogate`;
}

/**
 * Every string (and object key) in a parsed document that a store could not keep exactly, as failures
 * with their JSON pointers under `prefix`; a document nested deeper than MAX_DEPTH is refused as such.
 * Pointers are only built for a failure: the walk itself allocates nothing on clean input.
 */
export function unstorableText(value: unknown, prefix = ''): Failure[] {
  const failures: Failure[] = [];
  const path: (string | number)[] = [];
  const at = () => prefix + path.map((s) => `/${typeof s === 'number' ? s : escapePointer(s)}`).join('');
  const walk = (node: unknown): void => {
    if (failures.length >= 20) return;
    if (typeof node === 'string') {
      const character = describe(node);
      if (character !== undefined)
        failures.push({ code: 'unstorable_text', pointer: at(), params: { character } });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (path.length >= MAX_DEPTH) {
      failures.push({
        code: 'invalid_field',
        pointer: at(),
        params: { detail: `nested deeper than ${MAX_DEPTH} levels` },
      });
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      path.push(key);
      const character = describe(key);
      if (character !== undefined)
        failures.push({ code: 'unstorable_text', pointer: at(), params: { character } });
      else walk((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(value);
  return failures;
}

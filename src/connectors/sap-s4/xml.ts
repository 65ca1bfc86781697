/**
 * A small XML writer for the SOAP messages, from the tree a render shows: an object is an element
 * whose keys are its children in order, `@name` keys are attributes, `#text` is text content, an array
 * repeats the element, and undefined leaves it out. Reading goes through fast-xml-parser (by local name).
 */
export type XmlNode = string | undefined | readonly XmlNode[] | { readonly [name: string]: XmlNode };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function xmlElement(name: string, node: XmlNode): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return `<${name}>${escapeXml(node)}</${name}>`;
  if (Array.isArray(node)) return (node as readonly XmlNode[]).map((item) => xmlElement(name, item)).join('');
  const entries = Object.entries(node as Record<string, XmlNode>);
  const attributes = entries
    .filter(([key, value]) => key.startsWith('@') && typeof value === 'string')
    .map(([key, value]) => ` ${key.slice(1)}="${escapeXml(value as string)}"`)
    .join('');
  const text = entries.find(([key]) => key === '#text')?.[1];
  const children = entries
    .filter(([key]) => !key.startsWith('@') && key !== '#text')
    .map(([key, value]) => xmlElement(key, value))
    .join('');
  const content = (typeof text === 'string' ? escapeXml(text) : '') + children;
  return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

const NAME = /^[A-Za-z_][\w.:-]*/;

/** The `>` that ends the tag opened at `from`, skipping quoted attribute values; -1 when none. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * Whether a text is one well-formed XML element (tags balanced and properly nested, one root, comments,
 * CDATA and processing instructions skipped). Enough to tell a whole answer from one cut off mid-way
 * before it is parsed (the parser itself is lenient).
 */
export function wellFormed(text: string): boolean {
  const open: string[] = [];
  let roots = 0;
  let at = text.indexOf('<');
  if (at < 0 || text.slice(0, at).trim() !== '') return false;
  while (at >= 0) {
    if (text.startsWith('<?', at) || text.startsWith('<!--', at) || text.startsWith('<![CDATA[', at)) {
      const close = text.startsWith('<?', at) ? '?>' : text.startsWith('<!--', at) ? '-->' : ']]>';
      const end = text.indexOf(close, at);
      if (end < 0) return false;
      at = text.indexOf('<', end + close.length);
      continue;
    }
    const end = tagEnd(text, at);
    if (end < 0) return false;
    const tag = text.slice(at + 1, end);
    if (tag.startsWith('/')) {
      if (open.pop() !== tag.slice(1).trim()) return false;
    } else {
      const name = NAME.exec(tag)?.[0];
      if (name === undefined) return false;
      if (open.length === 0) roots += 1;
      if (!tag.endsWith('/')) open.push(name);
    }
    const next = text.indexOf('<', end + 1);
    if (next < 0 && text.slice(end + 1).trim() !== '') return false;
    at = next;
  }
  return open.length === 0 && roots === 1;
}

import iconv from 'iconv-lite';
import type { Encoding } from './schema.ts';

/**
 * Text ⇄ bytes in the encodings Chinese ERPs read and write: UTF-8, UTF-8 with a byte-order mark (what
 * Excel needs to open a CSV as UTF-8) and GBK (what Windows tools in a Chinese locale call ANSI).
 * Decoding is strict: bytes that are not valid in the declared encoding are an error, never replaced
 * silently, so a file the ERP wrote in the wrong encoding is noticed rather than misread.
 */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
    case 'gbk':
      return iconv.encode(text, 'gbk');
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Uint8Array, encoding: Encoding): { text: string } | { error: string } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gbk') {
    if (hasBom) return { error: 'a UTF-8 byte-order mark in a file declared GBK' };
    const text = iconv.decode(Buffer.from(bytes), 'gbk');
    return text.includes('\uFFFD') ? { error: 'bytes that are not valid GBK' } : { text };
  }
  try {
    return { text: strictUtf8.decode(hasBom ? bytes.subarray(3) : bytes) };
  } catch {
    return {
      error: `bytes that are not valid UTF-8 (is the file ${encoding === 'utf-8' ? 'GBK' : 'ANSI'}?)`,
    };
  }
}

/** Whether the encoding can write the text at all (GBK has no emoji and few rare characters). */
export function canEncode(text: string, encoding: Encoding): boolean {
  if (encoding !== 'gbk') return !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
  return iconv.decode(iconv.encode(text, 'gbk'), 'gbk') === text;
}

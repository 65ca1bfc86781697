import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { unreadable } from './statement-file.ts';

/**
 * Bank files as text. Chinese online banking writes CSV in GBK (GB18030 decodes it and more), some
 * exports are UTF-8 with or without a byte-order mark, Excel's "Unicode text" is UTF-16; an XML file
 * says its encoding in its declaration. Whatever cannot be decoded cleanly is refused, not guessed.
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The encoding an XML declaration names, lower-cased; undefined when there is none. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
}

const GB_NAMES = new Set(['gbk', 'gb2312', 'gb18030', 'cp936', 'x-gbk']);

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw unreadable('文件是空的', 'the file is empty');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    throw unreadable(
      '这是 Excel 工作簿（xlsx），请在网银中导出 CSV 或另存为 CSV',
      'an Excel workbook (xlsx): export CSV from online banking or save it as CSV',
    );
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw unreadable(
      '这是旧版 Excel 工作簿（xls），请另存为 CSV',
      'an old Excel workbook (xls): save it as CSV',
    );
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) throw unreadable('文件含二进制数据，不是文本', 'binary data, not a text file');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = declaredXmlEncoding(bytes);
  if (declared !== undefined && GB_NAMES.has(declared)) return gb(bytes);
  try {
    const text = strictUtf8.decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    if (bom || declared === 'utf-8')
      throw unreadable(
        '文件声明为 UTF-8，但内容不是合法的 UTF-8',
        'the file says UTF-8 but is not valid UTF-8',
      );
    return gb(bytes);
  }
}

function gb(bytes: Uint8Array): DecodedText {
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (text.includes('\uFFFD'))
    throw unreadable('文件既不是 UTF-8 也不是 GBK 编码', 'the text is neither UTF-8 nor GBK');
  return { text, encoding: 'gb18030' };
}

/** The 1-based line of a position in a text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

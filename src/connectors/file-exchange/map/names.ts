/**
 * File names derived from our external reference, so that a voucher has one name and is written under
 * it once. A reference keeps its letters, digits, `-` and `_`; any other character becomes `+` and its
 * UTF-8 bytes in hex (`/` → `+2F`), which keeps the mapping one-to-one and the name safe on every file
 * system. A voucher the ERP refused may be sent again (a replay after a fix): the n-th sending gets
 * `.n` before the extension (`FB_X.2.csv`), so no acknowledgement is ever overwritten.
 */
export function referenceInName(reference: string): string {
  return [...reference]
    .map((char) =>
      /[A-Za-z0-9_-]/.test(char)
        ? char
        : [...Buffer.from(char, 'utf8')]
            .map((b) => `+${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join(''),
    )
    .join('');
}

const splitExtension = (name: string): [string, string] => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
};

/** The voucher file's name for the n-th sending of the reference under the layout's pattern. */
export function voucherFileName(pattern: string, reference: string, attempt: number): string {
  const name = pattern.replace('{reference}', referenceInName(reference));
  if (attempt <= 1) return name;
  const [stem, extension] = splitExtension(name);
  return `${stem}.${attempt}${extension}`;
}

/** The acknowledgement's name for a voucher file (`{name}.ack.csv` with the file name less its extension). */
export function ackFileName(pattern: string, voucherFile: string): string {
  return pattern.replace('{name}', splitExtension(voucherFile)[0]);
}

/** Whether a name matches a pattern whose `*` stands for any text (master-data files). */
export function matchesPattern(name: string, pattern: string): boolean {
  const regex = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}$`, 'i').test(name);
}

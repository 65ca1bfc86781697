import { validateOrgCode } from './org-code.ts';

/**
 * Identifiers met on old documents and on individuals' tax ids: the 15-character taxpayer id used
 * before 三证合一 (GB/T 2260 division code + organization code), the resident id card (GB 11643-1999)
 * and the 15-digit business registration number (GS 15-2006, ISO 7064 MOD 11,10).
 */
export type TaxId15Check = { valid: true } | { valid: false; reason: 'format' | 'org-checksum' };

export function validateTaxId15(id: string): TaxId15Check {
  if (!/^[0-9]{6}[0-9A-Z]{8}[0-9X]$/.test(id)) return { valid: false, reason: 'format' };
  return validateOrgCode(id.slice(6)).valid ? { valid: true } : { valid: false, reason: 'org-checksum' };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

export function validateResidentId(id: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return '10X98765432'[sum % 11] === id[17];
}

export function validateBusinessRegNo15(no: string): boolean {
  if (!/^[0-9]{15}$/.test(no)) return false;
  let p = 10;
  for (let i = 0; i < 14; i++) {
    const s = (p + Number(no[i])) % 10 || 10;
    p = (2 * s) % 11;
  }
  return (11 - p) % 10 === Number(no[14]);
}

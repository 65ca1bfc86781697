/**
 * VAT invoice code → invoice type, following the national check platform's own classification.
 * Type codes are the platform's: 01 专票, 02 货运专票, 03 机动车, 04 普票, 08 电子专票, 10 电子普票,
 * 11 卷票, 14 通行费, 15 二手车, 99 unknown / not a VAT invoice code.
 */
export const CHECK_PLATFORM_TYPES = ['01', '02', '03', '04', '08', '10', '11', '14', '15', '99'] as const;
export type CheckPlatformType = (typeof CHECK_PLATFORM_TYPES)[number];

const PILOT_E_INVOICE_CODES = new Set(['144031539110', '131001570151', '133011501118', '111001571071']);

export function invoiceTypeFromCode(code: string): CheckPlatformType {
  if (!/^[0-9]+$/.test(code)) return '99';
  if (code.length === 10) {
    switch (code[7]) {
      case '1':
      case '5':
        return '01';
      case '3':
      case '6':
        return '04';
      case '2':
      case '7':
        return '02';
      default:
        return '99';
    }
  }
  if (code.length !== 12) return '99';
  if (PILOT_E_INVOICE_CODES.has(code)) return '10';
  if (code[0] === '0') {
    switch (code.slice(10)) {
      case '11':
        return '10';
      case '04':
      case '05':
        return '04';
      case '06':
      case '07':
        return '11';
      case '12':
        return '14';
      case '13':
        return '08';
      case '17':
        return '15';
      default:
        return '99';
    }
  }
  return code[7] === '2' ? '03' : '99';
}

/** The parts of a 20-digit fully-digital (数电) invoice number. */
export interface FullyDigitalNumber {
  readonly year: number;
  readonly region: string;
  readonly channel: string;
  readonly sequence: string;
}

export function parseFullyDigitalNumber(number: string): FullyDigitalNumber | null {
  const m = /^(\d{2})(\d{2})(\d)(\d{15})$/.exec(number);
  if (!m) return null;
  return { year: 2000 + Number(m[1]), region: m[2] ?? '', channel: m[3] ?? '', sequence: m[4] ?? '' };
}

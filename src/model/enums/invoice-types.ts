import type { Labelled } from './labelled.ts';

/**
 * Invoice and ticket types an expense system meets. `platformType` is the national check platform's
 * type code for legacy invoices (see standards/cn/invoice-code.ts); `identity` says how the invoice is
 * identified for de-duplication: a 10/12-digit code + 8-digit number, or a 20-digit fully-digital number.
 */
export const INVOICE_TYPES = [
  {
    code: 'vat_special',
    zh: '增值税专用发票',
    en: 'VAT special invoice',
    platformType: '01',
    identity: 'code+number',
    deductible: true,
  },
  {
    code: 'vat_freight_special',
    zh: '货物运输业增值税专用发票',
    en: 'Freight VAT special invoice (until 2016-06-30)',
    platformType: '02',
    identity: 'code+number',
    deductible: true,
  },
  {
    code: 'motor_vehicle',
    zh: '机动车销售统一发票',
    en: 'Motor vehicle sales invoice',
    platformType: '03',
    identity: 'code+number',
    deductible: true,
  },
  {
    code: 'vat_general',
    zh: '增值税普通发票',
    en: 'VAT general invoice',
    platformType: '04',
    identity: 'code+number',
    deductible: false,
  },
  {
    code: 'vat_e_special',
    zh: '增值税电子专用发票',
    en: 'VAT electronic special invoice',
    platformType: '08',
    identity: 'code+number',
    deductible: true,
  },
  {
    code: 'vat_e_general',
    zh: '增值税电子普通发票',
    en: 'VAT electronic general invoice',
    platformType: '10',
    identity: 'code+number',
    deductible: false,
  },
  {
    code: 'vat_roll',
    zh: '增值税普通发票（卷票）',
    en: 'VAT general invoice (roll)',
    platformType: '11',
    identity: 'code+number',
    deductible: false,
  },
  {
    code: 'vat_e_toll',
    zh: '增值税电子普通发票（通行费）',
    en: 'VAT electronic toll invoice',
    platformType: '14',
    identity: 'code+number',
    deductible: true,
  },
  {
    code: 'used_vehicle',
    zh: '二手车销售统一发票',
    en: 'Used vehicle sales invoice',
    platformType: '15',
    identity: 'code+number',
    deductible: false,
  },
  {
    code: 'digital_special',
    zh: '电子发票（增值税专用发票）',
    en: 'Fully-digital e-invoice (special)',
    platformType: null,
    identity: 'number20',
    deductible: true,
  },
  {
    code: 'digital_general',
    zh: '电子发票（普通发票）',
    en: 'Fully-digital e-invoice (general)',
    platformType: null,
    identity: 'number20',
    deductible: false,
  },
  {
    code: 'digital_rail',
    zh: '电子发票（铁路电子客票）',
    en: 'Fully-digital e-invoice (rail e-ticket)',
    platformType: null,
    identity: 'number20',
    deductible: true,
  },
  {
    code: 'digital_air',
    zh: '电子发票（航空运输电子客票行程单）',
    en: 'Fully-digital e-invoice (air itinerary)',
    platformType: null,
    identity: 'number20',
    deductible: true,
  },
  {
    code: 'air_itinerary',
    zh: '航空运输电子客票行程单',
    en: 'Air e-ticket itinerary',
    platformType: null,
    identity: 'number',
    deductible: true,
  },
  {
    code: 'train_ticket',
    zh: '铁路车票',
    en: 'Train ticket',
    platformType: null,
    identity: 'number',
    deductible: true,
  },
  {
    code: 'passenger_ticket',
    zh: '公路、水路客票',
    en: 'Road or waterway passenger ticket',
    platformType: null,
    identity: 'number',
    deductible: true,
  },
  {
    code: 'taxi_receipt',
    zh: '出租车票',
    en: 'Taxi receipt',
    platformType: null,
    identity: 'number',
    deductible: false,
  },
  {
    code: 'quota_invoice',
    zh: '定额发票',
    en: 'Fixed-amount invoice',
    platformType: null,
    identity: 'code+number',
    deductible: false,
  },
  {
    code: 'other',
    zh: '其他票据',
    en: 'Other receipt',
    platformType: null,
    identity: 'number',
    deductible: false,
  },
] as const satisfies readonly (Labelled & {
  platformType: string | null;
  identity: 'code+number' | 'number20' | 'number';
  deductible: boolean;
})[];

export type InvoiceType = (typeof INVOICE_TYPES)[number]['code'];

import type { Labelled } from './labelled.ts';

/**
 * VAT rates and levy rates (征收率) as dated reference data — rates change by law, so every rate has a
 * validity period and an invoice is checked against the rates valid on its date. Sources: 财税〔2018〕32号
 * (17/11 → 16/10 from 2018-05-01), 财政部 税务总局 海关总署公告2019年第39号 (16/10 → 13/9 from 2019-04-01),
 * 增值税法 (effective 2026-01-01). The 1% small-scale relief runs to 2027-12-31 per 2023年第19号; whether
 * 5% levy cases survive under the VAT Law's implementing rules is unconfirmed, so it stays open-ended.
 */
export interface TaxRateDefinition extends Labelled {
  readonly kind: 'rate' | 'levy' | 'exempt';
  /** Exact decimal string, "0.13" = 13%. */
  readonly rate: string;
  readonly validFrom: string;
  /** Last day the rate applies; absent = still in force. */
  readonly validTo?: string;
}

export const STANDARD_TAX_RATES: readonly TaxRateDefinition[] = [
  {
    code: 'vat17',
    kind: 'rate',
    rate: '0.17',
    validFrom: '1994-01-01',
    validTo: '2018-04-30',
    zh: '17%',
    en: '17%',
  },
  {
    code: 'vat11',
    kind: 'rate',
    rate: '0.11',
    validFrom: '2016-05-01',
    validTo: '2018-04-30',
    zh: '11%',
    en: '11%',
  },
  {
    code: 'vat16',
    kind: 'rate',
    rate: '0.16',
    validFrom: '2018-05-01',
    validTo: '2019-03-31',
    zh: '16%',
    en: '16%',
  },
  {
    code: 'vat10',
    kind: 'rate',
    rate: '0.10',
    validFrom: '2018-05-01',
    validTo: '2019-03-31',
    zh: '10%',
    en: '10%',
  },
  { code: 'vat13', kind: 'rate', rate: '0.13', validFrom: '2019-04-01', zh: '13%', en: '13%' },
  { code: 'vat9', kind: 'rate', rate: '0.09', validFrom: '2019-04-01', zh: '9%', en: '9%' },
  { code: 'vat6', kind: 'rate', rate: '0.06', validFrom: '2016-05-01', zh: '6%', en: '6%' },
  {
    code: 'vat0',
    kind: 'rate',
    rate: '0',
    validFrom: '1994-01-01',
    zh: '0%（零税率）',
    en: '0% (zero-rated)',
  },
  { code: 'levy5', kind: 'levy', rate: '0.05', validFrom: '2016-05-01', zh: '5% 征收率', en: '5% levy rate' },
  { code: 'levy3', kind: 'levy', rate: '0.03', validFrom: '2009-01-01', zh: '3% 征收率', en: '3% levy rate' },
  {
    code: 'levy1',
    kind: 'levy',
    rate: '0.01',
    validFrom: '2020-03-01',
    validTo: '2027-12-31',
    zh: '1% 征收率（小规模减征）',
    en: '1% reduced levy (small-scale relief)',
  },
  { code: 'exempt', kind: 'exempt', rate: '0', validFrom: '1994-01-01', zh: '免税', en: 'Exempt' },
];

/** The rates in force on a calendar date (YYYY-MM-DD compares correctly as text). */
export const taxRatesOn = (date: string): TaxRateDefinition[] =>
  STANDARD_TAX_RATES.filter((r) => r.validFrom <= date && (r.validTo === undefined || date <= r.validTo));

/**
 * ISO 4217 currencies FinBridge knows, with their minor-unit exponent (the number of digits after the
 * decimal point on the wire) and names. The list covers the currencies Chinese companies meet in trade,
 * plus every currency whose exponent is not 2, so exponent handling is exercised.
 */
export const CURRENCIES = {
  CNY: { numeric: '156', exponent: 2, zh: '人民币', en: 'Chinese Yuan' },
  HKD: { numeric: '344', exponent: 2, zh: '港币', en: 'Hong Kong Dollar' },
  MOP: { numeric: '446', exponent: 2, zh: '澳门元', en: 'Macanese Pataca' },
  TWD: { numeric: '901', exponent: 2, zh: '新台币', en: 'New Taiwan Dollar' },
  USD: { numeric: '840', exponent: 2, zh: '美元', en: 'US Dollar' },
  EUR: { numeric: '978', exponent: 2, zh: '欧元', en: 'Euro' },
  GBP: { numeric: '826', exponent: 2, zh: '英镑', en: 'Pound Sterling' },
  JPY: { numeric: '392', exponent: 0, zh: '日元', en: 'Japanese Yen' },
  KRW: { numeric: '410', exponent: 0, zh: '韩元', en: 'South Korean Won' },
  SGD: { numeric: '702', exponent: 2, zh: '新加坡元', en: 'Singapore Dollar' },
  AUD: { numeric: '036', exponent: 2, zh: '澳大利亚元', en: 'Australian Dollar' },
  NZD: { numeric: '554', exponent: 2, zh: '新西兰元', en: 'New Zealand Dollar' },
  CAD: { numeric: '124', exponent: 2, zh: '加拿大元', en: 'Canadian Dollar' },
  CHF: { numeric: '756', exponent: 2, zh: '瑞士法郎', en: 'Swiss Franc' },
  SEK: { numeric: '752', exponent: 2, zh: '瑞典克朗', en: 'Swedish Krona' },
  NOK: { numeric: '578', exponent: 2, zh: '挪威克朗', en: 'Norwegian Krone' },
  DKK: { numeric: '208', exponent: 2, zh: '丹麦克朗', en: 'Danish Krone' },
  RUB: { numeric: '643', exponent: 2, zh: '俄罗斯卢布', en: 'Russian Ruble' },
  INR: { numeric: '356', exponent: 2, zh: '印度卢比', en: 'Indian Rupee' },
  THB: { numeric: '764', exponent: 2, zh: '泰铢', en: 'Thai Baht' },
  MYR: { numeric: '458', exponent: 2, zh: '马来西亚林吉特', en: 'Malaysian Ringgit' },
  IDR: { numeric: '360', exponent: 2, zh: '印尼盾', en: 'Indonesian Rupiah' },
  PHP: { numeric: '608', exponent: 2, zh: '菲律宾比索', en: 'Philippine Peso' },
  VND: { numeric: '704', exponent: 0, zh: '越南盾', en: 'Vietnamese Dong' },
  KZT: { numeric: '398', exponent: 2, zh: '哈萨克斯坦坚戈', en: 'Kazakhstani Tenge' },
  AED: { numeric: '784', exponent: 2, zh: '阿联酋迪拉姆', en: 'UAE Dirham' },
  SAR: { numeric: '682', exponent: 2, zh: '沙特里亚尔', en: 'Saudi Riyal' },
  BRL: { numeric: '986', exponent: 2, zh: '巴西雷亚尔', en: 'Brazilian Real' },
  MXN: { numeric: '484', exponent: 2, zh: '墨西哥比索', en: 'Mexican Peso' },
  ZAR: { numeric: '710', exponent: 2, zh: '南非兰特', en: 'South African Rand' },
  CLP: { numeric: '152', exponent: 0, zh: '智利比索', en: 'Chilean Peso' },
  ISK: { numeric: '352', exponent: 0, zh: '冰岛克朗', en: 'Icelandic Króna' },
  PYG: { numeric: '600', exponent: 0, zh: '巴拉圭瓜拉尼', en: 'Paraguayan Guaraní' },
  UGX: { numeric: '800', exponent: 0, zh: '乌干达先令', en: 'Ugandan Shilling' },
  XAF: { numeric: '950', exponent: 0, zh: '中非法郎', en: 'CFA Franc BEAC' },
  XOF: { numeric: '952', exponent: 0, zh: '西非法郎', en: 'CFA Franc BCEAO' },
  BHD: { numeric: '048', exponent: 3, zh: '巴林第纳尔', en: 'Bahraini Dinar' },
  IQD: { numeric: '368', exponent: 3, zh: '伊拉克第纳尔', en: 'Iraqi Dinar' },
  JOD: { numeric: '400', exponent: 3, zh: '约旦第纳尔', en: 'Jordanian Dinar' },
  KWD: { numeric: '414', exponent: 3, zh: '科威特第纳尔', en: 'Kuwaiti Dinar' },
  LYD: { numeric: '434', exponent: 3, zh: '利比亚第纳尔', en: 'Libyan Dinar' },
  OMR: { numeric: '512', exponent: 3, zh: '阿曼里亚尔', en: 'Omani Rial' },
  TND: { numeric: '788', exponent: 3, zh: '突尼斯第纳尔', en: 'Tunisian Dinar' },
} as const satisfies Record<string, { numeric: string; exponent: 0 | 2 | 3; zh: string; en: string }>;

export type CurrencyCode = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[];

export const isCurrencyCode = (code: string): code is CurrencyCode => Object.hasOwn(CURRENCIES, code);

export const exponentOf = (code: CurrencyCode): number => CURRENCIES[code].exponent;

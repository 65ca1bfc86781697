import type { EdmProperty } from '../odata/edm.ts';

/** Short ways to declare the properties of SAP's entity types, with their labels. */
export const str = (name: string, maxLength: number, label: string, upperCase = true): EdmProperty => ({
  name,
  type: 'Edm.String',
  maxLength,
  label,
  ...(upperCase ? { upperCase: true } : {}),
});
export const text = (name: string, maxLength: number, label: string): EdmProperty =>
  str(name, maxLength, label, false);
export const date = (name: string, label: string): EdmProperty => ({
  name,
  type: 'Edm.DateTime',
  precision: 0,
  date: true,
  label,
});
export const timestamp = (name: string, label: string): EdmProperty => ({
  name,
  type: 'Edm.DateTimeOffset',
  precision: 7,
  label,
});
export const time = (name: string, label: string): EdmProperty => ({
  name,
  type: 'Edm.Time',
  precision: 0,
  label,
});
export const flag = (name: string, label: string): EdmProperty => ({ name, type: 'Edm.Boolean', label });
export const amount = (
  name: string,
  unit: string,
  label: string,
  precision = 14,
  scale = 3,
): EdmProperty => ({
  name,
  type: 'Edm.Decimal',
  precision,
  scale,
  unit,
  label,
});
export const currency = (name: string, label: string): EdmProperty => ({
  name,
  type: 'Edm.String',
  maxLength: 5,
  currencyCode: true,
  label,
});

/** Midnight UTC of a calendar date, as the simulator holds an `Edm.DateTime` date. */
export const dayMs = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);

/** Milliseconds since midnight (UTC) of an instant, as the simulator holds an `Edm.Time`. */
export const clockMs = (at: number): number => at % 86_400_000;

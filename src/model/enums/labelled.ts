/** A field-standard value: a stable code plus its labels in the two languages the product speaks. */
export interface Labelled<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

export const codesOf = <C extends string>(items: readonly Labelled<C>[]): C[] => items.map((i) => i.code);

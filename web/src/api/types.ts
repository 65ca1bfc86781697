import type { components, operations } from './schema';

/** Names for the generated shapes the console uses (all from schema.d.ts; none written by hand). */
type Ok<O extends keyof operations> = operations[O]['responses'] extends { 200: { content: infer C } }
  ? C extends { 'application/json': infer J }
    ? J
    : never
  : never;

export type WhoAmI = Ok<'whoAmI'>;
export type User = Ok<'login'>['user'];
export type ExpenseDocument = components['schemas']['ExpenseDocumentView'];
export type ExpenseStatus = ExpenseDocument['status'];
export type ExpenseClaimInput = components['schemas']['ExpenseClaimInput'];
export type ExpenseCategory = components['schemas']['ExpenseCategory'];
export type Department = components['schemas']['Department'];
export type ConsoleUser = Ok<'listUsers'>['items'][number];

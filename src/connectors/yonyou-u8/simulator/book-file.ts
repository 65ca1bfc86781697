import { Type, type Static, type TProperties } from 'typebox';
import type { SimulatorMasterData } from '../../contract.ts';
import { check } from '../../../model/validate.ts';
import { misshapen, readJsonBook, writeJsonBook } from '../../simulator-kit/book-file.ts';
import { U8Book } from './book.ts';

/**
 * The U8 account set kept in a book file (`bookFile`): a JSON snapshot of the whole book — master
 * data, closed periods, vouchers and the next voucher id — written atomically after every committed
 * change and on close, read back on the next start, so vouchers posted before a restart are found
 * after it and numbering goes on. A whole snapshot per change costs O(book) per write: right at
 * simulator scale (thousands of vouchers), not for a million. Trade ids and pending asynchronous
 * results are not kept: a client takes a fresh trade id per write and finds its vouchers by reserve2.
 */
export const U8_BOOK = { erp: 'yonyou-u8', format: 1 } as const;

const Fen = Type.String({ pattern: '^-?[0-9]+$' });
/** A Map of master data kept as a list of its records in order, each with its code. */
const Coded = <T extends TProperties>(properties: T) =>
  Type.Array(Type.Object({ code: Type.String(), ...properties }));

const KeptBook = Type.Object({
  nextId: Type.Integer({ minimum: 1 }),
  accounts: Coded({ name: Type.String(), postable: Type.Boolean() }),
  vendors: Coded({ name: Type.String(), taxId: Type.String(), seedDate: Type.String() }),
  departments: Coded({ name: Type.String() }),
  persons: Coded({ name: Type.String() }),
  closedPeriods: Type.Array(Type.String()),
  vouchers: Type.Array(
    Type.Object({
      id: Type.String(),
      type: Type.String(),
      year: Type.Integer(),
      period: Type.Integer(),
      number: Type.Integer(),
      date: Type.String(),
      enter: Type.String(),
      makingSystem: Type.String(),
      reserve2: Type.String(),
      entries: Type.Array(
        Type.Object({
          entryId: Type.Integer(),
          account: Type.String(),
          abstract: Type.String(),
          debitFen: Fen,
          creditFen: Fen,
          auxiliary: Type.Record(Type.String(), Type.String()),
        }),
      ),
    }),
  ),
});
type KeptBook = Static<typeof KeptBook>;

const NO_MASTER: SimulatorMasterData = { accounts: [], departments: [], employees: [], suppliers: [] };

/**
 * The book a simulator starts with: seeded from `master` when there is no book file (or it does not
 * exist yet), else the file's book — whose master data then wins over `master`. `save` writes the file
 * (a no-op without one); the book calls it after each committed change, the simulator on close.
 */
export function openU8Book(
  master: SimulatorMasterData,
  today: string,
  bookFile: string | undefined,
): { readonly book: U8Book; readonly save: () => void } {
  if (bookFile === undefined) return { book: new U8Book(master, today), save: () => {} };
  const kept = readJsonBook(bookFile, U8_BOOK.erp, U8_BOOK.format);
  const book = kept === undefined ? new U8Book(master, today) : restore(bookFile, kept);
  const save = () => writeJsonBook(bookFile, U8_BOOK.erp, U8_BOOK.format, snapshot(book));
  book.onChange(save);
  save();
  return { book, save };
}

function snapshot(book: U8Book): KeptBook {
  return {
    nextId: book.nextVoucherId,
    accounts: [...book.accounts].map(([code, a]) => ({ code, ...a })),
    vendors: [...book.vendors].map(([code, v]) => ({ code, ...v })),
    departments: [...book.departments].map(([code, name]) => ({ code, name })),
    persons: [...book.persons].map(([code, name]) => ({ code, name })),
    closedPeriods: [...book.closedPeriods],
    vouchers: book.vouchers.map((v) => ({
      ...v,
      entries: v.entries.map((e) => ({ ...e, debitFen: String(e.debitFen), creditFen: String(e.creditFen) })),
    })),
  };
}

function restore(path: string, value: unknown): U8Book {
  const failures = check(KeptBook, value, '/book');
  if (failures.length > 0) throw misshapen(path, failures);
  const kept = value as KeptBook;
  const book = new U8Book(NO_MASTER, '');
  for (const { code, name, postable } of kept.accounts) book.accounts.set(code, { name, postable });
  for (const { code, ...vendor } of kept.vendors) book.vendors.set(code, vendor);
  for (const { code, name } of kept.departments) book.departments.set(code, name);
  for (const { code, name } of kept.persons) book.persons.set(code, name);
  for (const period of kept.closedPeriods) book.closedPeriods.add(period);
  for (const v of kept.vouchers)
    book.vouchers.push({
      ...v,
      entries: v.entries.map((e) => ({ ...e, debitFen: BigInt(e.debitFen), creditFen: BigInt(e.creditFen) })),
    });
  book.continueFrom(kept.nextId);
  return book;
}

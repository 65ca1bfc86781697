import { Type, type Static } from 'typebox';
import type { SimulatorMasterData } from '../../contract.ts';
import { check } from '../../../model/validate.ts';
import { misshapen, readJsonBook, writeJsonBook } from '../../simulator-kit/book-file.ts';
import { YonBook } from './book.ts';

/**
 * The YonBIP tenant's ledger kept in a book file (`bookFile`): a JSON snapshot of the whole book —
 * master data (vendors with their ids, orgs and pubts), closed periods and saved vouchers — written
 * atomically after every change and on close, read back on the next start, so vouchers saved before a
 * restart are found after it and 凭证号 go on from the ones kept. A whole snapshot per change costs
 * O(book) per write: right at simulator scale, not for a million vouchers. Tokens are not kept: a
 * client asks for a new one, as after any expiry.
 */
export const YONBIP_BOOK = { erp: 'yonbip', format: 1 } as const;

const Fen = Type.String({ pattern: '^-?[0-9]+$' });
const KeptBook = Type.Object({
  accounts: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), postable: Type.Boolean() })),
  vendors: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      creditcode: Type.String(),
      pubts: Type.String(),
      orgs: Type.Array(Type.String()),
    }),
  ),
  departments: Type.Array(Type.String()),
  employees: Type.Array(Type.String()),
  closedPeriods: Type.Array(Type.String()),
  vouchers: Type.Array(
    Type.Object({
      id: Type.String(),
      accbookCode: Type.String(),
      voucherTypeCode: Type.String(),
      period: Type.String(),
      billCode: Type.Integer(),
      makeTime: Type.String(),
      description: Type.String(),
      businessId: Type.String(),
      externalSourceDataId: Type.String(),
      ts: Type.String(),
      lines: Type.Array(
        Type.Object({
          description: Type.String(),
          account: Type.String(),
          debitFen: Fen,
          creditFen: Fen,
          auxiliary: Type.Array(Type.Object({ filedCode: Type.String(), valueCode: Type.String() })),
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
 * (a no-op without one); the book calls it after each change, the simulator on close.
 */
export function openYonBook(
  master: SimulatorMasterData,
  seededAt: string,
  bookFile: string | undefined,
): { readonly book: YonBook; readonly save: () => void } {
  if (bookFile === undefined) return { book: new YonBook(master, seededAt), save: () => {} };
  const kept = readJsonBook(bookFile, YONBIP_BOOK.erp, YONBIP_BOOK.format);
  const book = kept === undefined ? new YonBook(master, seededAt) : restore(bookFile, kept);
  const save = () => writeJsonBook(bookFile, YONBIP_BOOK.erp, YONBIP_BOOK.format, snapshot(book));
  book.onChange(save);
  save();
  return { book, save };
}

function snapshot(book: YonBook): KeptBook {
  return {
    accounts: [...book.accounts].map(([code, a]) => ({ code, ...a })),
    vendors: [...book.vendors.values()].map((v) => ({ ...v, orgs: [...v.orgs] })),
    departments: [...book.departments],
    employees: [...book.employees],
    closedPeriods: [...book.closedPeriods],
    vouchers: book.vouchers.map((v) => ({
      ...v,
      lines: v.lines.map((l) => ({
        ...l,
        debitFen: String(l.debitFen),
        creditFen: String(l.creditFen),
        auxiliary: [...l.auxiliary],
      })),
    })),
  };
}

function restore(path: string, value: unknown): YonBook {
  const failures = check(KeptBook, value, '/book');
  if (failures.length > 0) throw misshapen(path, failures);
  const kept = value as KeptBook;
  const book = new YonBook(NO_MASTER, '');
  for (const { code, name, postable } of kept.accounts) book.accounts.set(code, { name, postable });
  for (const vendor of kept.vendors) book.vendors.set(vendor.code, vendor);
  for (const code of kept.departments) book.departments.add(code);
  for (const code of kept.employees) book.employees.add(code);
  for (const period of kept.closedPeriods) book.closedPeriods.add(period);
  for (const v of kept.vouchers)
    book.vouchers.push({
      ...v,
      lines: v.lines.map((l) => ({ ...l, debitFen: BigInt(l.debitFen), creditFen: BigInt(l.creditFen) })),
    });
  return book;
}

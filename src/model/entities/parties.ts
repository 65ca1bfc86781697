import { Type } from 'typebox';
import { Code, Name, Status, Text, Uscc } from '../common.ts';

export const BankAccount = Type.Object(
  {
    bankName: Name,
    accountNumber: Type.String({ pattern: '^[0-9A-Za-z -]{4,40}$', description: 'Bank account number.' }),
    accountName: Type.Optional(Name),
    cnaps: Type.Optional(
      Type.String({ pattern: '^[0-9]{12}$', description: '12-digit CNAPS bank code (联行号).' }),
    ),
    primary: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** Supplier (供应商): tax id is a USCC, verified; bank accounts for payments. */
export const SupplierFields = {
  code: Code,
  name: Name,
  taxId: Uscc,
  shortName: Type.Optional(Type.String({ maxLength: 80 })),
  address: Type.Optional(Text('Registered address.')),
  contact: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  bankAccounts: Type.Optional(Type.Array(BankAccount, { maxItems: 10 })),
  paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  status: Type.Optional(Status),
};

/** Customer (客户). */
export const CustomerFields = {
  code: Code,
  name: Name,
  taxId: Uscc,
  address: Type.Optional(Text('Registered address.')),
  contact: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  bankAccounts: Type.Optional(Type.Array(BankAccount, { maxItems: 10 })),
  status: Type.Optional(Status),
};

import { v5 as uuidV5 } from 'uuid';
import type { S4Book } from '../book.ts';
import type { EdmService } from '../odata/edm.ts';
import type { ServiceData } from '../odata/service.ts';
import type { Row } from '../odata/values.ts';
import { clockMs, currency, date, flag, str, text, time } from './properties.ts';

/**
 * `API_BUSINESS_PARTNER` (§1.6): `A_BusinessPartner` (with `LastChangeDate`/`LastChangeTime`, the
 * suppliers' watermark), `A_Supplier` and `A_SupplierCompany`, read-only here. Every supplier of the
 * book is an organisation partner whose number is also its supplier number.
 */
export const BUSINESS_PARTNER: EdmService = {
  name: 'API_BUSINESS_PARTNER',
  component: 'LO-MD-BP',
  entities: [
    {
      type: 'A_BusinessPartnerType',
      set: 'A_BusinessPartner',
      label: 'Business Partner',
      keys: ['BusinessPartner'],
      properties: [
        str('BusinessPartner', 10, 'Business Partner'),
        str('Customer', 10, 'Customer'),
        str('Supplier', 10, 'Supplier'),
        str('BusinessPartnerCategory', 1, 'BP Category'),
        text('BusinessPartnerFullName', 81, 'Business Partner Name'),
        str('BusinessPartnerGrouping', 4, 'Grouping'),
        text('BusinessPartnerName', 81, 'Name of Business Partner'),
        { name: 'BusinessPartnerUUID', type: 'Edm.Guid', label: 'BP GUID' },
        text('OrganizationBPName1', 40, 'Name 1'),
        text('OrganizationBPName2', 40, 'Name 2'),
        str('CreatedByUser', 12, 'Created By'),
        date('CreationDate', 'Created On'),
        time('CreationTime', 'Created At'),
        str('LastChangedByUser', 12, 'Changed By'),
        date('LastChangeDate', 'Changed On'),
        time('LastChangeTime', 'Changed At'),
        flag('BusinessPartnerIsBlocked', 'Central Block'),
        flag('IsMarkedForArchiving', 'Archiving Flag'),
      ],
      navigations: [{ name: 'to_Supplier', target: 'A_SupplierType', many: false }],
    },
    {
      type: 'A_SupplierType',
      set: 'A_Supplier',
      label: 'Supplier',
      keys: ['Supplier'],
      properties: [
        str('Supplier', 10, 'Supplier'),
        str('SupplierAccountGroup', 4, 'Account Group'),
        text('SupplierName', 80, 'Name of Supplier'),
        text('SupplierFullName', 220, 'Supplier Name'),
        date('CreationDate', 'Created On'),
        str('CreatedByUser', 12, 'Created By'),
        str('VATRegistration', 20, 'VAT Registration No.'),
        str('TaxNumber1', 16, 'Tax Number 1'),
        flag('PostingIsBlocked', 'Central Posting Block'),
        flag('PaymentIsBlockedForSupplier', 'Payment Block'),
        flag('PurchasingIsBlocked', 'Purchasing Block'),
        flag('DeletionIndicator', 'Central Deletion Flag'),
        str('Customer', 10, 'Customer'),
      ],
      navigations: [{ name: 'to_SupplierCompany', target: 'A_SupplierCompanyType', many: true }],
    },
    {
      type: 'A_SupplierCompanyType',
      set: 'A_SupplierCompany',
      label: 'Supplier Company',
      keys: ['Supplier', 'CompanyCode'],
      properties: [
        str('Supplier', 10, 'Supplier'),
        str('CompanyCode', 4, 'Company Code'),
        str('PaymentTerms', 4, 'Terms of Payment'),
        str('ReconciliationAccount', 10, 'Reconciliation Acct'),
        str('PaymentMethodsList', 10, 'Payment Methods'),
        str('PaymentBlockingReason', 1, 'Payment Block'),
        flag('SupplierIsBlockedForPosting', 'Posting Block'),
        currency('Currency', 'Currency'),
        flag('IsToBeCheckedForDuplicates', 'Check Double Inv.'),
        flag('DeletionIndicator', 'Deletion Flag'),
      ],
      navigations: [],
    },
  ],
};

const BP_NAMESPACE = '0c7f3a52-2f0e-4b8e-9d1a-5e6b7c8d9e0f';

export function businessPartnerData(book: S4Book): ServiceData {
  const partners = (): Row[] =>
    [...book.suppliers].map(([code, s]) => ({
      BusinessPartner: code,
      Customer: '',
      Supplier: code,
      BusinessPartnerCategory: '2',
      BusinessPartnerFullName: s.name,
      BusinessPartnerGrouping: 'BP02',
      BusinessPartnerName: s.name,
      BusinessPartnerUUID: uuidV5(code, BP_NAMESPACE),
      OrganizationBPName1: s.name.slice(0, 40),
      OrganizationBPName2: s.name.slice(40, 80),
      CreatedByUser: 'CB9980000001',
      CreationDate: s.createdAt - clockMs(s.createdAt),
      CreationTime: clockMs(s.createdAt),
      LastChangedByUser: 'CB9980000001',
      LastChangeDate: s.changedAt - clockMs(s.changedAt),
      LastChangeTime: clockMs(s.changedAt),
      BusinessPartnerIsBlocked: s.blocked,
      IsMarkedForArchiving: false,
    }));
  const suppliers = (): Row[] =>
    [...book.suppliers].map(([code, s]) => ({
      Supplier: code,
      SupplierAccountGroup: 'SUPL',
      SupplierName: s.name.slice(0, 80),
      SupplierFullName: s.name,
      CreationDate: s.createdAt - clockMs(s.createdAt),
      CreatedByUser: 'CB9980000001',
      VATRegistration: '',
      TaxNumber1: s.taxId.slice(0, 16),
      PostingIsBlocked: s.blocked,
      PaymentIsBlockedForSupplier: false,
      PurchasingIsBlocked: false,
      DeletionIndicator: false,
      Customer: '',
    }));
  const companies = (): Row[] =>
    [...book.suppliers.keys()].map((code) => ({
      Supplier: code,
      CompanyCode: book.company.companyCode,
      PaymentTerms: '0001',
      ReconciliationAccount: book.company.reconciliationAccount,
      PaymentMethodsList: 'T',
      PaymentBlockingReason: '',
      SupplierIsBlockedForPosting: false,
      Currency: book.company.currency,
      IsToBeCheckedForDuplicates: true,
      DeletionIndicator: false,
    }));
  return {
    model: BUSINESS_PARTNER,
    rows: (entity) =>
      entity.set === 'A_BusinessPartner'
        ? partners()
        : entity.set === 'A_Supplier'
          ? suppliers()
          : companies(),
    navigate: (_entity, row, nav) =>
      nav === 'to_Supplier'
        ? suppliers().filter((s) => s['Supplier'] === row['Supplier'])
        : companies().filter((c) => c['Supplier'] === row['Supplier']),
  };
}

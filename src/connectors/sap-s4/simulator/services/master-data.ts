import type { S4Book } from '../book.ts';
import type { EdmService } from '../odata/edm.ts';
import type { ServiceData } from '../odata/service.ts';
import type { Row } from '../odata/values.ts';
import { currency, date, dayMs, flag, str, text, timestamp } from './properties.ts';

/**
 * G/L accounts and cost centres. Neither service is in the wire-format reference: the names
 * `API_GLACCOUNTINCHARTOFACCOUNTS_SRV` and `API_COSTCENTER_SRV`, their entity sets and fields are
 * [inferred] from public integration code and SAP's CDS names, and kept to what a pull needs.
 */
export const GL_ACCOUNTS: EdmService = {
  name: 'API_GLACCOUNTINCHARTOFACCOUNTS_SRV',
  component: 'FI-GL-GL-N',
  entities: [
    {
      type: 'A_GLAccountInChartOfAccountsType',
      set: 'A_GLAccountInChartOfAccounts',
      label: 'G/L Account In Chart Of Accounts',
      keys: ['ChartOfAccounts', 'GLAccount'],
      properties: [
        str('ChartOfAccounts', 4, 'Chart of Accounts'),
        str('GLAccount', 10, 'G/L Account'),
        flag('IsBalanceSheetAccount', 'Balance Sheet Account'),
        str('GLAccountGroup', 4, 'Account Group'),
        str('GLAccountType', 1, 'G/L Account Type'),
        flag('IsProfitLossAccount', 'P&L Statement Account'),
        flag('AccountIsMarkedForDeletion', 'Marked for Deletion'),
        flag('AccountIsBlockedForPosting', 'Blocked for Posting'),
        flag('AccountIsBlockedForCreation', 'Blocked for Creation'),
        date('CreationDate', 'Created On'),
        str('CreatedByUser', 12, 'Created By'),
        timestamp('LastChangeDateTime', 'Last Changed'),
      ],
      navigations: [{ name: 'to_Text', target: 'A_GLAccountTextType', many: true }],
    },
    {
      type: 'A_GLAccountTextType',
      set: 'A_GLAccountText',
      label: 'G/L Account Text',
      keys: ['ChartOfAccounts', 'GLAccount', 'Language'],
      properties: [
        str('ChartOfAccounts', 4, 'Chart of Accounts'),
        str('GLAccount', 10, 'G/L Account'),
        str('Language', 2, 'Language Key'),
        text('GLAccountName', 20, 'Short Text'),
        text('GLAccountLongName', 50, 'G/L Acct Long Text'),
        timestamp('LastChangeDateTime', 'Last Changed'),
      ],
      navigations: [],
    },
  ],
};

export const COST_CENTERS: EdmService = {
  name: 'API_COSTCENTER_SRV',
  component: 'CO-OM-CCA',
  entities: [
    {
      type: 'A_CostCenterType',
      set: 'A_CostCenter',
      label: 'Cost Center',
      keys: ['ControllingArea', 'CostCenter', 'ValidityEndDate'],
      properties: [
        str('ControllingArea', 4, 'Controlling Area'),
        str('CostCenter', 10, 'Cost Center'),
        date('ValidityEndDate', 'Valid To'),
        date('ValidityStartDate', 'Valid From'),
        str('CompanyCode', 4, 'Company Code'),
        str('CostCenterCategory', 1, 'Cost Center Category'),
        text('CostCtrResponsiblePersonName', 20, 'Person Responsible'),
        currency('CostCenterCurrency', 'Currency'),
        str('ProfitCenter', 10, 'Profit Center'),
      ],
      navigations: [{ name: 'to_Text', target: 'A_CostCenterTextType', many: true }],
    },
    {
      type: 'A_CostCenterTextType',
      set: 'A_CostCenterText',
      label: 'Cost Center Text',
      keys: ['ControllingArea', 'CostCenter', 'Language', 'ValidityEndDate'],
      properties: [
        str('ControllingArea', 4, 'Controlling Area'),
        str('CostCenter', 10, 'Cost Center'),
        str('Language', 2, 'Language Key'),
        date('ValidityEndDate', 'Valid To'),
        date('ValidityStartDate', 'Valid From'),
        text('CostCenterName', 20, 'Name'),
        text('CostCenterDescription', 40, 'Description'),
      ],
      navigations: [],
    },
  ],
};

/** The languages the texts are kept in (the simulated tenant's names are the same in both). */
const LANGUAGES = ['EN', 'ZH'];

export function glAccountData(book: S4Book): ServiceData {
  const chart = book.company.chartOfAccounts;
  const accounts = (): Row[] =>
    [...book.glAccounts].map(([code, a]) => ({
      ChartOfAccounts: chart,
      GLAccount: code,
      IsBalanceSheetAccount: a.balanceSheet,
      GLAccountGroup: a.balanceSheet ? 'BS00' : 'PL00',
      GLAccountType: a.balanceSheet ? 'X' : 'P',
      IsProfitLossAccount: !a.balanceSheet,
      AccountIsMarkedForDeletion: false,
      AccountIsBlockedForPosting: a.blocked,
      AccountIsBlockedForCreation: false,
      CreationDate: dayMs(new Date(a.createdAt).toISOString().slice(0, 10)),
      CreatedByUser: 'SAP_SYSTEM',
      LastChangeDateTime: a.changedAt,
    }));
  const texts = (): Row[] =>
    [...book.glAccounts].flatMap(([code, a]) =>
      LANGUAGES.map((language) => ({
        ChartOfAccounts: chart,
        GLAccount: code,
        Language: language,
        GLAccountName: a.name.slice(0, 20),
        GLAccountLongName: a.name.slice(0, 50),
        LastChangeDateTime: a.changedAt,
      })),
    );
  return {
    model: GL_ACCOUNTS,
    rows: (entity) => (entity.set === 'A_GLAccountText' ? texts() : accounts()),
    navigate: (_entity, row) => texts().filter((t) => t['GLAccount'] === row['GLAccount']),
  };
}

export function costCenterData(book: S4Book): ServiceData {
  const { controllingArea, companyCode } = book.company;
  const centers = (): Row[] =>
    [...book.costCenters].map(([code, c]) => ({
      ControllingArea: controllingArea,
      CostCenter: code,
      ValidityEndDate: dayMs(c.validTo),
      ValidityStartDate: dayMs(c.validFrom),
      CompanyCode: companyCode,
      CostCenterCategory: 'H',
      CostCtrResponsiblePersonName: '',
      CostCenterCurrency: book.company.currency,
      ProfitCenter: '',
    }));
  const texts = (): Row[] =>
    [...book.costCenters].flatMap(([code, c]) =>
      LANGUAGES.map((language) => ({
        ControllingArea: controllingArea,
        CostCenter: code,
        Language: language,
        ValidityEndDate: dayMs(c.validTo),
        ValidityStartDate: dayMs(c.validFrom),
        CostCenterName: c.name.slice(0, 20),
        CostCenterDescription: c.name.slice(0, 40),
      })),
    );
  return {
    model: COST_CENTERS,
    rows: (entity) => (entity.set === 'A_CostCenterText' ? texts() : centers()),
    navigate: (_entity, row) => texts().filter((t) => t['CostCenter'] === row['CostCenter']),
  };
}

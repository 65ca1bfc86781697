import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_KINGDEE_SETTINGS, KingdeeProfileSettings } from './map/profile.ts';

/** Kingdee K/3 Cloud (金蝶云·星空) WebAPI — see docs/connectors/kingdee.md and the wire-format reference. */
export const KINGDEE_MANIFEST: ConnectorManifest = {
  id: 'kingdee-k3cloud',
  names: { zh: '金蝶云·星空', en: 'Kingdee K/3 Cloud' },
  versions: ['K/3 Cloud 7.x and 8.x WebAPI', '金蝶云·星空 企业版'],
  // Context.DisplayVersion at sign-in, e.g. 8.2.880.9
  versionPatterns: ['^[78]\\.'],
  authKinds: ['password', 'app-secret', 'signed-headers'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      erpObject: 'GL_VOUCHER',
      lifecycle: ['Save', 'Submit', 'Audit'],
      batchLimit: 200,
      reference: {
        field: 'FEntity.FBUSNO (业务编号) on every line',
        lookup: "ExecuteBillQuery GL_VOUCHER where FBUSNO = '<reference>'",
      },
    },
    supplier_bill: {
      canonical: 'SupplierBill',
      erpObject: 'AP_Payable',
      lifecycle: ['Save', 'Submit', 'Audit'],
      batchLimit: 200,
      reference: {
        field: 'FAP_Remark (备注)',
        lookup: "ExecuteBillQuery AP_Payable where FAP_Remark = '<reference>'",
      },
    },
    payment: {
      canonical: 'Payment',
      erpObject: 'AP_PAYBILL',
      lifecycle: ['Save', 'Submit', 'Audit'],
      batchLimit: 200,
      reference: {
        field: 'FREMARK (备注)',
        lookup: "ExecuteBillQuery AP_PAYBILL where FREMARK = '<reference>'",
      },
    },
  },
  pulls: {
    suppliers: {
      canonical: 'Supplier',
      erpObject: 'BD_Supplier',
      watermarkField: 'FMODIFYDATE',
      pageLimit: 2000,
    },
    accounts: {
      canonical: 'Account',
      erpObject: 'BD_Account',
      watermarkField: 'FMODIFYDATE',
      pageLimit: 2000,
    },
    departments: {
      canonical: 'Department',
      erpObject: 'BD_Department',
      watermarkField: 'FMODIFYDATE',
      pageLimit: 2000,
    },
    employees: {
      canonical: 'Employee',
      erpObject: 'BD_Empinfo',
      watermarkField: 'FMODIFYDATE',
      pageLimit: 2000,
    },
    currencies: {
      canonical: 'Currency',
      erpObject: 'BD_Currency',
      watermarkField: 'FMODIFYDATE',
      pageLimit: 2000,
    },
  },
  voucherList: {
    erpObject: 'GL_VOUCHER',
    query:
      'ExecuteBillQuery GL_VOUCHER where FYEAR = <year> and FPERIOD = <period> and FVOUCHERID > <cursor>',
    pageLimit: 2000,
  },
  defaultRateLimitRps: 20,
  profileSettings: { schema: KingdeeProfileSettings, defaults: DEFAULT_KINGDEE_SETTINGS },
};

import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_YONBIP_SETTINGS, YonBipProfileSettings } from './map/profile.ts';

/** Yonyou YonBIP / YonSuite through the open platform — see docs/connectors/yonbip.md and Part C. */
export const YONBIP_MANIFEST: ConnectorManifest = {
  id: 'yonbip',
  names: { zh: '用友 YonBIP', en: 'Yonyou YonBIP' },
  versions: ['YonBIP / YonSuite open platform (open.yonyoucloud.com), self-built app'],
  authKinds: ['self-app'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      // the general-ledger voucher (fi/ficloud/openapi/voucher/addVoucher, C4)
      erpObject: 'voucher',
      // addVoucher saves (status 01); there is no audit or tally OpenAPI (C4)
      lifecycle: ['addVoucher'],
      // addVoucher takes one voucher a call
      batchLimit: 1,
      reference: {
        field: 'businessId and externalSourceDataId',
        lookup:
          'POST /yonbip/fi/ficloud/openapi/voucher/queryVouchers (recent ts window), matched on the reference',
      },
    },
  },
  pulls: {
    suppliers: { canonical: 'Supplier', erpObject: 'vendor', watermarkField: 'pubts', pageLimit: 500 },
  },
  voucherList: {
    // the general-ledger voucher query (凭证查询, C4): whole vouchers with their lines, paged
    erpObject: 'voucher',
    query:
      'POST /yonbip/fi/ficloud/openapi/voucher/queryVouchers {accbookCode, periodStart: <period>, periodEnd: <period>, pager: {pageIndex: <cursor>, pageSize: <limit>}}',
    pageLimit: 1000,
  },
  // no voucher quota is published; finance basics allow 40/min (C6): stay gentle
  defaultRateLimitRps: 2,
  profileSettings: { schema: YonBipProfileSettings, defaults: DEFAULT_YONBIP_SETTINGS },
};

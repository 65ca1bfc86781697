import type { ConnectorManifest } from '../contract.ts';
import { DEFAULT_YONYOU_SETTINGS, YonyouProfileSettings } from './map/profile.ts';

/** Yonyou U8+ through the U8 OpenAPI relay — see docs/connectors/yonyou-u8.md and the wire-format reference. */
export const YONYOU_U8_MANIFEST: ConnectorManifest = {
  id: 'yonyou-u8',
  names: { zh: '用友 U8+', en: 'Yonyou U8+' },
  versions: ['U8+ OpenAPI (api.yonyouup.com, U8 开放平台)', 'U8+ 13.x / 16.x through the OpenAPI connector'],
  authKinds: ['app-key'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      erpObject: 'voucher',
      lifecycle: ['add'],
      // voucher/add takes one voucher per call
      batchLimit: 1,
      reference: {
        field: 'reserve2 (外部凭证号), with voucher_making_system CDM',
        lookup: 'GET /api/voucher/get?id=<reference>',
      },
    },
  },
  pulls: {
    // vendor lists carry no modification time (B6): pages go by code, changes need a pull from the start
    suppliers: {
      canonical: 'Supplier',
      erpObject: 'vendor',
      watermarkField: 'code',
      pageLimit: 100,
      tracksChanges: false,
    },
  },
  voucherList: {
    // the relay's list pattern (B4) on the voucher resource: whole vouchers with their entries, paged
    erpObject: 'voucher',
    query:
      'GET /api/voucher/batch_get?fiscal_year=<year>&accounting_period=<period>&page_index=<cursor>&rows_per_page=<limit>',
    pageLimit: 100,
  },
  // the relay is slow and publishes no limit (B7): stay gentle
  defaultRateLimitRps: 2,
  profileSettings: { schema: YonyouProfileSettings, defaults: DEFAULT_YONYOU_SETTINGS },
};

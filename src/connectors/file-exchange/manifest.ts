import type { ConnectorManifest, PullCapability } from '../contract.ts';
import { DEFAULT_FILE_EXCHANGE_SETTINGS, FileExchangeProfileSettings } from './map/profile.ts';

const masterPull = (canonical: string, files: string): PullCapability => ({
  canonical,
  erpObject: files,
  watermarkField: '修改时间 (the layout’s modifiedAt column), or the file’s modification time',
  pageLimit: 1000,
});

/** Any ERP that imports voucher files and answers with result files — see docs/connectors/file-exchange.md. */
export const FILE_EXCHANGE_MANIFEST: ConnectorManifest = {
  id: 'file-exchange',
  names: { zh: '文件交换（共享目录 / SFTP）', en: 'File exchange (drop folder / SFTP)' },
  versions: [
    'an ERP importing voucher files (凭证引入) and writing a result file per file',
    'SFTP protocol version 3 (OpenSSH sftp-server and compatible servers)',
  ],
  urlSchemes: ['sftp', 'file'],
  authKinds: ['none', 'password', 'private-key'],
  pushes: {
    voucher: {
      canonical: 'Voucher',
      erpObject: 'voucher file',
      lifecycle: ['write under a temporary name', 'rename into the outbox', 'ERP import', 'acknowledgement'],
      // one voucher a file, so that each file has one name derived from its reference and one answer
      batchLimit: 1,
      reference: {
        field: 'the layout’s reference column (业务号 in cn-gbk-csv) and the file name (FB_<reference>.csv)',
        lookup: 'read ack/<file>.ack.csv; a file still in outbox/ or archive/ without one is waited for',
      },
    },
  },
  pulls: {
    accounts: masterPull('Account', 'accounts_*.csv'),
    suppliers: masterPull('Supplier', 'suppliers_*.csv'),
    departments: masterPull('Department', 'departments_*.csv'),
  },
  voucherList: {
    erpObject: 'voucher-list export',
    query:
      'write vouchers/FBLIST_<period>_<request>.req.csv; the ERP answers with FBLIST_<period>_<request>_<part>.csv parts and FBLIST_<period>_<request>.done.csv; pages go part by part (cursor <request>/<parts>/<part>/<skip>)',
    pageLimit: 1000,
  },
  // each call is a handful of file operations on one session
  defaultRateLimitRps: 20,
  profileSettings: { schema: FileExchangeProfileSettings, defaults: DEFAULT_FILE_EXCHANGE_SETTINGS },
};

import { Type } from 'typebox';
import type { SettingsProblem } from '../contract.ts';
import {
  checkAckLayout,
  checkMasterLayout,
  checkVoucherLayout,
  checkVoucherListLayout,
} from './layout/check.ts';
import {
  ACK_PRESETS,
  MASTER_OBJECTS,
  MASTER_PRESETS,
  PRESET_NAMES,
  VOUCHER_LIST_PRESET,
  VOUCHER_PRESETS,
  type MasterObject,
  type PresetName,
} from './layout/presets.ts';
import { AckLayout, MasterLayout, VoucherLayout, VoucherListLayout } from './layout/schema.ts';

/**
 * A file-exchange connection's settings. Where the files go is the connection's `baseUrl`
 * (`file:///srv/erp-exchange` for a drop folder, `sftp://host:22/exchange` for SFTP); the settings say
 * what the files look like and which sub-folders hold what.
 */
export const AUTH_KINDS = ['none', 'password', 'private-key'] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

const Folder = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\\\]*$', description }));

export const FileExchangeSettings = Type.Object(
  {
    authKind: Type.Optional(
      Type.Union(
        AUTH_KINDS.map((k) => Type.Literal(k)),
        {
          description:
            'none = a drop folder (file:// base URL); password or private-key = an SFTP account (sftp:// base URL).',
        },
      ),
    ),
    hostKeySha256: Type.Optional(
      Type.String({
        pattern: '^SHA256:[A-Za-z0-9+/]{43}$',
        description:
          'The SFTP server’s host key fingerprint as `ssh-keygen -lf` prints it; a server showing another key is refused.',
      }),
    ),
    folders: Type.Optional(
      Type.Object(
        {
          outbox: Folder('Where voucher files are written for the ERP (default outbox).'),
          ack: Folder('Where the ERP writes its acknowledgements (default ack).'),
          archive: Folder('Where the ERP moves the files it has read (default archive).'),
          master: Folder('Where the ERP drops its master-data files (default master).'),
          vouchers: Folder(
            'Where voucher-list requests are written and the ERP drops its voucher-list exports (default vouchers).',
          ),
        },
        { additionalProperties: false },
      ),
    ),
    layout: Type.Union([Type.Union(PRESET_NAMES.map((n) => Type.Literal(n))), VoucherLayout], {
      description: `The voucher file layout: a preset (${PRESET_NAMES.join(', ')}) or a layout of its own.`,
    }),
    ack: Type.Optional(AckLayout),
    masterData: Type.Optional(
      Type.Object(
        {
          accounts: Type.Optional(MasterLayout),
          suppliers: Type.Optional(MasterLayout),
          departments: Type.Optional(MasterLayout),
        },
        { additionalProperties: false },
      ),
    ),
    voucherList: Type.Optional(VoucherListLayout),
    pollMs: Type.Optional(
      Type.Integer({
        minimum: 5,
        maximum: 5000,
        description: 'How often acknowledgements are looked for while a push waits (default 25 ms).',
      }),
    ),
  },
  { additionalProperties: false },
);

export interface FileExchangeSettings {
  readonly authKind?: AuthKind;
  readonly hostKeySha256?: string;
  readonly folders?: Partial<Folders>;
  readonly layout: PresetName | VoucherLayout;
  readonly ack?: AckLayout;
  readonly masterData?: Partial<Record<MasterObject, MasterLayout>>;
  readonly voucherList?: VoucherListLayout;
  readonly pollMs?: number;
}

export interface Folders {
  readonly outbox: string;
  readonly ack: string;
  readonly archive: string;
  readonly master: string;
  readonly vouchers: string;
}

export const DEFAULT_FOLDERS: Folders = {
  outbox: 'outbox',
  ack: 'ack',
  archive: 'archive',
  master: 'master',
  vouchers: 'vouchers',
};

/** The settings with every preset and default filled in: what the transport and codecs work from. */
export interface Resolved {
  readonly authKind: AuthKind;
  readonly hostKeySha256?: string;
  readonly folders: Folders;
  readonly voucher: VoucherLayout;
  readonly presetName?: PresetName;
  readonly ack: AckLayout;
  readonly master: Readonly<Record<MasterObject, MasterLayout>>;
  readonly voucherList: VoucherListLayout;
  readonly pollMs: number;
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

export function resolveSettings(settings: FileExchangeSettings): Resolved {
  const presetName = typeof settings.layout === 'string' ? settings.layout : undefined;
  const voucher = typeof settings.layout === 'string' ? VOUCHER_PRESETS[settings.layout] : settings.layout;
  const folders = { ...DEFAULT_FOLDERS, ...settings.folders };
  return {
    authKind: settings.authKind ?? 'none',
    ...(settings.hostKeySha256 === undefined ? {} : { hostKeySha256: settings.hostKeySha256 }),
    folders: {
      outbox: trimSlashes(folders.outbox),
      ack: trimSlashes(folders.ack),
      archive: trimSlashes(folders.archive),
      master: trimSlashes(folders.master),
      vouchers: trimSlashes(folders.vouchers),
    },
    voucher,
    ...(presetName === undefined ? {} : { presetName }),
    ack: settings.ack ?? ACK_PRESETS[presetName ?? 'cn-xlsx'],
    master: Object.fromEntries(
      MASTER_OBJECTS.map((o) => [o, settings.masterData?.[o] ?? MASTER_PRESETS[o]]),
    ) as Record<MasterObject, MasterLayout>,
    voucherList: settings.voucherList ?? VOUCHER_LIST_PRESET,
    pollMs: settings.pollMs ?? 25,
  };
}

/** The rules between settings the schema cannot say (the layouts' own rules, folders apart). */
export function checkFileExchangeSettings(raw: Readonly<Record<string, unknown>>): SettingsProblem[] {
  const settings = raw as unknown as FileExchangeSettings;
  const problems: SettingsProblem[] = [];
  if (typeof settings.layout !== 'string') problems.push(...checkVoucherLayout(settings.layout, '/layout'));
  if (settings.ack !== undefined) problems.push(...checkAckLayout(settings.ack, '/ack'));
  for (const object of MASTER_OBJECTS) {
    const layout = settings.masterData?.[object];
    if (layout !== undefined) problems.push(...checkMasterLayout(layout, `/masterData/${object}`));
  }
  if (settings.voucherList !== undefined)
    problems.push(...checkVoucherListLayout(settings.voucherList, '/voucherList'));
  const folders = resolveSettings(settings).folders;
  const seen = new Map<string, string>();
  for (const [name, path] of Object.entries(folders) as [string, string][]) {
    if (path.split('/').some((segment) => segment === '..' || segment === '.'))
      problems.push({
        pointer: `/folders/${name}`,
        message: 'a folder is a plain path below the base URL, without . or ..',
      });
    const other = seen.get(path);
    if (other !== undefined)
      problems.push({
        pointer: `/folders/${name}`,
        message: `the ${name} folder is the ${other} folder too`,
      });
    seen.set(path, name);
  }
  if (settings.hostKeySha256 !== undefined && (settings.authKind ?? 'none') === 'none')
    problems.push({ pointer: '/hostKeySha256', message: 'a drop folder (authKind none) has no host key' });
  return problems;
}

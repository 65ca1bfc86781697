import { Type, type Static } from 'typebox';
import type { MappingProfile } from '../../contract.ts';

/**
 * The file-exchange part of a mapping profile: the ERP's names for the voucher words and who is
 * written as the preparer. What the file looks like is the connection's layout, not the profile's.
 */
export const FileExchangeProfileSettings = Type.Object(
  {
    voucherWords: Type.Record(Type.String({ maxLength: 40 }), Type.String({ minLength: 1, maxLength: 40 }), {
      description: 'The ERP’s 凭证类别字 per canonical voucher word.',
    }),
    preparer: Type.String({
      minLength: 1,
      maxLength: 40,
      description: '制单人: the name written in a preparer column (an ERP operator, when the ERP checks it).',
    }),
  },
  { additionalProperties: false },
);
export type FileExchangeProfile = Static<typeof FileExchangeProfileSettings>;

export const DEFAULT_FILE_EXCHANGE_SETTINGS: FileExchangeProfile = {
  voucherWords: { 记: '记', 收: '收', 付: '付', 转: '转' },
  preparer: 'FinBridge',
};

/** The profile's settings, with defaults for anything an older profile version did not set. */
export const fileExchangeProfile = (profile: MappingProfile): FileExchangeProfile => ({
  ...DEFAULT_FILE_EXCHANGE_SETTINGS,
  ...(profile.settings as Partial<FileExchangeProfile>),
});

import { Type } from 'typebox';
import type { ConnectionParameters, ConnectorDefinition, RunningSimulator } from '../contract.ts';
import { createYonyouConnector, renderYonyou } from './connector.ts';
import { YONYOU_U8_MANIFEST } from './manifest.ts';

/** A U8+ connection's settings: who calls (from_account), whose U8 (to_account), which account set. */
export const YonyouConnectionSettings = Type.Object(
  {
    fromAccount: Type.String({ minLength: 1, maxLength: 100, description: '调用方账号 (from_account).' }),
    toAccount: Type.String({ minLength: 1, maxLength: 100, description: '提供方企业账号 (to_account).' }),
    authKind: Type.Optional(
      Type.Literal('app-key', { description: 'app-key = /system/token from app key and secret.' }),
    ),
    dsSequence: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,4}$', description: 'U8 data source (账套) index (ds_sequence).' }),
    ),
  },
  { additionalProperties: false },
);

export interface YonyouConnectionSettings {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly authKind?: 'app-key';
  readonly dsSequence?: string;
}

const AppKeyCredentials = Type.Object(
  {
    appKey: Type.String({ minLength: 1, maxLength: 100, description: '应用编码 (app_key), e.g. opa…' }),
    appSecret: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** Yonyou U8+ OpenAPI (用友 U8 开放平台): see docs/connectors/yonyou-u8.md. */
export const YONYOU_U8: ConnectorDefinition = {
  manifest: YONYOU_U8_MANIFEST,
  settings: YonyouConnectionSettings,
  credentials: { 'app-key': AppKeyCredentials },
  render: renderYonyou,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as unknown as YonyouConnectionSettings;
    return createYonyouConnector(
      {
        baseUrl: connection.baseUrl,
        fromAccount: settings.fromAccount,
        toAccount: settings.toAccount,
        ...(settings.dsSequence === undefined ? {} : { dsSequence: settings.dsSequence }),
        appKey: connection.credentials['appKey'] ?? '',
        appSecret: connection.credentials['appSecret'] ?? '',
      },
      ctx,
    );
  },
  simulator: {
    command: 'yonyou-u8',
    async start(options): Promise<RunningSimulator> {
      const { signIn = {}, ...rest } = options;
      const accounts = Object.fromEntries(
        (['fromAccount', 'toAccount', 'appKey', 'appSecret'] as const).flatMap((k) =>
          signIn[k] === undefined ? [] : [[k, signIn[k]]],
        ),
      );
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { startYonyouSimulator } = await import('./simulator/server.ts');
      const sim = await startYonyouSimulator({ ...rest, accounts });
      const { fromAccount, appKey, appSecret } = sim.accounts;
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `Yonyou U8+ OpenAPI simulator on ${sim.url}`,
          `  from_account ${fromAccount}, to_account ${sim.accounts.toAccount}, app_key ${appKey}, app_secret ${appSecret}`,
          `  curl '${sim.url}system/token?from_account=${fromAccount}&app_key=${appKey}&app_secret=${appSecret}'`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

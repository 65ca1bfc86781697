import { Type } from 'typebox';
import type { ConnectionParameters, ConnectorDefinition, RunningSimulator } from '../contract.ts';
import { createYonBipConnector, DEFAULT_ACCBOOK, renderYonBip } from './connector.ts';
import { YONBIP_MANIFEST } from './manifest.ts';

/**
 * A YonBIP connection: `baseUrl` is the data-centre lookup host (https://apigateway.yonyoucloud.com);
 * the settings name the tenant whose gateway it resolves, and the book lookups search.
 */
export const YonBipConnectionSettings = Type.Object(
  {
    tenantId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: '租户 ID (tenantId) for the data-centre lookup.',
    }),
    authKind: Type.Optional(
      Type.Literal('self-app', { description: 'self-app = 自建应用 signed access token.' }),
    ),
    accbookCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: '账簿编码 that lookups search (default 0001).',
      }),
    ),
    lookupDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 366,
        description: 'How many days back a lookup searches (default 31).',
      }),
    ),
  },
  { additionalProperties: false },
);

export interface YonBipConnectionSettings {
  readonly tenantId: string;
  readonly authKind?: 'self-app';
  readonly accbookCode?: string;
  readonly lookupDays?: number;
}

const SelfAppCredentials = Type.Object(
  {
    appKey: Type.String({ minLength: 1, maxLength: 100, description: '应用 AppKey.' }),
    appSecret: Type.String({ minLength: 1, maxLength: 200, description: '应用 AppSecret (HMAC key).' }),
  },
  { additionalProperties: false },
);

/** Yonyou YonBIP / YonSuite open platform (用友 YonBIP): see docs/connectors/yonbip.md. */
export const YONBIP: ConnectorDefinition = {
  manifest: YONBIP_MANIFEST,
  settings: YonBipConnectionSettings,
  credentials: { 'self-app': SelfAppCredentials },
  render: renderYonBip,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as unknown as YonBipConnectionSettings;
    return createYonBipConnector(
      {
        discoveryUrl: connection.baseUrl,
        tenantId: settings.tenantId,
        appKey: connection.credentials['appKey'] ?? '',
        appSecret: connection.credentials['appSecret'] ?? '',
        accbookCode: settings.accbookCode ?? DEFAULT_ACCBOOK,
        lookupDays: settings.lookupDays ?? 31,
      },
      ctx,
    );
  },
  simulator: {
    command: 'yonbip',
    async start(options): Promise<RunningSimulator> {
      const { signIn = {}, ...rest } = options;
      const tenant = Object.fromEntries(
        (['tenantId', 'appKey', 'appSecret'] as const).flatMap((k) =>
          signIn[k] === undefined ? [] : [[k, signIn[k]]],
        ),
      );
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { startYonBipSimulator } = await import('./simulator/server.ts');
      const sim = await startYonBipSimulator({ ...rest, tenant });
      const { tenantId, appKey, appSecret } = sim.tenant;
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `Yonyou YonBIP open-platform simulator on ${sim.url} (tenant ${tenantId})`,
          `  appKey ${appKey}, appSecret ${appSecret}; signature = Base64(HMAC-SHA256(appSecret, "appKey<key>timestamp<ms>"))`,
          `  curl '${sim.url}open-auth/dataCenter/getGatewayAddress?tenantId=${tenantId}'`,
          `  curl "${sim.url}iuap-api-auth/open-auth/selfAppAuth/base/v1/getAccessToken?appKey=${appKey}&timestamp=$T&signature=$SIG"`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

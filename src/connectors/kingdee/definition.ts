import { Type } from 'typebox';
import type { ConnectionParameters, ConnectorDefinition, RunningSimulator } from '../contract.ts';
import type { KingdeeAuth } from './client.ts';
import { createKingdeeConnector, renderKingdee } from './connector.ts';
import { KINGDEE_MANIFEST } from './manifest.ts';

/** A Kingdee connection's settings: the data centre, the user, how to sign in. */
export const KingdeeConnectionSettings = Type.Object(
  {
    acctId: Type.String({ minLength: 1, maxLength: 40, description: 'Kingdee data centre (账套) id.' }),
    username: Type.String({ minLength: 1, maxLength: 100 }),
    authKind: Type.Union(
      [Type.Literal('password'), Type.Literal('app-secret'), Type.Literal('signed-headers')],
      {
        description:
          'password = ValidateUser; app-secret = LoginByAppSecret; signed-headers = X-Api-* signatures.',
      },
    ),
    lcid: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Language, 2052 = 简体中文.' }),
    ),
    orgNumber: Type.Optional(Type.String({ maxLength: 40 })),
    accountBook: Type.Optional(Type.String({ maxLength: 40 })),
    autoAudit: Type.Optional(Type.Boolean({ description: 'Save, submit and audit in one call.' })),
  },
  { additionalProperties: false },
);

export interface KingdeeConnectionSettings {
  readonly acctId: string;
  readonly username: string;
  readonly authKind: KingdeeAuth['kind'];
  readonly lcid?: number;
  readonly orgNumber?: string;
  readonly accountBook?: string;
  readonly autoAudit?: boolean;
}

const Secret = Type.String({ minLength: 1, maxLength: 200 });
const PasswordCredentials = Type.Object({ password: Secret }, { additionalProperties: false });
const AppCredentials = Type.Object(
  { appId: Secret, appSecret: Secret },
  { additionalProperties: false, description: 'The third-party system registration (第三方系统登录授权).' },
);

function auth(
  settings: KingdeeConnectionSettings,
  credentials: Readonly<Record<string, string>>,
): KingdeeAuth {
  return settings.authKind === 'password'
    ? { kind: 'password', password: credentials['password'] ?? '' }
    : {
        kind: settings.authKind,
        appId: credentials['appId'] ?? '',
        appSecret: credentials['appSecret'] ?? '',
      };
}

/**
 * The app a standalone simulator registers, so a client that only signs its requests (as Kingdee's own
 * SDKs do) gets in; a simulator's test credential, printed at start, not a secret.
 */
const DEMO_APP = {
  appId: '224466_RmluQnJpZGdlRGVtb0FwcFNlY3JldDAx',
  appSecret: 'f1b2d3c4e5f60718293a4b5c6d7e8f90',
};

/** Kingdee K/3 Cloud (金蝶云·星空) WebAPI: see docs/connectors/kingdee.md. */
export const KINGDEE: ConnectorDefinition = {
  manifest: KINGDEE_MANIFEST,
  settings: KingdeeConnectionSettings,
  credentials: {
    password: PasswordCredentials,
    'app-secret': AppCredentials,
    'signed-headers': AppCredentials,
  },
  render: renderKingdee,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as unknown as KingdeeConnectionSettings;
    return createKingdeeConnector(
      {
        endpoint: {
          baseUrl: connection.baseUrl,
          acctId: settings.acctId,
          username: settings.username,
          lcid: settings.lcid ?? 2052,
          orgNumber: settings.orgNumber ?? '0',
          auth: auth(settings, connection.credentials),
        },
        ...(settings.autoAudit === undefined ? {} : { autoAudit: settings.autoAudit }),
      },
      ctx,
    );
  },
  simulator: {
    command: 'kingdee',
    async start(options): Promise<RunningSimulator> {
      const { master, signIn = {}, ...rest } = options;
      const username = signIn['username'] ?? 'demo';
      const password = signIn['password'] ?? '888888';
      const app = {
        appId: signIn['appId'] ?? DEMO_APP.appId,
        appSecret: signIn['appSecret'] ?? DEMO_APP.appSecret,
      };
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const [{ ledgerSeedFrom }, { startKingdeeSimulator }] = await Promise.all([
        import('./simulator/demo-seed.ts'),
        import('./simulator/server.ts'),
      ]);
      const sim = await startKingdeeSimulator({
        ledger: ledgerSeedFrom(master),
        apps: [app],
        users: { [username]: password },
        ...(signIn['acctId'] === undefined ? {} : { acctId: signIn['acctId'] }),
        ...rest,
      });
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `Kingdee K/3 Cloud simulator on ${sim.url}`,
          `  data centre (acctID) ${sim.acctId}, user ${username} / ${password}, account book 001, voucher group PRE001 (记)`,
          `  third-party app (第三方系统登录授权, app-secret or signed-headers): appId ${app.appId}, appSecret ${app.appSecret}`,
          `  data centres: POST ${sim.url}Kingdee.BOS.ServiceFacade.ServicesStub.Account.AccountService.GetDataCenterList.common.kdsvc`,
          `  controls: GET ${sim.url.replace(/k3cloud\/$/, '')}__sim/stats, PUT …/__sim/faults {"errorRate":0.1}`,
          `  curl -c cookies -H 'content-type: application/json' -d '{"acctID":"${sim.acctId}","username":"${username}","password":"${password}","lcid":2052}' ${sim.url}Kingdee.BOS.WebApi.ServicesStub.AuthService.ValidateUser.common.kdsvc`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

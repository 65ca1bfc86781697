import { Type } from 'typebox';
import type {
  ConnectionParameters,
  ConnectorDefinition,
  RunningSimulator,
  SettingsProblem,
} from '../contract.ts';
import { basicAuth, jwtBearer, type Authorizer } from './auth.ts';
import { createOracleConnector, renderOracle } from './connector.ts';
import { ORACLE_FUSION_MANIFEST } from './manifest.ts';
import { storedJournalReference } from './map/journal.ts';
import { DEFAULT_VOUCHER_LIST_SETTINGS } from './map/voucher-list.ts';

/** How FinBridge reaches one Fusion pod: the sign-in kind and the REST and polling knobs. */
export const OracleConnectionSettings = Type.Object(
  {
    authKind: Type.Optional(
      Type.Union([Type.Literal('basic'), Type.Literal('jwt-bearer')], {
        description:
          'basic = user and password on every call; jwt-bearer = a JWT signed with the private key of a certificate uploaded in Security Console → API Authentication.',
      }),
    ),
    restFrameworkVersion: Type.Optional(
      Type.String({
        pattern: '^[2-9]$',
        description: 'REST-Framework-Version sent on every call (2 or higher for q expressions); default 4.',
      }),
    ),
    jwtIssuer: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'jwt-bearer: the trusted issuer name (iss) configured with the certificate in Fusion.',
      }),
    ),
    jwtLifetimeS: Type.Optional(
      Type.Integer({
        minimum: 30,
        maximum: 3600,
        description: 'jwt-bearer: seconds a signed token is valid (exp − iat); default 300.',
      }),
    ),
    essPollMs: Type.Optional(
      Type.Integer({
        minimum: 10,
        maximum: 60_000,
        description:
          'First wait between ESS status polls of a journal import, ms (doubling up to 5 s); default 250.',
      }),
    ),
    periodNames: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
        Type.String({ minLength: 1, maxLength: 15 }),
        {
          description:
            'Reconciliation: the Oracle period name per YYYY-MM period, as the mapping profile names them; absent: Mon-YY (Nov-26).',
        },
      ),
    ),
    accountSegment: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 30,
        description:
          'Reconciliation: the position (1 = SEGMENT1) of the natural account in an account combination; default: the last segment.',
      }),
    ),
    segmentSeparator: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1,
        description: 'Reconciliation: the separator of a concatenated AccountCombination; default "-".',
      }),
    ),
  },
  { additionalProperties: false },
);

export interface OracleConnectionSettings {
  readonly authKind?: 'basic' | 'jwt-bearer';
  readonly restFrameworkVersion?: string;
  readonly jwtIssuer?: string;
  readonly jwtLifetimeS?: number;
  readonly essPollMs?: number;
  readonly periodNames?: Readonly<Record<string, string>>;
  readonly accountSegment?: number;
  readonly segmentSeparator?: string;
}

const BasicCredentials = Type.Object(
  {
    username: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Fusion user with the integration job roles.',
    }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const JwtCredentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 200, description: 'Fusion user named in sub and prn.' }),
    privateKey: Type.String({
      minLength: 100,
      maxLength: 16_000,
      pattern: '-----BEGIN PRIVATE KEY-----',
      description: 'PKCS#8 PEM of the RSA key that signs the JWT.',
    }),
    certificate: Type.String({
      minLength: 100,
      maxLength: 16_000,
      pattern: '-----BEGIN CERTIFICATE-----',
      description: 'PEM of the certificate uploaded to Fusion (its SHA-1 thumbprint is the x5t header).',
    }),
  },
  { additionalProperties: false },
);

function checkSettings(settings: Readonly<Record<string, unknown>>): SettingsProblem[] {
  return settings['authKind'] === 'jwt-bearer' && typeof settings['jwtIssuer'] !== 'string'
    ? [{ pointer: '/jwtIssuer', message: 'jwt-bearer needs the trusted issuer name (jwtIssuer)' }]
    : [];
}

/** Oracle Fusion Cloud ERP (fscmRestApi + FBDI Journal Import): see docs/connectors/oracle-fusion.md. */
export const ORACLE_FUSION: ConnectorDefinition = {
  manifest: ORACLE_FUSION_MANIFEST,
  settings: OracleConnectionSettings,
  credentials: { basic: BasicCredentials, 'jwt-bearer': JwtCredentials },
  checkSettings,
  // REFERENCE6 keeps 240 characters: listed journals carry the reference so
  storedReference: storedJournalReference,
  render: renderOracle,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as OracleConnectionSettings;
    const credential = (name: string) => connection.credentials[name] ?? '';
    const auth: Authorizer =
      settings.authKind === 'jwt-bearer'
        ? jwtBearer({
            username: credential('username'),
            privateKey: credential('privateKey'),
            certificate: credential('certificate'),
            issuer: settings.jwtIssuer ?? '',
            lifetimeS: settings.jwtLifetimeS ?? 300,
            now: () => ctx.now(),
          })
        : basicAuth(credential('username'), credential('password'));
    return createOracleConnector(
      {
        endpoint: {
          baseUrl: connection.baseUrl,
          restFrameworkVersion: settings.restFrameworkVersion ?? '4',
          auth,
        },
        essPollMs: settings.essPollMs ?? 250,
        voucherList: {
          periodNames: settings.periodNames ?? DEFAULT_VOUCHER_LIST_SETTINGS.periodNames,
          accountSegment: settings.accountSegment ?? DEFAULT_VOUCHER_LIST_SETTINGS.accountSegment,
          segmentSeparator: settings.segmentSeparator ?? DEFAULT_VOUCHER_LIST_SETTINGS.segmentSeparator,
        },
      },
      ctx,
    );
  },
  simulator: {
    command: 'oracle-fusion',
    async start(options): Promise<RunningSimulator> {
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { DEMO_USER, startOracleSimulator } = await import('./simulator/server.ts');
      const sim = await startOracleSimulator(options);
      const [user = DEMO_USER] = sim.users;
      const suppliers = `${sim.url}fscmRestApi/resources/11.13.18.05/suppliers?limit=2&onlyData=true`;
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `Oracle Fusion Cloud ERP simulator on ${sim.url} (fscmRestApi 11.13.18.05)`,
          `  basic: user ${user.username}, password ${user.password}`,
          `  jwt-bearer: trusted issuer ${sim.jwt.issuer}, user ${user.username}; ${
            sim.jwt.privateKey === undefined
              ? 'sign with the key of the certificate given'
              : 'the connection carries the key and certificate'
          }`,
          `  curl -u '${user.username}:${user.password}' -H 'REST-Framework-Version: 4' '${suppliers}'`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

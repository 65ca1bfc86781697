import { Type } from 'typebox';
import type { ConnectionParameters, ConnectorDefinition, RunningSimulator } from '../contract.ts';
import type { ODataVersion } from './client.ts';
import { createSapB1Connector, renderSapB1 } from './connector.ts';
import { SAP_B1_MANIFEST } from './manifest.ts';

/** A Service Layer connection's settings: which company database, which OData flavour. */
export const SapB1ConnectionSettings = Type.Object(
  {
    companyDb: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Company database (CompanyDB of POST /Login), e.g. SBODEMOUS.',
    }),
    odataVersion: Type.Optional(
      Type.Union([Type.Literal('v1'), Type.Literal('v2')], {
        description:
          'Service root /b1s/v1 (OData v3 flavour, default) or /b1s/v2 (OData v4, 10.0 FP 2405 and later).',
      }),
    ),
    authKind: Type.Optional(
      Type.Literal('password', { description: 'password = POST /Login with a B1 user name and password.' }),
    ),
  },
  { additionalProperties: false },
);

export interface SapB1ConnectionSettings {
  readonly companyDb: string;
  readonly odataVersion?: ODataVersion;
  readonly authKind?: 'password';
}

const PasswordCredentials = Type.Object(
  {
    userName: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'B1 user code (UserName), e.g. manager.',
    }),
    password: Type.String({ minLength: 1, maxLength: 200, description: 'The B1 user’s password.' }),
  },
  { additionalProperties: false },
);

/** SAP Business One through its Service Layer: see docs/connectors/sap-b1.md. */
export const SAP_B1: ConnectorDefinition = {
  manifest: SAP_B1_MANIFEST,
  settings: SapB1ConnectionSettings,
  credentials: { password: PasswordCredentials },
  render: renderSapB1,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as unknown as SapB1ConnectionSettings;
    return createSapB1Connector(
      {
        baseUrl: connection.baseUrl,
        companyDb: settings.companyDb,
        userName: connection.credentials['userName'] ?? '',
        password: connection.credentials['password'] ?? '',
        version: settings.odataVersion ?? 'v1',
      },
      ctx,
    );
  },
  simulator: {
    command: 'sap-b1',
    async start(options): Promise<RunningSimulator> {
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { startSapB1Simulator } = await import('./simulator/server.ts');
      const sim = await startSapB1Simulator(options);
      const { companyDb, userName, password } = sim.credentials;
      const login = JSON.stringify({ CompanyDB: companyDb, UserName: userName, Password: password });
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `SAP Business One Service Layer simulator on ${sim.url}b1s/v1/ (and ${sim.url}b1s/v2/)`,
          `  CompanyDB ${companyDb}, UserName ${userName}, Password ${password}`,
          `  curl -i -c b1.cookies -H 'content-type: application/json' -d '${login}' ${sim.url}b1s/v1/Login`,
          `  curl -b b1.cookies '${sim.url}b1s/v1/ChartOfAccounts?$select=Code,Name&$top=5'`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

import { Type } from 'typebox';
import type { ConnectionParameters, ConnectorDefinition, RunningSimulator } from '../contract.ts';
import type { S4Auth } from './auth.ts';
import { createS4Connector, renderS4 } from './connector.ts';
import { SAP_S4_MANIFEST } from './manifest.ts';
import { referenceKey } from './map/reference.ts';
import { SOAP_PATH, TOKEN_PATH } from './paths.ts';

/** Where an S/4HANA system takes its calls, and as whom (§1.1, §1.2). */
export const S4ConnectionSettings = Type.Object(
  {
    authKind: Type.Optional(
      Type.Union([Type.Literal('basic'), Type.Literal('oauth-client-credentials')], {
        description:
          'basic = communication user with Basic auth; oauth-client-credentials = OAuth 2.0 client (token endpoint).',
      }),
    ),
    sapClient: Type.Optional(
      Type.String({
        pattern: '^[0-9]{3}$',
        description: 'On-premise client (sap-client), e.g. 100. Absent in the cloud.',
      }),
    ),
    language: Type.Optional(
      Type.String({
        pattern: '^[A-Z]{2}$',
        description: 'sap-language of SAP’s message texts and master-data names (default EN).',
      }),
    ),
    soapPath: Type.Optional(
      Type.String({
        pattern: '^/[\\x21-\\x7e]*$',
        maxLength: 300,
        description: `Path of Journal Entry – Post (Synchronous): ${SOAP_PATH} in the cloud; on-premise the SOAMANAGER binding, /sap/bc/srt/xip/sap/journalentrycreaterequestconfi/<client>/<service>/<binding>.`,
      }),
    ),
    odataRoot: Type.Optional(
      Type.String({
        pattern: '^/[\\x21-\\x7e]*[^/]$',
        maxLength: 200,
        description: 'Root of the OData v2 services (default /sap/opu/odata/sap).',
      }),
    ),
    tokenPath: Type.Optional(
      Type.String({
        pattern: '^/[\\x21-\\x7e]*$',
        maxLength: 200,
        description: `OAuth token endpoint (default ${TOKEN_PATH}).`,
      }),
    ),
    scope: Type.Optional(
      Type.String({ maxLength: 500, description: 'OAuth scope to ask for, when the tenant wants one.' }),
    ),
    chartOfAccounts: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9]{1,4}$',
        description: 'Chart of accounts the G/L accounts are pulled from (default YCOA).',
      }),
    ),
    controllingArea: Type.Optional(
      Type.String({
        pattern: '^[A-Z0-9]{1,4}$',
        description: 'Controlling area the cost centres are pulled from (default A000).',
      }),
    ),
  },
  { additionalProperties: false },
);

export interface S4ConnectionSettings {
  readonly authKind?: 'basic' | 'oauth-client-credentials';
  readonly sapClient?: string;
  readonly language?: string;
  readonly soapPath?: string;
  readonly odataRoot?: string;
  readonly tokenPath?: string;
  readonly scope?: string;
  readonly chartOfAccounts?: string;
  readonly controllingArea?: string;
}

const BasicCredentials = Type.Object(
  {
    username: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Communication user (cloud) or SU01 user (on-premise).',
    }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const OAuthCredentials = Type.Object(
  {
    clientId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'OAuth client id of the communication arrangement.',
    }),
    clientSecret: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

function authOf(settings: S4ConnectionSettings, credentials: Readonly<Record<string, string>>): S4Auth {
  if (settings.authKind === 'oauth-client-credentials')
    return {
      kind: 'oauth-client-credentials',
      clientId: credentials['clientId'] ?? '',
      clientSecret: credentials['clientSecret'] ?? '',
      tokenPath: settings.tokenPath ?? TOKEN_PATH,
      ...(settings.scope === undefined ? {} : { scope: settings.scope }),
    };
  return { kind: 'basic', username: credentials['username'] ?? '', password: credentials['password'] ?? '' };
}

/** SAP S/4HANA (SOAP journal entries, OData v2 supplier invoices and reads): see docs/connectors/sap-s4.md. */
export const SAP_S4: ConnectorDefinition = {
  manifest: SAP_S4_MANIFEST,
  settings: S4ConnectionSettings,
  credentials: { basic: BasicCredentials, 'oauth-client-credentials': OAuthCredentials },
  render: renderS4,
  storedReference: referenceKey,
  create(connection: ConnectionParameters, ctx) {
    const settings = connection.settings as S4ConnectionSettings;
    return createS4Connector(
      {
        baseUrl: connection.baseUrl,
        auth: authOf(settings, connection.credentials),
        ...(settings.sapClient === undefined ? {} : { sapClient: settings.sapClient }),
        language: settings.language ?? 'EN',
        soapPath: settings.soapPath ?? SOAP_PATH,
        odataRoot: settings.odataRoot ?? '/sap/opu/odata/sap',
        chartOfAccounts: settings.chartOfAccounts ?? 'YCOA',
        controllingArea: settings.controllingArea ?? 'A000',
      },
      ctx,
    );
  },
  simulator: {
    command: 'sap-s4',
    async start(options): Promise<RunningSimulator> {
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { startS4Simulator } = await import('./simulator/server.ts');
      const sim = await startS4Simulator(options);
      const { username, password, clientId, clientSecret } = sim.accounts;
      const host = sim.url.replace(/\/$/, '');
      return {
        url: sim.url,
        connection: sim.connection,
        banner: [
          `SAP S/4HANA simulator on ${sim.url} (company code ${sim.book.company.companyCode}, chart of accounts ${sim.book.company.chartOfAccounts})`,
          `  communication user ${username} / ${password}; OAuth client ${clientId} / ${clientSecret} at ${TOKEN_PATH}`,
          `  curl -u '${username}:${password}' -H 'Accept: application/json' '${host}/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$top=2&$inlinecount=allpages'`,
          `  journal entries: POST ${host}${SOAP_PATH} (SOAP 1.1); faults: PUT ${host}/__sim/faults`,
        ],
        close: () => sim.close(),
      };
    },
  },
};

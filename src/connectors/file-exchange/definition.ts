import { Type } from 'typebox';
import type { ConnectorDefinition, RunningSimulator } from '../contract.ts';
import { createFileExchangeConnector, renderDefault } from './connector.ts';
import { FILE_EXCHANGE_MANIFEST } from './manifest.ts';
import { checkFileExchangeSettings, FileExchangeSettings } from './settings.ts';
import type { FileExchangeSimulator } from './simulator/server.ts';

const Username = Type.String({ minLength: 1, maxLength: 100, description: 'The SFTP account.' });

/** Per sign-in kind: a drop folder needs nothing; an SFTP account a password or a private key. */
const CREDENTIALS = {
  none: Type.Object(
    {},
    { additionalProperties: false, description: 'A drop folder: the file system decides.' },
  ),
  password: Type.Object(
    { username: Username, password: Type.String({ minLength: 1, maxLength: 200 }) },
    { additionalProperties: false },
  ),
  'private-key': Type.Object(
    {
      username: Username,
      privateKey: Type.String({
        minLength: 64,
        maxLength: 20_000,
        description: 'The account’s private key, PEM or OpenSSH format.',
      }),
      passphrase: Type.Optional(Type.String({ maxLength: 200, description: 'When the key is encrypted.' })),
    },
    { additionalProperties: false },
  ),
};

/** What `finbridge sim file-exchange` prints: where the files are, how to sign in, a first curl. */
function bannerOf(sim: FileExchangeSimulator): string[] {
  const { username = '', password = '' } = sim.connection.credentials;
  const hostKey = sim.connection.settings['hostKeySha256'];
  const lines = [
    `File-exchange simulator (an ERP importing voucher files) on ${sim.url} over ${sim.directory}`,
  ];
  if (sim.url.startsWith('sftp:')) {
    lines.push(
      `  SFTP account ${username} / ${password}, host key ${typeof hostKey === 'string' ? hostKey : ''}`,
      `  curl -k -u ${username}:${password} ${sim.url}master/`,
    );
  } else lines.push(`  a plain drop folder: ls ${sim.directory}/master/`);
  lines.push(
    '  vouchers go to outbox/ as FB_<reference>.csv (GBK), acknowledgements come back in ack/, master data in master/',
    `  controls (HTTP): ${sim.adminUrl}__sim/stats, __sim/documents, __sim/faults, __sim/file-faults`,
    `  curl ${sim.adminUrl}__sim/documents`,
  );
  return lines;
}

/** A running file-exchange simulator: the SFTP URL a connection uses, and where its controls answer. */
export interface RunningFileExchangeSimulator extends RunningSimulator {
  /** The loopback HTTP server answering /__sim/* (SFTP has no place for it). */
  readonly adminUrl: string;
}

/** Vouchers out as files, master data and acknowledgements back as files: see docs/connectors/file-exchange.md. */
export const FILE_EXCHANGE: ConnectorDefinition = {
  manifest: FILE_EXCHANGE_MANIFEST,
  settings: FileExchangeSettings,
  credentials: CREDENTIALS,
  checkSettings: checkFileExchangeSettings,
  render: renderDefault,
  create: createFileExchangeConnector,
  simulator: {
    command: 'file-exchange',
    async start(options): Promise<RunningFileExchangeSimulator> {
      // the simulator (a server and its fixtures) is loaded only when one starts, not with the connector
      const { startFileExchangeSimulator } = await import('./simulator/server.ts');
      const sim = await startFileExchangeSimulator(options);
      return {
        url: sim.url,
        adminUrl: sim.adminUrl,
        connection: sim.connection,
        banner: bannerOf(sim),
        close: () => sim.close(),
      };
    },
  },
};

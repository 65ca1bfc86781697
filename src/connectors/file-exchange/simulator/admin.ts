import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerAdmin, type AdminControls } from '../../simulator-admin.ts';
import { parseFaultValues } from '../../simulator-kit/fault-keys.ts';
import { FILE_FAULT_KEYS, type FileFaults } from './faults.ts';

/**
 * The simulator's control surface over loopback HTTP (SFTP has no place for it): every `/__sim/*`
 * answer of `answerAdmin` (`PUT /__sim/faults` taking the file faults with the common ones), plus
 * `GET`/`PUT /__sim/file-faults` for the faults particular to files alone.
 */
export interface FileAdminControls extends AdminControls<FileFaults> {
  fileFaults(): FileFaults;
}

export interface AdminServer {
  readonly url: string;
  close(): Promise<void>;
}

function answer(method: string, path: string, body: string, controls: FileAdminControls) {
  if (path === '/__sim/file-faults') {
    if (method === 'GET') return { status: 200, body: controls.fileFaults() };
    if (method === 'PUT') {
      const parsed = parseFaultValues(body, FILE_FAULT_KEYS);
      if (!parsed.ok) return { status: 400, body: { error: parsed.error } };
      controls.setFaults({}, parsed.value);
      return { status: 200, body: controls.fileFaults() };
    }
  }
  return (
    answerAdmin(method, path, body, controls, FILE_FAULT_KEYS) ?? {
      status: 404,
      body: { error: 'this port answers /__sim/* only; the ERP itself speaks SFTP' },
    }
  );
}

export async function startAdminServer(
  host: string,
  port: number,
  controls: FileAdminControls,
): Promise<AdminServer> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://simulator').pathname;
      const reply = answer(req.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8'), controls);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

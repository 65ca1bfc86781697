import { randomUUID } from 'node:crypto';
import type {
  CanonicalDocument,
  ConnectionParameters,
  Connector,
  ConnectorContext,
  ErpFailure,
  ErpRecord,
  LookupResult,
  MappingProfile,
  PullResult,
  PushResult,
  Rendered,
  VoucherPage,
  VoucherQuery,
} from '../contract.ts';
import { FileExchangeClient } from './client.ts';
import { failureOf, outcomeOfAck, type Phase } from './errors.ts';
import { MASTER_OBJECTS, VOUCHER_PRESETS, type MasterObject } from './layout/presets.ts';
import { preloadExcel, writeTable } from './layout/table-file.ts';
import { matchesPattern, voucherFileName } from './map/names.ts';
import { latestRecords, pageAfter, recordsOfFile } from './map/pull.ts';
import { renderVoucherFile, renderVoucherTable } from './map/voucher.ts';
import {
  cursorOf,
  cursorText,
  doneFileName,
  listPeriod,
  newRequestId,
  partFileName,
  readDone,
  readPart,
  requestFile,
  requestFileName,
  requestIdIn,
  type ListCursor,
} from './map/voucher-list.ts';
import { FILE_EXCHANGE_MANIFEST } from './manifest.ts';
import { resolveSettings, type FileExchangeSettings, type Resolved } from './settings.ts';
import { parseEndpoint } from './transport/endpoint.ts';
import { FolderShare } from './transport/folder-share.ts';
import { SftpShare } from './transport/sftp-share.ts';
import { ShareError, type Share } from './transport/share.ts';
import { tracedShare } from './transport/traced-share.ts';

const unsupported = (what: string): ErpFailure => ({
  outcome: 'rejected',
  code: 'unsupported',
  message: `the file-exchange connector cannot ${what}`,
});

/** Without a connection (a dry run from the profile alone) vouchers render in the default layout. */
export function renderDefault(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  if (document.kind !== 'voucher') throw new TypeError(`file-exchange does not push ${document.kind}`);
  return renderVoucherFile(
    document.value,
    reference,
    profile,
    VOUCHER_PRESETS['cn-gbk-csv'],
    'cn-gbk-csv (default)',
  );
}

/** The share a connection reaches, or why its base URL and sign-in kind do not fit together. */
function shareOf(
  connection: ConnectionParameters,
  settings: Resolved,
  ctx: ConnectorContext,
): Share | ErpFailure {
  const endpoint = parseEndpoint(connection.baseUrl);
  const refuse = (message: string): ErpFailure => ({ outcome: 'rejected', code: 'configuration', message });
  if ('error' in endpoint) return refuse(endpoint.error);
  if (endpoint.kind === 'folder')
    return settings.authKind === 'none'
      ? new FolderShare(endpoint.root)
      : refuse(`a file:// base URL is a drop folder: authKind must be none, not ${settings.authKind}`);
  if (settings.authKind === 'none')
    return refuse('an sftp:// base URL needs authKind password or private-key');
  const { credentials } = connection;
  const secret = settings.authKind === 'password' ? 'password' : 'privateKey';
  const username = credentials['username'];
  const value = credentials[secret];
  if (username === undefined || value === undefined)
    return refuse(`the credentials need username and ${secret}`);
  const passphrase = credentials['passphrase'];
  const sftp = new SftpShare(
    {
      host: endpoint.host,
      port: endpoint.port,
      root: endpoint.root,
      username,
      [secret]: value,
      ...(passphrase === undefined || passphrase === '' ? {} : { passphrase }),
      ...(settings.hostKeySha256 === undefined ? {} : { hostKeySha256: settings.hostKeySha256 }),
    },
    // a request on a healthy session answers within milliseconds: one that does not is given up early
    { capMs: Math.max(250, ctx.timeoutMs / 3), log: (event, fields) => ctx.log(event, fields) },
  );
  return tracedShare(sftp, endpoint.host, endpoint.port);
}

/** A connector whose every call answers the same configuration failure. */
function misconfigured(failure: ErpFailure): Connector {
  return {
    manifest: FILE_EXCHANGE_MANIFEST,
    test: async () => ({ ok: false, latencyMs: 0, ...failure }),
    render: renderDefault,
    push: async () => failure,
    pushBatch: async (items) => items.map(() => failure),
    lookup: async () => failure,
    pull: async () => failure,
    listVouchers: async () => failure,
    close: async () => {},
  };
}

export function createFileExchangeConnector(
  connection: ConnectionParameters,
  ctx: ConnectorContext,
): Connector {
  const settings = resolveSettings(connection.settings as unknown as FileExchangeSettings);
  if ([settings.voucher, ...Object.values(settings.master)].some((l) => 'format' in l && l.format === 'xlsx'))
    preloadExcel();
  const reached = shareOf(connection, settings, ctx);
  if (!('read' in reached)) return misconfigured(reached);
  const share: Share = reached;
  const client = new FileExchangeClient(share, settings, ctx);
  const layoutName = settings.presetName ?? 'the connection’s layout';
  const deadlineOf = () => performance.now() + ctx.timeoutMs;

  const render = (document: CanonicalDocument, reference: string, profile: MappingProfile): Rendered => {
    if (document.kind !== 'voucher') throw new TypeError(`file-exchange does not push ${document.kind}`);
    return renderVoucherFile(document.value, reference, profile, settings.voucher, layoutName);
  };

  async function fileOf(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<Buffer> {
    if (document.kind !== 'voucher') throw new TypeError(`file-exchange does not push ${document.kind}`);
    const table = renderVoucherTable(document.value, reference, profile, settings.voucher, []);
    return writeTable(table.header === null ? table.rows : [table.header, ...table.rows], settings.voucher);
  }

  /**
   * Puts a voucher's file where the ERP reads it, unless the ERP has it already: the file to wait for,
   * or the result when there is nothing to wait for.
   */
  async function handOver(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
    deadline: number,
  ): Promise<{ readonly wait: string } | { readonly result: PushResult }> {
    if (document.kind !== 'voucher') return { result: unsupported(`push ${document.kind}`) };
    let phase: Phase = 'read';
    try {
      const probe = await client.probe(reference, deadline);
      if (probe.state === 'acknowledged') return { result: outcomeOfAck(probe.reading) };
      if (probe.state === 'waiting') return { wait: probe.file };
      const bytes = await fileOf(document, reference, profile);
      phase = 'write';
      const submitted = await client.submit(reference, probe.attempt, bytes, deadline);
      ctx.log('file_exchange.handed_over', { reference, attempt: probe.attempt, submitted });
      return { wait: voucherFileName(settings.voucher.fileName, reference, probe.attempt) };
    } catch (error) {
      // only the rename can have handed the file over; ShareError tells lost renames apart
      const commit =
        phase === 'write' &&
        error instanceof ShareError &&
        (error.kind === 'lost' || error.kind === 'timeout');
      return { result: failureOf(error, commit ? 'commit' : phase) };
    }
  }

  async function settle(file: string, reference: string, deadline: number): Promise<PushResult> {
    const reading = await client.awaitAck(file, reference, deadline);
    if (reading !== undefined) return outcomeOfAck(reading);
    return {
      outcome: 'ambiguous',
      code: 'no_ack',
      message: `${file} is with the ERP; no acknowledgement in ${ctx.timeoutMs} ms`,
    };
  }

  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    const deadline = deadlineOf();
    const handed = await handOver(document, reference, profile, deadline);
    return 'result' in handed ? handed.result : settle(handed.wait, reference, deadline);
  }

  const masterCache = new Map<string, { readonly key: string; readonly records: readonly ErpRecord[] }>();

  async function pull(
    object: string,
    after: Parameters<Connector['pull']>[1],
    limit: number,
  ): Promise<PullResult> {
    if (!(MASTER_OBJECTS as readonly string[]).includes(object)) return unsupported(`pull ${object}`);
    const layout = settings.master[object as MasterObject];
    const deadline = deadlineOf();
    try {
      const entries = (
        await share.list(settings.folders.master, deadline).catch((error: unknown) => {
          if (error instanceof ShareError && error.kind === 'not_found') return [];
          throw error;
        })
      )
        .filter((e) => e.isFile && matchesPattern(e.name, layout.fileName))
        .sort((a, b) => a.modifiedMs - b.modifiedMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const files: (readonly ErpRecord[])[] = [];
      for (const entry of entries) {
        const key = `${entry.size}:${entry.modifiedMs}`;
        const cached = masterCache.get(`${object}/${entry.name}`);
        if (cached?.key === key) {
          files.push(cached.records);
          continue;
        }
        const bytes = await share.read(`${settings.folders.master}/${entry.name}`, deadline);
        if (bytes === null) continue;
        const read = await recordsOfFile(bytes, layout, new Date(entry.modifiedMs).toISOString());
        if ('error' in read)
          return {
            outcome: 'transient',
            code: 'unreadable_master_file',
            message: `${entry.name}: ${read.error}`,
          };
        masterCache.set(`${object}/${entry.name}`, { key, records: read.records });
        files.push(read.records);
      }
      return { records: pageAfter(latestRecords(files), after, limit) };
    } catch (error) {
      return failureOf(error, 'read');
    }
  }

  /**
   * Asks the ERP for the period's voucher list — or joins a request for it the ERP has not taken yet —
   * and waits for its done file: the request answered and how many parts it has.
   */
  async function requestList(
    period: string,
    deadline: number,
  ): Promise<{ request: string; parts: number } | ErpFailure> {
    const layout = settings.voucherList;
    const folder = settings.folders.vouchers;
    const waiting = (
      await share.list(folder, deadline).catch((error: unknown) => {
        if (error instanceof ShareError && error.kind === 'not_found') return [];
        throw error;
      })
    )
      .filter((e) => e.isFile)
      .map((e) => requestIdIn(layout, period, e.name))
      .filter((id): id is string => id !== undefined)
      .sort();
    let request = waiting.at(-1);
    if (request === undefined) {
      const now = ctx.now();
      request = newRequestId(now, randomUUID());
      const name = requestFileName(layout, period, request);
      const temporary = `${folder}/.${name}.${randomUUID().slice(0, 8)}.part`;
      await share.write(temporary, await requestFile(layout, period, request, now.toISOString()), deadline);
      await share.renameNew(temporary, `${folder}/${name}`, deadline);
      ctx.log('file_exchange.voucher_list_requested', { period, request });
    }
    const done = `${folder}/${doneFileName(layout, period, request)}`;
    for (;;) {
      const bytes = await share.read(done, deadline);
      if (bytes !== null) {
        const read = await readDone(bytes, layout);
        if (!('error' in read)) return { request, parts: read.parts };
        // a done file still being written is read again at the next poll
      }
      if (performance.now() + settings.pollMs >= deadline)
        return {
          outcome: 'transient',
          code: 'voucher_list_pending',
          message: `the ERP has not answered voucher-list request ${request} for ${period} in ${ctx.timeoutMs} ms; the next listing waits for the same request`,
        };
      await new Promise((resolve) => setTimeout(resolve, settings.pollMs));
    }
  }

  /** Removes a listing's files once its last page is read (the ERP's export is ours to clear). */
  async function clearList(period: string, at: ListCursor, deadline: number): Promise<void> {
    const layout = settings.voucherList;
    const folder = settings.folders.vouchers;
    const names = [
      ...Array.from({ length: at.parts }, (_, i) => partFileName(layout, period, at.request, i + 1)),
      doneFileName(layout, period, at.request),
    ];
    for (const name of names) await share.remove(`${folder}/${name}`, deadline).catch(() => {});
  }

  /** One page of the period's vouchers from the ERP's export: whole vouchers, part after part. */
  async function listVouchers(query: VoucherQuery): Promise<VoucherPage> {
    const period = listPeriod(query.period);
    if (period === undefined)
      return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
    const deadline = deadlineOf();
    try {
      let at: ListCursor;
      if (query.after === null) {
        const asked = await requestList(period, deadline);
        if ('outcome' in asked) return asked;
        if (asked.parts === 0) {
          await clearList(period, { ...asked, part: 1, skip: 0 }, deadline);
          return { vouchers: [], next: null };
        }
        at = { ...asked, part: 1, skip: 0 };
      } else {
        const parsed = cursorOf(query.after);
        if (parsed === undefined)
          return {
            outcome: 'rejected',
            code: 'bad_cursor',
            message: `not a voucher-list cursor: ${query.after}`,
          };
        at = parsed;
      }
      const name = partFileName(settings.voucherList, period, at.request, at.part);
      const bytes = await share.read(`${settings.folders.vouchers}/${name}`, deadline);
      if (bytes === null)
        return {
          outcome: 'transient',
          code: 'voucher_list_part_missing',
          message: `${name} is not in ${settings.folders.vouchers}/ (the export was cleared or not finished); list the period again`,
        };
      const read = await readPart(bytes, settings.voucherList);
      if ('error' in read)
        return { outcome: 'transient', code: 'unreadable_voucher_list', message: `${name}: ${read.error}` };
      const limit = Math.max(1, query.limit);
      const vouchers = read.vouchers.slice(at.skip, at.skip + limit);
      const next: ListCursor | undefined =
        at.skip + limit < read.vouchers.length
          ? { ...at, skip: at.skip + limit }
          : at.part < at.parts
            ? { ...at, part: at.part + 1, skip: 0 }
            : undefined;
      if (next === undefined) await clearList(period, at, deadline);
      return { vouchers, next: next === undefined ? null : cursorText(next) };
    } catch (error) {
      return failureOf(error, 'read');
    }
  }

  return {
    manifest: FILE_EXCHANGE_MANIFEST,
    async test() {
      const started = performance.now();
      const deadline = deadlineOf();
      try {
        const { outbox, ack } = settings.folders;
        const waiting = (await share.list(outbox, deadline)).filter(
          (e) => e.isFile && !e.name.startsWith('.'),
        );
        const acknowledged = (await share.list(ack, deadline)).filter((e) => e.isFile);
        return {
          ok: true,
          latencyMs: Math.round(performance.now() - started),
          detail: `${share.where}: ${waiting.length} file(s) waiting in ${outbox}/, ${acknowledged.length} acknowledgement(s) in ${ack}/; layout ${layoutName}`,
        };
      } catch (error) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), ...failureOf(error, 'read') };
      }
    },
    render,
    push,
    async pushBatch(items, profile): Promise<PushResult[]> {
      // one file per voucher: every file is handed over first, then the acknowledgements are awaited together
      const deadline = deadlineOf();
      const handed = [];
      for (const item of items)
        handed.push(await handOver(item.document, item.externalReference, profile, deadline));
      return Promise.all(
        handed.map(async (h, i) =>
          'result' in h ? h.result : settle(h.wait, items[i]?.externalReference ?? '', deadline),
        ),
      );
    },
    async lookup(kind, reference): Promise<LookupResult> {
      if (kind !== 'voucher') return unsupported(`look up ${kind}`);
      const deadline = deadlineOf();
      try {
        const probe = await client.probe(reference, deadline);
        if (probe.state === 'absent') return { found: false };
        const reading =
          probe.state === 'acknowledged'
            ? probe.reading
            : await client.awaitAck(probe.file, reference, deadline);
        if (reading === undefined)
          return {
            outcome: 'ambiguous',
            code: 'awaiting_ack',
            message: `${probe.state === 'waiting' ? `${probe.file} is in ${probe.where}/` : ''} without an acknowledgement yet`,
          };
        const outcome = outcomeOfAck(reading);
        if (outcome.outcome === 'success')
          return { found: true, erpId: outcome.erpId, erpNumber: outcome.erpNumber };
        // the ERP refused this sending: it does not hold the voucher
        return outcome.outcome === 'rejected' ? { found: false } : outcome;
      } catch (error) {
        return failureOf(error, 'read');
      }
    },
    pull,
    listVouchers,
    close: () => share.close(),
  };
}

import type {
  CanonicalDocument,
  Connector,
  ConnectorContext,
  DocumentKind,
  LookupResult,
  MappingProfile,
  PullResult,
  PushResult,
  Rendered,
  VoucherPage,
} from '../contract.ts';
import { KingdeeClient, failureOf, responseStatusOf, type KingdeeEndpoint } from './client.ts';
import { KINGDEE_MANIFEST } from './manifest.ts';
import { renderApPayable, renderApPaybill } from './map/payables.ts';
import { pullQuery, recordsOf } from './map/pull.ts';
import { renderGlVoucher } from './map/voucher.ts';
import { voucherListQuery, vouchersOf } from './map/voucher-list.ts';

export interface KingdeeOptions {
  readonly endpoint: KingdeeEndpoint;
  /** Overrides the profile's IsAutoSubmitAndAudit for this connection. */
  readonly autoAudit?: boolean;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Where each pushed document keeps our reference, and the keys that identify it. */
const LOOKUP: Readonly<Record<DocumentKind, { formId: string; idKey: string; referenceKey: string }>> = {
  voucher: { formId: 'GL_VOUCHER', idKey: 'FVOUCHERID', referenceKey: 'FBUSNO' },
  supplier_bill: { formId: 'AP_Payable', idKey: 'FID', referenceKey: 'FAP_Remark' },
  payment: { formId: 'AP_PAYBILL', idKey: 'FID', referenceKey: 'FREMARK' },
};

export function renderKingdee(
  document: CanonicalDocument,
  reference: string,
  profile: MappingProfile,
): Rendered {
  switch (document.kind) {
    case 'voucher':
      return renderGlVoucher(document.value, reference, profile);
    case 'supplier_bill':
      return renderApPayable(document.value, reference, profile);
    case 'payment':
      return renderApPaybill(document.value, reference, profile);
  }
}

/** A Kingdee K/3 Cloud connection behind the connector contract. */
export function createKingdeeConnector(options: KingdeeOptions, ctx: ConnectorContext): Connector {
  const client = new KingdeeClient(options.endpoint, ctx);
  const render = (document: CanonicalDocument, reference: string, profile: MappingProfile): Rendered => {
    const rendered = renderKingdee(document, reference, profile);
    return options.autoAudit === undefined
      ? rendered
      : { ...rendered, payload: { ...rendered.payload, IsAutoSubmitAndAudit: options.autoAudit } };
  };
  async function push(
    document: CanonicalDocument,
    reference: string,
    profile: MappingProfile,
  ): Promise<PushResult> {
    const rendered = render(document, reference, profile);
    const result = await client.call('Save', { formid: rendered.erpObject, data: rendered.payload });
    if (!result.ok) return result.failure;
    const body = result.body as { Result?: { Id?: number | string; Number?: string } };
    return {
      outcome: 'success',
      erpId: String(body.Result?.Id ?? ''),
      erpNumber: body.Result?.Number ?? '',
    };
  }
  return {
    manifest: KINGDEE_MANIFEST,
    async test() {
      const started = performance.now();
      const result = await client.call('ExecuteBillQuery', {
        data: { FormId: 'BD_Currency', FieldKeys: 'FNumber,FName', TopRowCount: 1, Limit: 1 },
      });
      const latencyMs = Math.round(performance.now() - started);
      if (!result.ok) return { ok: false, latencyMs, ...result.failure };
      return {
        ok: true,
        latencyMs,
        detail: `signed in to data centre ${options.endpoint.acctId} as ${options.endpoint.username}`,
        ...(client.displayVersion === undefined ? {} : { version: client.displayVersion }),
      };
    },
    render,
    push,
    async pushBatch(items, profile): Promise<PushResult[]> {
      const [only] = items;
      if (only === undefined) return [];
      if (items.length === 1) return [await push(only.document, only.externalReference, profile)];
      const rendered = items.map((item) => render(item.document, item.externalReference, profile));
      const first = rendered[0];
      if (first === undefined) return [];
      const result = await client.call(
        'BatchSave',
        {
          formid: first.erpObject,
          data: { ...first.payload, Model: rendered.map((r) => r.payload['Model']) },
        },
        { perItem: true },
      );
      if (!result.ok) return items.map(() => result.failure);
      const status = responseStatusOf(result.body);
      // an item the answer does not mention may or may not be stored: look it up before resending
      const results: PushResult[] = items.map(() => ({
        outcome: 'ambiguous',
        code: 'not_in_answer',
        message: 'BatchSave did not report this item',
      }));
      for (const saved of status?.SuccessEntitys ?? [])
        if (saved.DIndex !== undefined && saved.DIndex < results.length)
          results[saved.DIndex] = {
            outcome: 'success',
            erpId: String(saved.Id ?? ''),
            erpNumber: saved.Number ?? '',
          };
      for (const error of status?.Errors ?? [])
        if (error.DIndex !== undefined && error.DIndex < results.length)
          results[error.DIndex] = failureOf({ MsgCode: status?.MsgCode ?? 11, Errors: [error] });
      return results;
    },
    async lookup(kind, reference): Promise<LookupResult> {
      const form = LOOKUP[kind];
      const result = await client.call('ExecuteBillQuery', {
        data: {
          FormId: form.formId,
          FieldKeys: `${form.idKey},FBillNo`,
          FilterString: `${form.referenceKey}=${quote(reference)}`,
          TopRowCount: 1,
          Limit: 1,
        },
      });
      if (!result.ok) return result.failure;
      const first = (result.body as unknown[][])[0];
      return first === undefined
        ? { found: false }
        : { found: true, erpId: String(first[0]), erpNumber: String(first[1]) };
    },
    async pull(object, after, limit): Promise<PullResult> {
      const query = pullQuery(object, after, limit);
      if (query === undefined)
        return { outcome: 'rejected', code: 'unsupported', message: `cannot pull ${object}` };
      const result = await client.call('ExecuteBillQuery', { data: query });
      if (!result.ok) return result.failure;
      return { records: recordsOf(object, result.body as unknown[][]) };
    },
    async listVouchers(query): Promise<VoucherPage> {
      const request = voucherListQuery(query);
      if (request === undefined)
        return { outcome: 'rejected', code: 'bad_period', message: `not a period: ${query.period}` };
      const result = await client.call('ExecuteBillQuery', { data: request });
      if (!result.ok) return result.failure;
      const rows = result.body as unknown[][];
      const vouchers = vouchersOf(rows);
      if (rows.length < query.limit) return { vouchers, next: null };
      // a full page may end inside a voucher: keep the whole ones, the next page starts after them
      const whole = vouchers.slice(0, -1);
      const last = whole.at(-1);
      if (last !== undefined) return { vouchers: whole, next: last.erpId };
      // one voucher fills the page: read the rest of its entries
      const only = vouchers[0];
      if (only === undefined) return { vouchers: [], next: null };
      const all = [...rows];
      for (;;) {
        const more = await client.call('ExecuteBillQuery', {
          data: voucherListQuery(query, only.erpId, all.length),
        });
        if (!more.ok) return more.failure;
        const page = more.body as unknown[][];
        all.push(...page);
        if (page.length < query.limit) break;
      }
      return { vouchers: vouchersOf(all), next: only.erpId };
    },
    close: async () => {},
  };
}

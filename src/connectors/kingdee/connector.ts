import type { Connector, ConnectorContext, LookupResult, PushResult, VoucherPush } from '../contract.ts';
import { KingdeeClient, type KingdeeEndpoint } from './client.ts';
import { KINGDEE_MANIFEST } from './manifest.ts';
import { DEFAULT_VOUCHER_MAPPING, toGlVoucherModel, type VoucherMapping } from './map/voucher.ts';

export interface KingdeeOptions {
  readonly endpoint: KingdeeEndpoint;
  readonly mapping?: VoucherMapping;
  /** Save, submit and audit in one call (IsAutoSubmitAndAudit). */
  readonly autoAudit?: boolean;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** A Kingdee K/3 Cloud connection behind the connector contract. */
export function createKingdeeConnector(options: KingdeeOptions, ctx: ConnectorContext): Connector {
  const client = new KingdeeClient(options.endpoint, ctx);
  const mapping = options.mapping ?? DEFAULT_VOUCHER_MAPPING;
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
      };
    },
    async pushVoucher(push: VoucherPush): Promise<PushResult> {
      const result = await client.call('Save', {
        formid: 'GL_VOUCHER',
        data: {
          NeedReturnFields: ['FBillNo', 'FVOUCHERGROUPNO'],
          IsAutoSubmitAndAudit: options.autoAudit ?? true,
          Model: toGlVoucherModel(push.voucher, push.externalReference, mapping),
        },
      });
      if (!result.ok) return result.failure;
      const body = result.body as { Result?: { Id?: number | string; Number?: string } };
      return {
        outcome: 'success',
        erpId: String(body.Result?.Id ?? ''),
        erpNumber: body.Result?.Number ?? '',
      };
    },
    async lookupVoucher(reference: string): Promise<LookupResult> {
      const result = await client.call('ExecuteBillQuery', {
        data: {
          FormId: 'GL_VOUCHER',
          FieldKeys: 'FVOUCHERID,FBillNo',
          FilterString: `FBUSNO=${quote(reference)}`,
          TopRowCount: 1,
          Limit: 1,
        },
      });
      if (!result.ok) return result.failure;
      const rows = result.body as unknown[][];
      const first = rows[0];
      return first === undefined
        ? { found: false }
        : { found: true, erpId: String(first[0]), erpNumber: String(first[1]) };
    },
    close: async () => {},
  };
}

/**
 * What the simulated relay says, in U8's own shape: `{"errcode":"<string>","errmsg":"<中文>"}` (B5).
 * There is no authoritative code table; the codes follow a third-party U8 wrapper's vocabulary
 * (20000 单据加载失败, 20001 单据新增失败) and are simulator vocabulary, not truth. What connectors may
 * rely on is `errcode "0"` for success and the observed message `参数token已过期`.
 */
export type U8Answer = Readonly<Record<string, unknown>> & {
  readonly errcode: string;
  readonly errmsg: string;
};

export const ok = (fields: Readonly<Record<string, unknown>> = {}): U8Answer => ({
  errcode: '0',
  errmsg: '',
  ...fields,
});

export const error = (errcode: string, errmsg: string): U8Answer => ({ errcode, errmsg });

export const ANSWERS = {
  badApp: () => error('40001', '参数app_key或app_secret不正确'),
  badAccount: (name: string) => error('40002', `参数${name}不正确`),
  missing: (name: string) => error('40003', `参数${name}不能为空`),
  tokenExpired: () => error('40004', '参数token已过期'),
  tokenInvalid: () => error('40005', '参数token无效'),
  tradeIdInvalid: () => error('40006', '参数tradeid无效'),
  throttled: () => error('40029', '调用过于频繁，请稍后再试'),
  notFound: (what: string) => error('20000', `${what}不存在`),
  addFailed: (reason: string) => error('20001', reason),
  resultPending: () => error('30001', '结果尚未生成，请稍后查询'),
  unknownApi: (path: string) => error('10002', `不支持的操作[${path}]`),
};

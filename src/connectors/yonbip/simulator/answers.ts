/**
 * What the simulated platform says, in YonBIP's own envelope `{"code","message","data"}` (C3, C6).
 * Codes and the messages marked observed come from the reference; the business messages after
 * `凭证保存不成功,` are simulator vocabulary in the observed style.
 */
export type YonAnswer = Readonly<Record<string, unknown>> & {
  readonly code: string;
  readonly message: string;
};

export const success = (data: unknown, message = '操作成功'): YonAnswer => ({ code: '200', message, data });
export const platformOk = (data: unknown): YonAnswer => ({ code: '00000', message: '成功！', data });
const fail = (code: string, message: string, data?: unknown): YonAnswer =>
  data === undefined ? { code, message } : { code, message, data };

export const ANSWERS = {
  badTenant: () => fail('500', '根据租户id获取网关地址出现异常'),
  appDisabled: () => fail('10018', '应用不存在或appKey已停用'),
  /** Bad signature and stale timestamp: undocumented codes, simulator vocabulary. */
  badSignature: () => fail('10019', '签名验证失败'),
  staleTimestamp: () => fail('10020', '时间戳已过期'),
  tokenMissing: () => fail('310001', 'access_token不能为空。'),
  tokenInvalid: () => fail('310036', '非法token'),
  notJson: () => fail('310002', '请求体必须为JSON格式'),
  throttled: () => fail('310046', 'API调用频率超过限制'),
  unknownPath: (path: string) => fail('310404', `网关上没有注册此API[${path}]，请确认后重新调用`),
  voucherRefused: (reason: string) => fail('404', `凭证保存不成功,${reason}`, {}),
  voucherNotFound: () => fail('404', '凭证不存在！', {}),
};

import type { ErpFailure } from '../contract.ts';

/**
 * Kingdee failures → the closed set of outcome classes. Business errors arrive as HTTP 200 with
 * `ResponseStatus.IsSuccess=false` and a MsgCode (A5.6); infrastructure errors as IIS pages,
 * `response_error:` text, gateway 519 or a broken connection.
 */
export function classifyMsgCode(msgCode: number, message: string): ErpFailure {
  const code = `MsgCode ${msgCode}`;
  switch (msgCode) {
    case 1:
      return { outcome: 'auth_expired', code, message };
    case 13:
      return { outcome: 'transient', code, message }; // 网控冲突: another session holds the bill
    case 14:
      return { outcome: 'throttled', code, message }; // 调用限制
    case 4:
      return { outcome: 'ambiguous', code, message }; // server exception: unknown whether it saved
    case 6:
      return { outcome: 'transient', code, message }; // database failure: nothing committed
    default:
      return { outcome: 'rejected', code, message }; // 2 权限, 5/9/10 not found, 8 参数, 11 验证, 12 不可操作, 7 许可
  }
}

export function classifyHttp(status: number, body: string): ErpFailure | null {
  if (status === 519) {
    const gateway = /"errcode"\s*:\s*"?(\d+)/.exec(body)?.[1] ?? '';
    return {
      outcome: gateway === '4002' ? 'throttled' : gateway === '4006' ? 'auth_expired' : 'transient',
      code: `HTTP 519/${gateway}`,
      message: body.slice(0, 300),
    };
  }
  if (status === 429) return { outcome: 'throttled', code: 'HTTP 429', message: body.slice(0, 300) };
  if (status >= 500)
    return {
      outcome: 'ambiguous',
      code: `HTTP ${status}`,
      message: body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300),
    };
  if (status !== 200 && status !== 206)
    return { outcome: 'rejected', code: `HTTP ${status}`, message: body.slice(0, 300) };
  if (body.startsWith('response_error:'))
    return { outcome: 'ambiguous', code: 'response_error', message: body.slice(15, 315) };
  if (body.trimStart().startsWith('<'))
    return { outcome: 'ambiguous', code: 'html', message: body.slice(0, 300) };
  return null;
}

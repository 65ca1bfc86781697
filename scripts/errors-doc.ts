// Regenerates docs/errors.md from the registry: node scripts/errors-doc.ts > docs/errors.md (a test keeps the two in step).
import { ERROR_CODES } from '../src/model/error-codes.ts';
const lines = [
  '# Problem codes / 错误码',
  '',
  'Every error FinBridge returns is an RFC 9457 `application/problem+json` document:',
  '',
  '```json',
  '{',
  '  "type": "urn:finbridge:problem:validation_failed",',
  '  "title": "The request data failed validation",',
  '  "status": 422,',
  '  "code": "validation_failed",',
  '  "detail": "/taxId: Invalid unified social credit code: check character 18 is \'N\' but the first 17 characters give \'L\'",',
  '  "instance": "/api/v1/suppliers",',
  '  "requestId": "5b0e…",',
  '  "errors": [{ "pointer": "/taxId", "code": "invalid_uscc", "message": "…" }]',
  '}',
  '```',
  '',
  '- `code` is stable: clients branch on it. A code keeps its HTTP status forever and is never reused once retired.',
  '- `errors[]` lists field-level failures; `pointer` is a JSON pointer (RFC 6901) into the request body (`/lines/2/debit`),',
  '  or `/query/<name>` / `/path/<name>` for query and path parameters.',
  '- Messages follow `Accept-Language`: zh-CN (default) or en-US. `Content-Language` says which was used.',
  '- Unknown fields are **rejected** (`unknown_field`), not stripped: a typo never silently loses data.',
  '- Bad input is never a 5xx. Requests the router or the HTTP parser refuses (a bad percent-encoding,',
  '  a path parameter over 100 characters, headers or URL over 16 KiB) are problem+json too; text with NUL or',
  '  an unpaired surrogate is refused (`unstorable_text`) wherever it arrives; a database constraint that',
  '  still trips is a 409/422 naming the field. The OAuth endpoints answer in the RFC 6749 shape',
  '  (`{"error": "invalid_request"}`) that OAuth libraries read. See ADR 0012.',
  '- 错误输入绝不返回 5xx：路由或 HTTP 解析层拒绝的请求（非法百分号编码、超过 100 字符的路径参数、超过 16 KiB',
  '  的请求头或地址）同样返回 problem+json；含 NUL 或不成对代理项的文本一律拒绝（`unstorable_text`）；',
  '  仍触发数据库约束的请求返回 409/422 并指出字段。OAuth 端点按 RFC 6749 格式返回错误。',
  '- A test (`test/api-platform.test.ts`) keeps this table and `src/model/error-codes.ts` in step; the API fuzzer',
  '  (`npm run fuzz`, a short run in `npm test`) checks every operation answers with a code from it.',
  '',
  '| code | status | en-US | zh-CN |',
  '| --- | --- | --- | --- |',
];
for (const [code, e] of Object.entries(ERROR_CODES)) {
  lines.push(`| \`${code}\` | ${e.status} | ${e.en.replace(/\|/g, '\\|')} | ${e.zh.replace(/\|/g, '\\|')} |`);
}
process.stdout.write(lines.join('\n') + '\n');

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
  '- A test (`test/api-platform.test.ts`) keeps this table and `src/model/error-codes.ts` in step.',
  '',
  '| code | status | en-US | zh-CN |',
  '| --- | --- | --- | --- |',
];
for (const [code, e] of Object.entries(ERROR_CODES)) {
  lines.push(`| \`${code}\` | ${e.status} | ${e.en.replace(/\|/g, '\\|')} | ${e.zh.replace(/\|/g, '\\|')} |`);
}
process.stdout.write(lines.join('\n') + '\n');

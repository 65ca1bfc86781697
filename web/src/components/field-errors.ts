import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

/**
 * The API's field-level errors (problem+json `errors[]`, JSON pointers such as `/lines/0/amount`)
 * shown beside the form fields they name. Returns the errors no field of the form took.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
): readonly { readonly pointer: string; readonly message: string }[] {
  if (!(error instanceof ApiError) || error.problem?.errors === undefined) return [];
  const left: { pointer: string; message: string }[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const e of error.problem.errors) {
    const name = e.pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const known = name.length > 0 && form.getFieldInstance(name) !== undefined;
    if (!known) {
      left.push({ pointer: e.pointer, message: e.message });
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(e.message)) entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return left;
}

import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { dropDraft, loadDraft, saveDraft } from '../../auth/drafts.ts';
import { useMe } from '../../auth/session.tsx';
import { showFieldErrors } from '../../components/field-errors.ts';
import { useRequest } from '../../components/use-request.ts';

/**
 * What the employee's new-document forms (claim, pre-approval request, advance) share: the money and
 * date inputs, code lists as options, the company and the employee the document is for, and saving a
 * draft — kept as it is typed (auth/drafts.ts) so a session that ends mid-form loses nothing.
 */

/** A decimal string with at most two digits after the point, as the API takes money. */
export const AMOUNT = /^\d{1,17}(\.\d{1,3})?$/;

/** Dates are kept as YYYY-MM-DD strings in the form (and so in a kept draft); the picker sees dayjs. */
export const dateItem = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => value?.format('YYYY-MM-DD'),
};

/** A code-and-name list as Select options. */
export const optionsOf = (items: readonly { code: string; name: string }[] | undefined) =>
  (items ?? []).map((x) => ({ value: x.code, label: `${x.code} ${x.name}` }));

const FIRST_200 = { params: { query: { limit: 200 } } };

/**
 * The signed-in employee and the lists a new document picks from; the form's department starts as the
 * employee's own.
 */
export function useDocumentForm<V extends { departmentCode?: string }>(form: FormInstance<V>, draft: string) {
  const { me, user } = useMe();
  const employeeCode = user?.employeeCode ?? undefined;
  const company = useRequest(`company:${me.tenantId}`, () =>
    unwrap(api.GET('/api/v1/companies/{id}', { params: { path: { id: me.tenantId } } })),
  );
  const categories = useRequest('categories', () => unwrap(api.GET('/api/v1/expense-categories', FIRST_200)));
  const departments = useRequest('departments', () => unwrap(api.GET('/api/v1/departments', FIRST_200)));
  const projects = useRequest('projects', () => unwrap(api.GET('/api/v1/projects', FIRST_200)));
  const employee = useRequest(`employee:${employeeCode ?? ''}`, async () =>
    employeeCode === undefined
      ? undefined
      : (
          await unwrap(api.GET('/api/v1/employees', { params: { query: { q: employeeCode, limit: 20 } } }))
        ).items.find((e) => e.code === employeeCode),
  );
  useEffect(() => {
    const kept = loadDraft(draft, me.id);
    if (kept !== undefined) form.setFieldsValue(kept as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, me.id, draft]);
  useEffect(() => {
    const department = employee.data?.departmentCode;
    const current: unknown = (form as unknown as FormInstance).getFieldValue('departmentCode');
    if (department !== undefined && current === undefined)
      form.setFieldsValue({ departmentCode: department } as Parameters<typeof form.setFieldsValue>[0]);
  }, [employee.data, form]);
  const keep = (values: unknown) => saveDraft(draft, me.id, values);
  return { employeeCode, company, categories, departments, projects, keep };
}

/**
 * Saving a new document: busy while the call runs, each of the API's field errors beside its field, the
 * draft dropped once saved and kept when the session ended (the person signs in and finds it again).
 */
export function useSave<V>(form: FormInstance<V>, draft: string) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async (
    create: () => Promise<{ id: string; number: string }>,
    onSaved: (saved: { id: string; number: string }) => string,
  ) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await create();
      dropDraft(draft);
      await navigate(onSaved(saved));
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 401)) {
        showFieldErrors(form, failure);
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, save };
}

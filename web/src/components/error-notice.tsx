import { Alert, Typography } from 'antd';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A failed request as a person can read it: the server's message (in their language) and the request id. */
export function ErrorNotice({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  if (error === undefined || error === null) return null;
  const api = error instanceof ApiError ? error : undefined;
  const message =
    api?.problem === undefined
      ? api?.status === 0
        ? t('error.network')
        : error instanceof Error
          ? error.message
          : JSON.stringify(error)
      : api.problem.detail;
  // field errors one per line (the API may name a field twice); otherwise the problem's detail
  const fields = [...new Set(api?.problem?.errors?.map((e) => `${e.pointer}: ${e.message}`))];
  const lines = fields.length > 0 ? fields : [message];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-notice"
      message={api?.problem?.title ?? t('error.title')}
      description={
        <>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {api?.requestId === undefined ? null : (
            <Typography.Text type="secondary" copyable={{ text: api.requestId }}>
              {t('error.requestId', { id: api.requestId })}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}

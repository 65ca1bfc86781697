import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../api/client.ts';

/** Whatever a page throws while rendering becomes a readable message, never a blank page. */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('console page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return <Crashed error={this.state.error} />;
  }
}

export function Crashed({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (
    <Result
      status="error"
      title={t('error.crash')}
      subTitle={t('error.crashHint')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>,
      ]}
    >
      <Typography.Paragraph code>{detail}</Typography.Paragraph>
      {error instanceof ApiError && error.requestId !== undefined ? (
        <Typography.Paragraph>{t('error.requestId', { id: error.requestId })}</Typography.Paragraph>
      ) : null}
    </Result>
  );
}

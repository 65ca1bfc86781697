import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { reportable, type Account, type Imported } from './bank-types.tsx';

/** A file's bytes as base64 (the import takes the file as it is: it may be GBK, so never as text). */
const base64Of = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** The import's refusal, every wrong line on a line of its own (422 bank_file_invalid), or the problem. */
function ImportRefused({ error }: { readonly error: unknown }) {
  const { t } = useI18n();
  const problem = error instanceof ApiError ? error.problem : undefined;
  const lines = problem?.errors ?? [];
  if (problem === undefined || lines.length === 0) return <ErrorNotice error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="bank-import-errors"
      message={t('bank.import.refused', { count: lines.length })}
      description={
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {lines.map((e, i) => (
            <li key={`${i}:${e.message}`} data-testid="bank-import-error" data-code={e.code}>
              {e.message}
            </li>
          ))}
        </ol>
      }
    />
  );
}

/**
 * Import a statement file for the account: camt.053, MT940 or a bank's CSV (the format is read from the
 * content; a CSV layout may be named). All or nothing: a refused file names every wrong line.
 */
export function BankImport({
  account,
  onImported,
}: {
  readonly account: Account;
  readonly onImported: () => void;
}) {
  const { t, pick, date, money, instant } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | undefined>();
  const [layout, setLayout] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<Imported | undefined>();
  const layouts = useRequest('bank-layouts', () => unwrap(api.GET('/api/v1/bank-statements/layouts')));
  const imports = useRequest('bank-imports', () =>
    unwrap(api.GET('/api/v1/bank-statements', { params: { query: { limit: 20 } } })),
  );

  const upload = async () => {
    if (file === undefined) return;
    setError(undefined);
    setResult(undefined);
    setBusy(true);
    try {
      const content = await base64Of(file);
      const done = await unwrap(
        api.POST('/api/v1/bank-statements', {
          body: { content, fileName: file.name, account: account.code, ...(layout === '' ? {} : { layout }) },
        }),
      );
      setResult(done);
      imports.reload();
      void message.success(
        done.alreadyImported
          ? t('bank.import.again')
          : t('bank.import.done', { lines: done.lines, newLines: done.newLines }),
      );
    } catch (failure) {
      if (reportable(failure)) setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-import">
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xml,.sta,.mt940,.txt,.csv"
            maxCount={1}
            multiple={false}
            beforeUpload={(f) => {
              setFile(f);
              setError(undefined);
              setResult(undefined);
              return false;
            }}
            onRemove={() => setFile(undefined)}
            fileList={
              file === undefined ? [] : [{ uid: file.name, name: file.name, status: 'done' as const }]
            }
            data-testid="bank-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('bank.import.drop')}</p>
            <p className="ant-upload-hint">{t('bank.import.hint', { account: account.code })}</p>
          </Upload.Dragger>
          <Space wrap>
            <Select<string>
              data-testid="bank-import-layout"
              style={{ minWidth: 260 }}
              value={layout}
              onChange={setLayout}
              options={[
                { value: '', label: t('bank.import.layoutAuto') },
                ...(layouts.data?.formats ?? []).map((f) => ({ value: f.name, label: f.title })),
                ...(layouts.data?.layouts ?? []).map((l) => ({
                  value: l.name,
                  label: `${pick(l.title)}${l.source === 'assumed' ? ` (${t('bank.import.assumed')})` : ''}`,
                })),
              ]}
            />
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={file === undefined}
              loading={busy}
              onClick={() => void upload()}
              data-testid="bank-import-submit"
            >
              {t('bank.import.submit')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('bank.import.allOrNothing')}</Typography.Text>
        </Space>
      </Card>
      <ImportRefused error={error} />
      {result === undefined ? null : (
        <Alert
          type={result.alreadyImported ? 'info' : 'success'}
          showIcon
          data-testid="bank-import-result"
          message={
            result.alreadyImported
              ? t('bank.import.again')
              : t('bank.import.done', { lines: result.lines, newLines: result.newLines })
          }
          description={
            <Space direction="vertical" size={4}>
              {result.statements.map((s) => (
                <span key={s.id}>
                  {t('bank.import.statement', {
                    ref: s.statementRef ?? '—',
                    from: date(s.from),
                    to: date(s.to),
                    lines: s.lines,
                    newLines: s.newLines,
                    closing: s.closingBalance === null ? '—' : money(s.closingBalance, account.currency),
                  })}
                </span>
              ))}
              <Button size="small" onClick={onImported} data-testid="bank-import-to-match">
                {t('bank.import.toMatch')}
              </Button>
            </Space>
          }
        />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('bank.import.history')}
      </Typography.Title>
      <ErrorNotice error={imports.error} />
      <Table<NonNullable<typeof imports.data>['items'][number]>
        data-testid="bank-imports"
        size="small"
        rowKey="id"
        loading={imports.loading}
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={imports.data?.items ?? []}
        columns={[
          { title: t('bank.import.fileName'), render: (_, i) => i.fileName ?? '—' },
          { title: t('bank.import.format'), render: (_, i) => i.layout ?? i.format },
          {
            title: t('bank.import.accounts'),
            render: (_, i) => [...new Set(i.statements.map((s) => s.accountCode))].join(', '),
          },
          { title: t('bank.import.lines'), align: 'right', render: (_, i) => `${i.newLines} / ${i.lines}` },
          { title: t('bank.import.by'), dataIndex: 'importedBy' },
          { title: t('bank.import.at'), render: (_, i) => instant(i.importedAt) },
        ]}
      />
    </Space>
  );
}

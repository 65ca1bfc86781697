import { Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { ConsoleUser } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Administration: the company's console users and their roles (GET /api/v1/users, users:admin). */
export default function UsersPage() {
  const { t, instant } = useI18n();
  const users = useRequest('users', () => unwrap(api.GET('/api/v1/users')));
  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      <ErrorNotice error={users.error} />
      <Table<ConsoleUser>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.name'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: ConsoleUser['roles']) => roles.map((r) => <Tag key={r}>{r}</Tag>),
          },
          { title: t('users.employee'), dataIndex: 'employeeCode', render: (c: string | null) => c ?? '—' },
          { title: t('users.status'), dataIndex: 'status' },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (at: string | null) => (at === null ? '—' : instant(at)),
          },
        ]}
      />
    </>
  );
}

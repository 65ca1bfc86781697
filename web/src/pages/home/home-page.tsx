import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { AREAS, visiblePages } from '../../routes/registry.tsx';

const ROLE_LABELS: Record<string, MessageKey> = {
  employee: 'role.employee',
  approver: 'role.approver',
  finance: 'role.finance',
  admin: 'role.admin',
  auditor: 'role.auditor',
  integration: 'role.integration',
  operator: 'admin.role.operator',
};

/** Home: who you are and what your roles let you do here — the pages you may open, by area. */
export default function HomePage() {
  const { t } = useI18n();
  const { me, name } = useMe();
  const pages = visiblePages(me).filter((p) => p.description !== undefined);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} data-testid="home-title">
          {t('home.title', { name })}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{t('home.roles')}</Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r} color="blue" data-testid="role">
              {ROLE_LABELS[r] === undefined ? r : t(ROLE_LABELS[r])}
            </Tag>
          ))}
        </Space>
      </div>
      {pages.length === 0 ? (
        <Empty description={t('home.nothing')} />
      ) : (
        <>
          <Typography.Text strong>{t('home.canDo')}</Typography.Text>
          {AREAS.filter((a) => a !== 'home').map((area) => {
            const inArea = pages.filter((p) => p.area === area);
            if (inArea.length === 0) return null;
            return (
              <div key={area}>
                <Typography.Title level={5}>{t(`area.${area}`)}</Typography.Title>
                <Row gutter={[16, 16]}>
                  {inArea.map((p) => (
                    <Col key={p.id} xs={24} sm={12} lg={8}>
                      <Link to={p.path} data-testid={`home-card-${p.id}`}>
                        <Card
                          hoverable
                          size="small"
                          title={
                            <Space>
                              {p.icon}
                              {t(p.label)}
                            </Space>
                          }
                        >
                          {p.description === undefined ? null : t(p.description)}
                        </Card>
                      </Link>
                    </Col>
                  ))}
                </Row>
              </div>
            );
          })}
        </>
      )}
    </Space>
  );
}

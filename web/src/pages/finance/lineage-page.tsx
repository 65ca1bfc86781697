import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Graph = paths['/api/v1/lineage/{type}/{id}']['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Edge = Graph['edges'][number];

const TYPES = [
  'expense_claim',
  'expense_advance',
  'expense_request',
  'invoice',
  'approval_task',
  'voucher',
  'payment',
  'bank_line',
  'bank_match',
  'book_entry',
  'archive_item',
] as const;
const key = (r: { type: string; id: string }) => `${r.type}:${r.id}`;

/**
 * Finance and auditors: lineage (全链路追溯, docs/lineage.md). From any record, the records linked to it
 * in both directions as an indented tree — each child reached by one hop, with its relation, time and
 * actor; a record already shown higher up is not expanded again.
 */
export default function LineagePage() {
  const { t, instant } = useI18n();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? 'expense_claim';
  const id = params.get('id') ?? '';
  const [draftType, setDraftType] = useState(type);
  const [draftId, setDraftId] = useState(id);
  const graph = useRequest(`lineage-${type}-${id}`, () =>
    id === ''
      ? Promise.resolve(undefined)
      : unwrap(api.GET('/api/v1/lineage/{type}/{id}', { params: { path: { type, id } } })),
  );

  const tree = (g: Graph): DataNode[] => {
    const nodes = new Map(g.nodes.map((n) => [key(n), n]));
    const shown = new Set<string>();
    const build = (at: string, via: Edge | undefined, path: string): DataNode => {
      shown.add(at);
      const node = nodes.get(at);
      const children = g.edges
        .filter((e) => key(e.from) === at || key(e.to) === at)
        .map((e) => ({ e, other: key(e.from) === at ? key(e.to) : key(e.from) }))
        .filter(({ other }) => !shown.has(other) && nodes.get(other)?.depth === (node?.depth ?? 0) + 1);
      for (const c of children) shown.add(c.other);
      return {
        key: path,
        title: (
          <Space size={4} wrap data-node={at}>
            <Tag color="blue">{node?.type}</Tag>
            <Typography.Text>{node?.label ?? node?.id}</Typography.Text>
            {via === undefined ? null : (
              <Typography.Text type="secondary">
                · {via.relation} · {instant(via.at)}
                {via.actor === null ? '' : ` · ${via.actor}`}
              </Typography.Text>
            )}
          </Space>
        ),
        children: children.map(({ e, other }) => build(other, e, `${path}/${other}`)),
      };
    };
    return [build(key(g.root), undefined, key(g.root))];
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="finance-lineage">
      <Typography.Title level={3} style={{ margin: 0 }}>
        <ApartmentOutlined /> {t('lineage.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('lineage.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 180 }}
          value={draftType}
          onChange={setDraftType}
          options={TYPES.map((x) => ({ value: x, label: x }))}
          aria-label={t('lineage.type')}
        />
        <Input
          style={{ width: 340 }}
          value={draftId}
          placeholder={t('lineage.id')}
          onChange={(e) => setDraftId(e.target.value.trim())}
        />
        <Button type="primary" onClick={() => setParams({ type: draftType, id: draftId })}>
          {t('lineage.show')}
        </Button>
      </Space>
      <ErrorNotice error={graph.error} />
      {graph.data === undefined ? null : (
        <Card size="small" loading={graph.loading}>
          {graph.data.truncated ? <Alert type="warning" showIcon message={t('lineage.truncated')} /> : null}
          <Tree
            key={`${type}:${id}`}
            defaultExpandAll
            showLine
            selectable={false}
            treeData={tree(graph.data)}
            data-testid="lineage-tree"
          />
        </Card>
      )}
    </Space>
  );
}

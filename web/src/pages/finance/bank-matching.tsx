import { DisconnectOutlined, LinkOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState, type DragEvent } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { sumDecimals } from '../../components/expense-decimal.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import {
  DirectionTag,
  MOST,
  ReasonTag,
  ScoreTag,
  loadEntries,
  loadLines,
  reportable,
  type Account,
  type Entry,
  type ItemStatus,
  type Line,
  type Match,
} from './bank-types.tsx';

/** The drag's payload type: a statement line's id (nothing else is dropped on a book entry). */
const LINE_TYPE = 'application/x-finbridge-bank-line';

const SOURCES: Readonly<Record<string, MessageKey>> = {
  expense: 'bank.source.expense',
  expense_return: 'bank.source.expense_return',
  payment: 'bank.source.payment',
  payment_reversal: 'bank.source.payment_reversal',
  manual: 'bank.source.manual',
};

/**
 * Statement lines beside the account's book entries. Drag a line onto a book entry to match them (onto
 * one of several ticked entries: the line matches all of them, many to one); or, without a mouse, the
 * line's **Match…** button or the ticked lines and entries with **Match selected**. **Automatic
 * matching** proposes by amount, date, counterparty and reference; every match shows its score and
 * reasons and can be unmatched (after a confirmation).
 */
export function BankMatching({ account }: { readonly account: Account }) {
  const { t, money, date, instant } = useI18n();
  const { message } = App.useApp();
  const [lineStatus, setLineStatus] = useState<ItemStatus>('open');
  const [entryStatus, setEntryStatus] = useState<ItemStatus>('open');
  const [kind, setKind] = useState<'all' | 'auto' | 'manual'>('all');
  const [pickedLines, setPickedLines] = useState<string[]>([]);
  const [pickedEntries, setPickedEntries] = useState<string[]>([]);
  const [dragging, setDragging] = useState<string | undefined>();
  const [over, setOver] = useState<string | undefined>();
  const [choosingFor, setChoosingFor] = useState<Line | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  const code = account.code;
  const lines = useRequest(`bank-lines:${code}:${lineStatus}:${round}`, () => loadLines(code, lineStatus));
  const entries = useRequest(`bank-entries:${code}:${entryStatus}:${round}`, () =>
    loadEntries(code, entryStatus),
  );
  const openEntries = useRequest(`bank-open-entries:${code}:${round}`, () => loadEntries(code, 'open'));
  const matches = useRequest(`bank-matches:${code}:${kind}:${round}`, () =>
    unwrap(
      api.GET('/api/v1/bank-statements/matches', {
        params: { query: { account: code, limit: MOST, ...(kind === 'all' ? {} : { kind }) } },
      }),
    ),
  );
  const lineItems = lines.data?.items ?? [];
  const entryItems = entries.data?.items ?? [];
  const refresh = () => {
    setPickedLines([]);
    setPickedEntries([]);
    setRound((r) => r + 1);
  };

  const act = async (work: () => Promise<void>): Promise<boolean> => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (failure) {
      if (reportable(failure)) setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const match = (lineIds: string[], entryIds: string[], withNote = '') =>
    act(async () => {
      const made = await unwrap(
        api.POST('/api/v1/bank-statements/matches', {
          body: { lineIds, entryIds, ...(withNote.trim() === '' ? {} : { note: withNote.trim() }) },
        }),
      );
      void message.success(t('bank.match.done', { score: made.score }));
      refresh();
    });
  const unmatch = (m: Match) =>
    act(async () => {
      await unwrap(api.DELETE('/api/v1/bank-statements/matches/{id}', { params: { path: { id: m.id } } }));
      void message.success(t('bank.match.undone'));
      refresh();
    });
  const auto = () =>
    act(async () => {
      const r = await unwrap(api.POST('/api/v1/bank-statements/matches:auto', { body: { account: code } }));
      void message.success(
        t('bank.auto.done', {
          matches: r.matches,
          oneToOne: r.shapes.oneToOne,
          manyToOne: r.shapes.manyToOne,
          oneToMany: r.shapes.oneToMany,
          openLines: r.openLines,
          openEntries: r.openEntries,
        }),
      );
      setKind('all');
      refresh();
    });

  /** A line dropped on an entry: the entry, or every ticked entry when it is one of them. */
  const dropOn = (entry: Entry, lineId: string) => {
    const entryIds = pickedEntries.includes(entry.id) ? pickedEntries : [entry.id];
    const lineIds = pickedLines.includes(lineId) && entryIds.length === 1 ? pickedLines : [lineId];
    void match(lineIds, entryIds);
  };

  const pickedLineItems = lineItems.filter((l) => pickedLines.includes(l.id));
  const pickedEntryItems = entryItems.filter((e) => pickedEntries.includes(e.id));
  const lineTotal = sumDecimals(pickedLineItems.map((l) => l.amount));
  const entryTotal = sumDecimals(pickedEntryItems.map((e) => e.amount));
  const candidates = (openEntries.data?.items ?? []).filter(
    (e) =>
      choosingFor === undefined ||
      (e.direction === choosingFor.direction && e.currency === choosingFor.currency),
  );
  const entryLabel = (e: Entry) =>
    [date(e.date), money(e.amount, e.currency), e.counterpartyName, e.reference ?? e.description]
      .filter((x) => x !== null && x !== '')
      .join(' · ');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="bank-matching">
      <Space wrap>
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          loading={busy}
          onClick={() => void auto()}
          data-testid="bank-auto-match"
        >
          {t('bank.auto.run')}
        </Button>
        <Button
          icon={<LinkOutlined />}
          disabled={pickedLines.length === 0 || pickedEntries.length === 0}
          onClick={() => void match(pickedLines, pickedEntries)}
          data-testid="bank-match-selected"
        >
          {t('bank.match.selected', { lines: pickedLines.length, entries: pickedEntries.length })}
        </Button>
        {pickedLines.length === 0 && pickedEntries.length === 0 ? null : (
          <Typography.Text type={lineTotal === entryTotal ? 'success' : 'warning'} data-testid="bank-picked">
            {t('bank.match.totals', {
              lines: money(lineTotal, account.currency),
              entries: money(entryTotal, account.currency),
            })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Text type="secondary">{t('bank.match.howTo')}</Typography.Text>
      <ErrorNotice error={error} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('bank.lines.title')}
            extra={
              <Segmented<ItemStatus>
                size="small"
                value={lineStatus}
                onChange={(v) => {
                  setLineStatus(v);
                  setPickedLines([]);
                }}
                options={[
                  { value: 'open', label: t('bank.status.open') },
                  { value: 'matched', label: t('bank.status.matched') },
                  { value: 'all', label: t('bank.status.all') },
                ]}
                data-testid="bank-lines-status"
              />
            }
          >
            <ErrorNotice error={lines.error} />
            <Table<Line>
              data-testid="bank-lines"
              size="small"
              rowKey="id"
              loading={lines.loading}
              scroll={{ x: 640 }}
              pagination={lineItems.length > 20 ? { pageSize: 20, size: 'small' } : false}
              dataSource={lineItems}
              locale={{ emptyText: <Empty description={t('bank.lines.empty')} /> }}
              rowSelection={{
                selectedRowKeys: pickedLines,
                onChange: (keys) => setPickedLines(keys.map(String)),
                getCheckboxProps: (l) => ({ disabled: l.matchId !== null }),
              }}
              onRow={(l) => ({
                draggable: l.matchId === null,
                'data-line': l.id,
                'data-amount': l.amount,
                onDragStart: (event: DragEvent<HTMLElement>) => {
                  event.dataTransfer.setData(LINE_TYPE, l.id);
                  event.dataTransfer.setData('text/plain', l.id);
                  event.dataTransfer.effectAllowed = 'link';
                  setDragging(l.id);
                },
                onDragEnd: () => {
                  setDragging(undefined);
                  setOver(undefined);
                },
                style: { cursor: l.matchId === null ? 'grab' : undefined },
              })}
              columns={[
                { title: t('bank.col.date'), width: 100, render: (_, l) => date(l.bookedOn) },
                { title: '', width: 60, render: (_, l) => <DirectionTag direction={l.direction} /> },
                {
                  title: t('bank.col.amount'),
                  align: 'right',
                  width: 120,
                  render: (_, l) => money(l.amount, l.currency),
                },
                {
                  title: t('bank.col.counterparty'),
                  ellipsis: true,
                  render: (_, l) => l.counterpartyName ?? l.counterpartyAccount ?? '—',
                },
                {
                  title: t('bank.col.reference'),
                  ellipsis: true,
                  render: (_, l) => l.reference ?? l.memo ?? l.bankReference ?? '—',
                },
                {
                  title: '',
                  width: 110,
                  render: (_, l) =>
                    l.matchId === null ? (
                      <Button
                        size="small"
                        onClick={() => {
                          setChoosingFor(l);
                          setChosen([]);
                          setNote('');
                        }}
                        data-testid="bank-line-match"
                      >
                        {t('bank.match.choose')}
                      </Button>
                    ) : (
                      <Tag color="green">{t('bank.status.matched')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {/* while a line is dragged the card is outlined and its title says where to drop — nothing
              moves, so the row under the pointer stays the row the line is dropped on */}
          <Card
            size="small"
            title={dragging === undefined ? t('bank.entries.title') : t('bank.match.dropHere')}
            style={dragging === undefined ? {} : { outline: '2px dashed #91caff' }}
            extra={
              <Segmented<ItemStatus>
                size="small"
                value={entryStatus}
                onChange={(v) => {
                  setEntryStatus(v);
                  setPickedEntries([]);
                }}
                options={[
                  { value: 'open', label: t('bank.status.open') },
                  { value: 'matched', label: t('bank.status.matched') },
                  { value: 'all', label: t('bank.status.all') },
                ]}
                data-testid="bank-entries-status"
              />
            }
          >
            <ErrorNotice error={entries.error} />
            <Table<Entry>
              data-testid="bank-entries"
              size="small"
              rowKey="id"
              loading={entries.loading}
              scroll={{ x: 640 }}
              pagination={entryItems.length > 20 ? { pageSize: 20, size: 'small' } : false}
              dataSource={entryItems}
              locale={{ emptyText: <Empty description={t('bank.entries.empty')} /> }}
              rowSelection={{
                selectedRowKeys: pickedEntries,
                onChange: (keys) => setPickedEntries(keys.map(String)),
                getCheckboxProps: (e) => ({ disabled: e.matchId !== null }),
              }}
              onRow={(e) => ({
                'data-entry': e.id,
                'data-amount': e.amount,
                onDragOver: (event: DragEvent<HTMLElement>) => {
                  if (e.matchId !== null) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'link';
                  if (over !== e.id) setOver(e.id);
                },
                onDragLeave: () => setOver((o) => (o === e.id ? undefined : o)),
                onDrop: (event: DragEvent<HTMLElement>) => {
                  event.preventDefault();
                  const lineId = event.dataTransfer.getData(LINE_TYPE) || dragging;
                  setDragging(undefined);
                  setOver(undefined);
                  if (e.matchId === null && lineId !== undefined && lineId !== '') dropOn(e, lineId);
                },
                style:
                  over === e.id
                    ? { outline: '2px dashed #1677ff', outlineOffset: -2, background: '#e6f4ff' }
                    : undefined,
              })}
              columns={[
                { title: t('bank.col.date'), width: 100, render: (_, e) => date(e.date) },
                { title: '', width: 60, render: (_, e) => <DirectionTag direction={e.direction} /> },
                {
                  title: t('bank.col.amount'),
                  align: 'right',
                  width: 120,
                  render: (_, e) => money(e.amount, e.currency),
                },
                {
                  title: t('bank.col.source'),
                  width: 110,
                  render: (_, e) => {
                    const key = SOURCES[e.source];
                    return <Tag>{key === undefined ? e.source : t(key)}</Tag>;
                  },
                },
                {
                  title: t('bank.col.counterparty'),
                  ellipsis: true,
                  render: (_, e) => e.counterpartyName ?? e.counterpartyAccount ?? '—',
                },
                {
                  title: t('bank.col.reference'),
                  ellipsis: true,
                  render: (_, e) => e.reference ?? e.description ?? '—',
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('bank.matches.title')}
        extra={
          <Segmented<'all' | 'auto' | 'manual'>
            size="small"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: t('bank.status.all') },
              { value: 'auto', label: t('bank.kind.auto') },
              { value: 'manual', label: t('bank.kind.manual') },
            ]}
            data-testid="bank-matches-kind"
          />
        }
      >
        <ErrorNotice error={matches.error} />
        <Table<Match>
          data-testid="bank-matches"
          size="small"
          rowKey="id"
          loading={matches.loading}
          scroll={{ x: 900 }}
          pagination={(matches.data?.items.length ?? 0) > 20 ? { pageSize: 20, size: 'small' } : false}
          dataSource={matches.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('bank.matches.empty')} /> }}
          columns={[
            {
              title: t('bank.matches.kind'),
              width: 130,
              render: (_, m) => (
                <Space size={4} wrap>
                  <Tag color={m.kind === 'auto' ? 'geekblue' : 'purple'}>{t(`bank.kind.${m.kind}`)}</Tag>
                  {m.shape === 'one_to_one' ? null : <Tag>{t(`bank.shape.${m.shape}`)}</Tag>}
                </Space>
              ),
            },
            { title: t('bank.matches.score'), width: 70, render: (_, m) => <ScoreTag score={m.score} /> },
            {
              title: t('bank.matches.reasons'),
              width: 280,
              render: (_, m) => (
                <Space size={[0, 4]} wrap data-testid="match-reasons">
                  {m.reasons.map((r) => (
                    <ReasonTag key={r.code} reason={r} />
                  ))}
                </Space>
              ),
            },
            {
              title: t('bank.matches.lines'),
              render: (_, m) =>
                m.lines.map((l) => (
                  <div key={l.id}>
                    {date(l.bookedOn)} {money(l.amount, l.currency)} {l.counterpartyName ?? ''}
                  </div>
                )),
            },
            {
              title: t('bank.matches.entries'),
              render: (_, m) =>
                m.entries.map((e) => (
                  <div key={e.id}>
                    {date(e.date)} {money(e.amount, e.currency)} {e.reference ?? e.description ?? ''}
                  </div>
                )),
            },
            {
              title: t('bank.matches.by'),
              width: 150,
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <span>{m.createdBy}</span>
                  <Typography.Text type="secondary">{instant(m.createdAt)}</Typography.Text>
                  {m.note === null ? null : <Typography.Text italic>{m.note}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '',
              width: 110,
              fixed: 'right',
              render: (_, m) => (
                <Popconfirm
                  title={t('bank.unmatch.confirm')}
                  description={t('bank.unmatch.what')}
                  okText={t('bank.unmatch.ok')}
                  cancelText={t('finance.cancel')}
                  onConfirm={() => void unmatch(m)}
                  okButtonProps={{ 'data-testid': 'bank-unmatch-confirm' }}
                >
                  <Button size="small" danger icon={<DisconnectOutlined />} data-testid="bank-unmatch">
                    {t('bank.unmatch')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        open={choosingFor !== undefined}
        title={
          choosingFor === undefined
            ? ''
            : t('bank.match.chooseTitle', {
                date: date(choosingFor.bookedOn),
                amount: money(choosingFor.amount, choosingFor.currency),
              })
        }
        okText={t('bank.match.ok')}
        cancelText={t('finance.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: chosen.length === 0, 'data-testid': 'bank-choose-ok' }}
        onOk={() => {
          if (choosingFor === undefined) return;
          void match([choosingFor.id], chosen, note).then((ok) => {
            if (ok) setChoosingFor(undefined);
          });
        }}
        onCancel={() => setChoosingFor(undefined)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <ErrorNotice error={error} />
          <Typography.Text>{t('bank.match.chooseHint')}</Typography.Text>
          <Select<string[]>
            mode="multiple"
            style={{ width: '100%' }}
            value={chosen}
            onChange={setChosen}
            optionFilterProp="label"
            placeholder={t('bank.match.choosePlaceholder')}
            data-testid="bank-choose-entries"
            options={candidates.map((e) => ({ value: e.id, label: entryLabel(e) }))}
          />
          {chosen.length === 0 || choosingFor === undefined ? null : (
            <Typography.Text
              type={
                sumDecimals(candidates.filter((e) => chosen.includes(e.id)).map((e) => e.amount)) ===
                sumDecimals([choosingFor.amount])
                  ? 'success'
                  : 'warning'
              }
            >
              {t('bank.match.totals', {
                lines: money(choosingFor.amount, choosingFor.currency),
                entries: money(
                  sumDecimals(candidates.filter((e) => chosen.includes(e.id)).map((e) => e.amount)),
                  choosingFor.currency,
                ),
              })}
            </Typography.Text>
          )}
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            placeholder={t('bank.match.note')}
            autoSize={{ minRows: 1, maxRows: 3 }}
          />
        </Space>
      </Modal>
    </Space>
  );
}

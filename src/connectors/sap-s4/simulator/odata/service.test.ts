import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EdmService } from './edm.ts';
import { answerOData, type ODataRequest, type ServiceData } from './service.ts';
import type { Row } from './values.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

const MODEL: EdmService = {
  name: 'API_TEST_SRV',
  component: 'CA-TEST',
  entities: [
    {
      type: 'A_ThingType',
      set: 'A_Thing',
      label: 'Thing',
      keys: ['Area', 'Thing', 'ValidTo'],
      properties: [
        { name: 'Area', type: 'Edm.String', maxLength: 4, label: 'Area' },
        { name: 'Thing', type: 'Edm.String', maxLength: 10, label: 'Thing' },
        { name: 'ValidTo', type: 'Edm.DateTime', date: true, label: 'Valid To' },
        { name: 'Name', type: 'Edm.String', maxLength: 40, label: 'Name' },
        { name: 'Amount', type: 'Edm.Decimal', precision: 14, scale: 3, label: 'Amount' },
        { name: 'ChangedAt', type: 'Edm.Time', label: 'Changed At' },
        { name: 'Blocked', type: 'Edm.Boolean', label: 'Blocked' },
      ],
      navigations: [],
    },
  ],
};

const ROWS: Row[] = [
  {
    Area: 'A000',
    Thing: 'T1',
    ValidTo: day('9999-12-31'),
    Name: "O'Brien GmbH",
    Amount: '10.50',
    ChangedAt: 36_000_000,
    Blocked: false,
  },
  {
    Area: 'A000',
    Thing: 'T2',
    ValidTo: day('9999-12-31'),
    Name: 'Acme',
    Amount: '9.999',
    ChangedAt: 37_000_000,
    Blocked: true,
  },
  {
    Area: 'A000',
    Thing: 'T3',
    ValidTo: day('2025-12-31'),
    Name: 'Acme Asia',
    Amount: '100',
    ChangedAt: null,
    Blocked: false,
  },
  {
    Area: 'B000',
    Thing: 'T4',
    ValidTo: day('9999-12-31'),
    Name: 'Beta',
    Amount: '-1',
    ChangedAt: 1_000,
    Blocked: false,
  },
];

const DATA: ServiceData = { model: MODEL, rows: () => ROWS, navigate: () => [] };

const ask = (path: string, query: Record<string, string> = {}, over: Partial<ODataRequest> = {}) =>
  answerOData(DATA, {
    method: 'GET',
    path,
    query: new URLSearchParams({ $format: 'json', ...query }),
    accept: '',
    body: '',
    root: 'http://h/sap/opu/odata/sap/API_TEST_SRV/',
    now: new Date('2026-11-28T00:00:00Z'),
    serverPageSize: 0,
    ...over,
  });
const things = (path: string, query: Record<string, string> = {}, over: Partial<ODataRequest> = {}) => {
  const reply = ask(path, query, over);
  assert.equal(reply.status, 200, reply.body);
  const d = (
    JSON.parse(reply.body) as { d: { results: { Thing: string }[]; __count?: string; __next?: string } }
  ).d;
  return { numbers: d.results.map((r) => r.Thing), count: d.__count, next: d.__next };
};

describe('the simulated Gateway’s query options', () => {
  it('filters with and/or/not, typed literals, functions and decimals compared exactly', () => {
    assert.deepEqual(
      things('A_Thing', { $filter: "Area eq 'A000' and (Blocked eq true or Amount gt 10)" }).numbers,
      ['T1', 'T2', 'T3'],
    );
    assert.deepEqual(
      things('A_Thing', { $filter: "ValidTo ge datetime'2026-11-28T00:00:00' and not Blocked" }).numbers,
      ['T1', 'T4'],
    );
    assert.deepEqual(things('A_Thing', { $filter: "ChangedAt gt time'PT10H00M00S'" }).numbers, ['T2']);
    assert.deepEqual(things('A_Thing', { $filter: "substringof('Acme',Name) and Amount lt 10.5M" }).numbers, [
      'T2',
    ]);
    assert.deepEqual(things('A_Thing', { $filter: "Name eq 'O''Brien GmbH'" }).numbers, ['T1']);
    assert.deepEqual(things('A_Thing', { $filter: 'ChangedAt eq null' }).numbers, ['T3']);
  });

  it('refuses an unknown property and a broken filter with SAP’s 400', () => {
    const unknown = ask('A_Thing', { $filter: "Nope eq '1'" });
    assert.equal(unknown.status, 400);
    const error = (JSON.parse(unknown.body) as { error: { code: string; message: { value: string } } }).error;
    assert.equal(error.message.value, "Property 'Nope' not found in type 'API_TEST_SRV.A_ThingType'");
    assert.equal(ask('A_Thing', { $filter: "Area eq 'A000' and" }).status, 400);
    assert.equal(ask('A_Thing', { $select: 'Thing,Nope' }).status, 400);
    assert.equal(ask('A_Thing', { $orderby: 'Nope desc' }).status, 400);
  });

  it('orders, pages by $top/$skip, counts, and pages on its own with __next and $skiptoken', () => {
    assert.deepEqual(
      things('A_Thing', { $orderby: 'Amount desc', $top: '2', $skip: '1', $inlinecount: 'allpages' }),
      {
        numbers: ['T1', 'T2'],
        count: '4',
        next: undefined,
      },
    );
    const first = things('A_Thing', { $top: '3' }, { serverPageSize: 2 });
    assert.deepEqual(first.numbers, ['T1', 'T2']);
    assert.match(decodeURIComponent(first.next ?? ''), /\$top=3.*\$skiptoken=2$/);
    const query = Object.fromEntries(new URL(first.next ?? '').searchParams);
    const second = things('A_Thing', query, { serverPageSize: 2 });
    assert.deepEqual(second, { numbers: ['T3'], count: undefined, next: undefined }, 'stops at $top');
    const count = ask('A_Thing/$count', { $filter: 'Blocked eq false' });
    assert.deepEqual([count.headers['content-type'], count.body], ['text/plain; charset=utf-8', '3']);
  });

  it('reads one entity by its composite key with a datetime part, and 404s an unknown one', () => {
    const one = ask("A_Thing(Area='A000',Thing='T3',ValidTo=datetime'2025-12-31T00:00:00')");
    assert.equal(one.status, 200);
    const d = (JSON.parse(one.body) as { d: Record<string, unknown> }).d;
    assert.deepEqual(
      [d['Thing'], d['ValidTo'], d['Amount'], d['ChangedAt']],
      ['T3', '/Date(1767139200000)/', '100', null],
    );
    assert.equal((d['__metadata'] as { type: string }).type, 'API_TEST_SRV.A_ThingType');
    const missing = ask("A_Thing(Area='A000',Thing='T9',ValidTo=datetime'2025-12-31T00:00:00')");
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Resource not found for the segment/);
  });

  it('answers Atom when JSON was not asked for, and refuses a create on a read-only set', () => {
    const atom = answerOData(DATA, {
      method: 'GET',
      path: 'A_Thing',
      query: new URLSearchParams({ $top: '1' }),
      accept: 'application/xml',
      body: '',
      root: 'http://h/',
      now: new Date(0),
      serverPageSize: 0,
    });
    assert.match(atom.headers['content-type'] ?? '', /application\/atom\+xml/);
    assert.match(atom.body, /<d:Name>O&apos;Brien GmbH<\/d:Name>/);
    assert.equal(ask('A_Thing', {}, { method: 'POST', body: '{}' }).status, 405);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SimulatorMasterData } from '../../contract.ts';
import { DEMO_USER, startOracleSimulator, type OracleSimulator } from './server.ts';

/**
 * `journalBatches` → `journalHeaders` → `journalLines` (reference §3.5; Oracle's paths name the header and
 * line by opaque `…UniqID` hash keys, §3.2), followed by links as a client does, and the 404 of a child
 * the resource does not have.
 */
const MASTER: SimulatorMasterData = {
  accounts: [
    { code: '660202', name: '差旅费', postable: true, balanceDirection: 'debit' },
    { code: '224101', name: '应付报销款', postable: true, balanceDirection: 'credit' },
  ],
  departments: [{ code: 'RND', name: '研发部' }],
  employees: [],
  suppliers: [],
};

interface Link {
  readonly rel: string;
  readonly href: string;
  readonly name: string;
  readonly kind: string;
}
type Item = Record<string, unknown> & { readonly links?: readonly Link[] };
interface Collection {
  readonly items: readonly Item[];
  readonly count: number;
  readonly hasMore: boolean;
  readonly links: readonly Link[];
}

describe('Oracle simulator: journal batches, headers and lines', () => {
  let sim: OracleSimulator;
  let api = '';
  const auth = `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;
  const now = () => new Date('2026-11-15T10:00:00Z');

  before(async () => {
    sim = await startOracleSimulator({ master: MASTER, now });
    api = `${sim.url}fscmRestApi/resources/11.13.18.05`;
    // what Journal Import leaves for one balanced journal of two lines
    sim.book.batches.push({
      JeBatchId: 2485750,
      BatchName: 'FBDI-EXT-000042 FinBridge A 20261115007 1234568 N',
      BatchDescription: 'Nov travel accrual',
      DefaultPeriodName: 'Nov-26',
      Source: 'FinBridge',
      LedgerId: '300000046975971',
      GroupId: '20261115007',
      RequestId: '1234568',
      CreationDate: '2026-11-15T10:00:00.000+00:00',
      journals: [
        {
          JeHeaderId: 2484750,
          JournalName: 'EXT-000042',
          Description: 'Nov travel accrual',
          Reference: 'EXT-000042',
          Category: 'Accrual',
          Currency: 'CNY',
          AccountingDate: '2026-11-15',
          lines: [
            {
              lineNumber: 1,
              segments: ['101', 'RND', '660202'],
              enteredDr: '250.00',
              enteredCr: '',
              description: 'Travel Nov',
            },
            {
              lineNumber: 2,
              segments: ['101', '000', '224101'],
              enteredDr: '',
              enteredCr: '250.00',
              description: 'Staff reimbursement payable',
            },
          ],
        },
      ],
    });
  });
  after(() => sim.close());

  const get = async (url: string, structured = true) => {
    const res = await fetch(url, {
      headers: {
        authorization: auth,
        ...(structured ? { accept: 'application/json, application/vnd.oracle.adf.error+json' } : {}),
      },
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  const json = async <T>(url: string): Promise<T> => {
    const res = await get(url);
    assert.equal(res.status, 200, `${url}: ${res.text}`);
    return JSON.parse(res.text) as T;
  };
  const link = (item: Item | undefined, rel: string, name: string): Link => {
    const found = item?.links?.find((l) => l.rel === rel && l.name === name);
    assert.ok(found !== undefined, `a ${rel} link named ${name}: ${JSON.stringify(item?.links)}`);
    return found;
  };

  it('reaches a journal’s lines by following child links from the batch, as Oracle’s paths go', async () => {
    const batch = await json<Item>(`${api}/journalBatches/2485750`);
    const headersLink = link(batch, 'child', 'journalHeaders');
    assert.equal(headersLink.href, `${api}/journalBatches/2485750/child/journalHeaders`);
    assert.equal(headersLink.kind, 'collection');

    const headers = await json<Collection>(headersLink.href);
    assert.equal(headers.count, 1);
    assert.deepEqual(
      headers.links.map((l) => [l.rel, l.name, l.kind]),
      [['self', 'journalHeaders', 'collection']],
    );
    const [header] = headers.items;
    assert.equal(header?.['JeHeaderId'], 2484750);
    const self = link(header, 'self', 'journalHeaders');
    // a composite key: the path id is an opaque hash key, not the JeHeaderId
    assert.match(self.href, /\/child\/journalHeaders\/[0-9A-F]+$/);
    assert.doesNotMatch(self.href, /\/journalHeaders\/2484750$/);
    const linesLink = link(header, 'child', 'journalLines');
    assert.equal(linesLink.href, `${self.href}/child/journalLines`);

    const lines = await json<Collection>(linesLink.href);
    assert.equal(lines.count, 2);
    assert.equal(lines.hasMore, false);
    assert.deepEqual(
      lines.links.map((l) => [l.rel, l.name]),
      [['self', 'journalLines']],
    );
    assert.deepEqual(
      lines.items.map(({ links: _, ...fields }) => fields),
      [
        {
          JeLineNumber: 1,
          AccountCombination: '101-RND-660202',
          EnteredDr: 250.0,
          EnteredCr: null,
          AccountedDr: 250.0,
          AccountedCr: null,
          CurrencyCode: 'CNY',
          Description: 'Travel Nov',
        },
        {
          JeLineNumber: 2,
          AccountCombination: '101-000-224101',
          EnteredDr: null,
          EnteredCr: 250.0,
          AccountedDr: null,
          AccountedCr: 250.0,
          CurrencyCode: 'CNY',
          Description: 'Staff reimbursement payable',
        },
      ],
    );
    // amounts are written digit for digit, as Oracle writes decimals
    assert.match((await get(linesLink.href)).text, /"EnteredDr":250\.00,/);

    // the header and a line by their own links
    const headerItem = await json<Item>(self.href);
    assert.equal(headerItem['JournalName'], 'EXT-000042');
    const [, second] = lines.items;
    const line = await json<Item>(link(second, 'self', 'journalLines').href);
    assert.equal(line['JeLineNumber'], 2);
    assert.equal(line['AccountCombination'], '101-000-224101');
  });

  it('filters and projects the lines like any collection', async () => {
    const headers = await json<Collection>(`${api}/journalBatches/2485750/child/journalHeaders`);
    const linesHref = link(headers.items[0], 'child', 'journalLines').href;
    const credit = await json<Collection>(
      `${linesHref}?q=JeLineNumber=2&fields=JeLineNumber,Description&onlyData=true`,
    );
    assert.deepEqual(credit.items, [{ JeLineNumber: 2, Description: 'Staff reimbursement payable' }]);
  });

  it('answers 404 in Oracle’s error shape for a child the resource does not have, not another collection', async () => {
    const headers = await json<Collection>(`${api}/journalBatches/2485750/child/journalHeaders`);
    const headerHref = link(headers.items[0], 'self', 'journalHeaders').href;
    for (const url of [
      `${api}/journalBatches/2485750/child/journalLines`,
      `${api}/journalBatches/2485750/child/nope`,
      `${headerHref}/child/journalHeaders`,
      `${headerHref}/child/journalActionLogs`,
    ]) {
      const res = await get(url);
      assert.equal(res.status, 404, url);
      assert.match(res.type, /^application\/vnd\.oracle\.adf\.error\+json/);
      const body = JSON.parse(res.text) as { title: string; status: string; 'o:errorDetails': unknown[] };
      assert.equal(body.title, 'Not Found');
      assert.equal(body.status, '404');
      assert.equal(body['o:errorDetails'].length, 1);
    }
    // without the structured media type: Oracle's plain-text default
    const plain = await get(`${api}/journalBatches/2485750/child/nope`, false);
    assert.equal(plain.status, 404);
    assert.match(plain.type, /^text\/plain/);
  });

  it('finds no header by its bare JeHeaderId and no line under an unknown key', async () => {
    assert.equal((await get(`${api}/journalBatches/2485750/child/journalHeaders/2484750`)).status, 404);
    assert.equal(
      (await get(`${api}/journalBatches/2485750/child/journalHeaders/2484750/child/journalLines`)).status,
      404,
    );
    const headers = await json<Collection>(`${api}/journalBatches/2485750/child/journalHeaders`);
    const linesHref = link(headers.items[0], 'child', 'journalLines').href;
    assert.equal((await get(`${linesHref}/00FF`)).status, 404);
    assert.equal((await get(`${api}/journalBatches/9999999/child/journalHeaders`)).status, 404);
  });
});

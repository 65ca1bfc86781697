import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRefusal, type B1Refusal } from './answers.ts';
import { NumberText } from './exact-json.ts';
import { parseFilter, type Row } from './filter.ts';
import { pageSizeOf, runQuery, type QueryAnswer } from './query.ts';

const PROPS = new Set(['Code', 'Name', 'Amount', 'Day', 'N']);
const ROWS: Row[] = Array.from({ length: 45 }, (_, i) => ({
  Code: `C${String(i).padStart(3, '0')}`,
  Name: i % 2 === 0 ? `Even ${i}` : `odd ${i}`,
  Amount: new NumberText(`${i}.50`),
  Day: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
  N: i,
}));

const filter = (text: string, insensitive = false) => {
  const p = parseFilter(text, PROPS, insensitive);
  return isRefusal(p) ? p : ROWS.filter(p).map((r) => r['N']);
};
const query = (search: string, size = 20): QueryAnswer => {
  const answer = runQuery(ROWS, 'Things', PROPS, search, { size, caseInsensitive: false });
  assert.ok(!isRefusal(answer), JSON.stringify(answer));
  return answer;
};

describe('the simulator’s $filter', () => {
  it('compares text, exact decimals, days and integers, either side of the operator', () => {
    assert.deepEqual(filter("Code eq 'C007'"), [7]);
    assert.deepEqual(filter('Amount gt 42.5'), [43, 44]);
    assert.deepEqual(filter('Amount eq 3.5'), [3]);
    assert.deepEqual(filter("Day ge '2026-11-28' and N lt 30"), [27]);
    assert.deepEqual(filter('Day ge 2026-11-28T00:00:00Z and N lt 30'), [27]);
    assert.deepEqual(filter('40 lt N'), [41, 42, 43, 44]);
  });

  it('combines with and, or, not and parentheses; matches with the string functions of v1 and v2', () => {
    assert.deepEqual(filter("(N lt 2 or N gt 43) and not (Code eq 'C044')"), [0, 1]);
    assert.deepEqual(filter("startswith(Name,'Even 4')"), [4, 40, 42, 44]);
    assert.deepEqual(filter("contains(Name,'dd 4')"), [41, 43]);
    assert.deepEqual(filter("substringof('dd 4',Name)"), [41, 43]);
    assert.deepEqual(filter("Name eq 'ODD 1'", true), [1]);
    assert.deepEqual(filter("Name eq 'ODD 1'"), []);
    assert.deepEqual(filter("Name eq 'it''s'"), []);
  });

  it('refuses an unknown property with 201 naming it, and bad syntax with 201 Invalid filter condition', () => {
    assert.deepEqual(filter("NoSuchField eq 'x'"), {
      status: 400,
      code: 201,
      message: "Property 'NoSuchField' is invalid",
    });
    for (const bad of ['Code eq', "Code = 'x'", "(Code eq 'x'", "'a' eq 'b'", "Code eq 'x' Name", '#'])
      assert.equal((filter(bad) as B1Refusal).message, 'Query string error - Invalid filter condition', bad);
  });
});

describe('the simulator’s paging', () => {
  it('pages by 20 by default, with a next link relative to the service root that repeats the query as sent', () => {
    const first = query('$filter=N%20ge%200&$select=Code,N&$orderby=N%20desc');
    assert.equal(first.rows.length, 20);
    assert.deepEqual(first.rows[0], { Code: 'C044', N: 44 });
    assert.equal(first.nextLink, 'Things?$filter=N%20ge%200&$select=Code,N&$orderby=N%20desc&$skip=20');
    const third = query('$filter=N%20ge%200&$select=Code,N&$orderby=N%20desc&$skip=40');
    assert.equal(third.rows.length, 5);
    assert.equal(third.nextLink, undefined);
  });

  it('honours $top across pages, and a full last page still links to an empty one', () => {
    const first = query('$orderby=N&$top=30', 20);
    assert.equal(first.nextLink, 'Things?$orderby=N&$top=10&$skip=20');
    assert.equal(query('$orderby=N&$top=10&$skip=20', 20).nextLink, undefined);
    assert.equal(query('$orderby=N&$top=5', 20).nextLink, undefined, 'a $top that fits has no link');
    const fullLast = query('$orderby=N&$skip=30', 15);
    assert.equal(fullLast.rows.length, 15);
    assert.equal(fullLast.nextLink, 'Things?$orderby=N&$skip=45');
    assert.deepEqual(query('$orderby=N&$skip=45', 15).rows, []);
  });

  it('counts inline in either flavour, and reads the page size from Prefer or B1S-PageSize', () => {
    assert.equal(query('$inlinecount=allpages&$top=1').count, 45);
    assert.equal(query('$count=true&$top=1').count, 45);
    assert.equal(pageSizeOf('odata.maxpagesize=100', undefined), 100);
    assert.equal(pageSizeOf(undefined, '50'), 50);
    assert.equal(pageSizeOf(undefined, undefined), 20);
    assert.equal(query('', 0).rows.length, 45, 'maxpagesize=0 turns paging off');
  });

  it('refuses an unknown $select or $orderby property and a malformed $top', () => {
    for (const search of ['$select=Nope', '$orderby=Nope', '$orderby=N%20sideways', '$top=-1'])
      assert.ok(
        isRefusal(runQuery(ROWS, 'Things', PROPS, search, { size: 20, caseInsensitive: false })),
        search,
      );
  });
});

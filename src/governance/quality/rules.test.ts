import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { usccCheckChar } from '../../standards/cn/uscc.ts';
import {
  checkRuleDefinition,
  duplicateFindings,
  duplicateValues,
  evaluateConflicts,
  evaluateDuplicates,
  evaluateRecords,
  recordScore,
  valuesAt,
  type QualityRecord,
  type Rule,
  type RuleContext,
} from './rules.ts';

const rule = (over: Partial<Rule> & Pick<Rule, 'kind'>): Rule => ({
  id: `r-${over.kind}`,
  entity: 'supplier',
  field: null,
  params: {},
  severity: 'error',
  enabled: true,
  ...over,
});
const record = (
  key: string,
  fields: Record<string, unknown>,
  updatedAt = '2026-12-01T00:00:00Z',
  source = 'finbridge',
): QualityRecord => ({
  source,
  key,
  fields,
  updatedAt,
});
const context: RuleContext = {
  now: '2026-12-03T00:00:00Z',
  codesOf: (entity) => new Set(entity === 'department' ? ['D01'] : []),
};
const keys = (findings: readonly { key: string }[]) => findings.map((f) => f.key).sort();
const first17 = '91310115MA1GY001X';
const validUscc = first17 + usccCheckChar(first17);
const wrongCheck = first17 + (usccCheckChar(first17) === '0' ? '1' : '0');

describe('data-quality rules', () => {
  it('reads dotted paths, with * over arrays', () => {
    const fields = { bankAccounts: [{ accountNumber: '1' }, { accountNumber: '2' }] };
    assert.deepEqual(valuesAt(fields, 'bankAccounts.*.accountNumber'), ['1', '2']);
    assert.deepEqual(valuesAt(fields, 'bankAccounts.1.accountNumber'), ['2']);
    assert.deepEqual(valuesAt(fields, 'missing.x'), [undefined]);
  });

  it('required finds an empty field and nothing once it is filled', () => {
    const r = rule({ kind: 'required', field: 'email' });
    assert.deepEqual(
      keys(
        evaluateRecords(
          [r],
          [record('E1', {}), record('E2', { email: ' ' }), record('E3', { email: 'a@b.cn' })],
          context,
        ),
      ),
      ['E1', 'E2'],
    );
  });

  it('format matches the whole value against the pattern', () => {
    const r = rule({ kind: 'format', field: 'code', params: { pattern: '\\d{4}' } });
    const found = evaluateRecords(
      [r],
      [record('1001', { code: '1001' }), record('10011', { code: '10011' }), record('A1', { code: 'A1' })],
      context,
    );
    assert.deepEqual(keys(found), ['10011', 'A1']);
  });

  it('reference_exists finds a code of another entity that does not exist', () => {
    const r = rule({ kind: 'reference_exists', field: 'departmentCode', params: { entity: 'department' } });
    const found = evaluateRecords(
      [r],
      [record('E1', { departmentCode: 'D01' }), record('E2', { departmentCode: 'D99' })],
      context,
    );
    assert.deepEqual(keys(found), ['E2']);
    assert.match(found[0]?.suggestion ?? '', /D99/);
  });

  it('uscc_valid checks the check character and suggests the right one', () => {
    const r = rule({ kind: 'uscc_valid', field: 'taxId' });
    const found = evaluateRecords(
      [r],
      [record('S1', { taxId: validUscc }), record('S2', { taxId: wrongCheck })],
      context,
    );
    assert.deepEqual(keys(found), ['S2']);
    assert.match(found[0]?.suggestion ?? '', new RegExp(usccCheckChar(first17)));
  });

  it('bank_account_format wants 8 to 30 digits, spaces and dashes aside', () => {
    const r = rule({ kind: 'bank_account_format', field: 'bankAccounts.*.accountNumber' });
    const found = evaluateRecords(
      [r],
      [
        record('S1', { bankAccounts: [{ accountNumber: '1219 0000 0000 001' }] }),
        record('S2', { bankAccounts: [{ accountNumber: 'ABCD-1234' }] }),
        record('S3', { bankAccounts: [{ accountNumber: '1234' }] }),
      ],
      context,
    );
    assert.deepEqual(keys(found), ['S2', 'S3']);
  });

  it('stale finds records not changed for the given days, by the injected clock', () => {
    const r = rule({ kind: 'stale', params: { days: 30 } });
    const found = evaluateRecords(
      [r],
      [record('A', {}, '2026-11-01T00:00:00Z'), record('B', {}, '2026-11-20T00:00:00Z')],
      context,
    );
    assert.deepEqual(keys(found), ['A']);
  });

  it('duplicate finds every record sharing a normalised value within a source', () => {
    const r = rule({ kind: 'duplicate', field: 'name' });
    const found = evaluateDuplicates(
      [r],
      [
        record('S1', { name: '上海 云杉' }),
        record('S2', { name: '上海云杉' }),
        record('S3', { name: '北京' }),
        record('K1', { name: '上海云杉' }, undefined, 'conn-1'),
      ],
    );
    assert.deepEqual(keys(found), ['S1', 'S2']);
  });

  it('duplicate values are each distinct normalised value of a field, blanks left out; findings do not depend on their order', () => {
    const r = rule({ kind: 'duplicate', field: 'bankAccounts.*.accountNumber' });
    const accounts = (...numbers: string[]) => ({
      bankAccounts: numbers.map((accountNumber) => ({ accountNumber })),
    });
    const values = [
      ...duplicateValues(
        'bankAccounts.*.accountNumber',
        record('S3', accounts('6225 8800 01', '6225-8800-01', ' ')),
      ),
      ...duplicateValues(
        'bankAccounts.*.accountNumber',
        record('S1', accounts('622588０００２', '622588000001')),
      ),
      ...duplicateValues('bankAccounts.*.accountNumber', record('S4', accounts('6225880002'))),
      ...duplicateValues('bankAccounts.*.accountNumber', record('S2', accounts('6225880002'))),
    ];
    assert.deepEqual(
      values.map((v) => `${v.key} ${v.normalised} ${v.value}`),
      [
        'S3 6225880001 6225 8800 01',
        'S1 6225880002 622588０００２',
        'S1 622588000001 622588000001',
        'S4 6225880002 6225880002',
        'S2 6225880002 6225880002',
      ],
    );
    const messages = (found: readonly { key: string; message: string }[]) =>
      found.map((f) => `${f.key}: ${f.message}`).sort();
    const forward = messages(duplicateFindings(r, values));
    assert.deepEqual(forward, [
      'S1: bankAccounts.*.accountNumber 622588０００２ is also on S2, S4',
      'S2: bankAccounts.*.accountNumber 6225880002 is also on S1, S4',
      'S4: bankAccounts.*.accountNumber 6225880002 is also on S1, S2',
    ]);
    assert.deepEqual(messages(duplicateFindings(r, [...values].reverse())), forward);
    assert.deepEqual(duplicateFindings({ ...r, enabled: false }, values), []);
  });

  it('source_conflict finds each field the sources of a golden record disagree on', () => {
    const r = rule({ kind: 'source_conflict' });
    const found = evaluateConflicts(
      [r],
      [
        {
          id: 'g1',
          name: '云杉',
          conflicts: ['name'],
          surviving: { name: { value: '云杉', source: 'finbridge' } },
          sources: [
            { source: 'finbridge', key: 'S1', fields: { name: '云杉' } },
            { source: 'conn-1', key: 'S1', fields: { name: '云杉公司' } },
          ],
        },
        { id: 'g2', name: 'x', conflicts: [], surviving: {}, sources: [] },
      ],
    );
    assert.deepEqual(keys(found), ['g1']);
    assert.equal(found[0]?.value, 'finbridge: 云杉 | conn-1: 云杉公司');
  });

  it('refuses an unknown kind and a pattern that does not compile, naming the field', () => {
    assert.deepEqual(
      checkRuleDefinition({ kind: 'nonsense', field: 'x' }, ['supplier']).map((f) => [f.code, f.pointer]),
      [['quality_rule_kind_unknown', '/kind']],
    );
    assert.deepEqual(
      checkRuleDefinition({ kind: 'format', field: 'x', params: { pattern: '([a-z' } }, ['supplier']).map(
        (f) => [f.code, f.pointer],
      ),
      [['quality_rule_bad_pattern', '/params/pattern']],
    );
    assert.deepEqual(checkRuleDefinition({ kind: 'stale', params: { days: 10 } }, ['supplier']), []);
  });

  it('scores a record 100 less each open issue’s penalty, never below zero', () => {
    assert.equal(recordScore([]), 100);
    assert.equal(recordScore(['warning', 'error']), 65);
    assert.equal(recordScore(['critical', 'critical', 'critical']), 0);
  });
});

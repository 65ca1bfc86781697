import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerAdmin } from '../simulator-admin.ts';
import { FILE_FAULT_KEYS } from '../file-exchange/simulator/faults.ts';
import { ORACLE_FAULT_KEYS } from '../oracle-fusion/simulator/faults.ts';
import { B1_FAULT_KEYS } from '../sap-b1/simulator/faults.ts';
import { S4_FAULT_KEYS } from '../sap-s4/simulator/faults.ts';
import {
  COMMON_FAULT_KEYS,
  flag,
  integer,
  number,
  oneOf,
  parseFaultChange,
  parseFaultValues,
  periods,
  pickFaults,
  rate,
  type FaultKeys,
} from './fault-keys.ts';

const OWN = {
  soapFaultRate: rate(),
  sessionTtlS: integer(1, 86_400),
  duplicateInvoiceCheck: oneOf('warning', 'error', 'off'),
  closedPeriods: periods(),
  journalItemsWithoutAccountingDocument: flag(),
} as const;

const errorOf = (body: unknown, own: FaultKeys = OWN): string => {
  const parsed = parseFaultChange(JSON.stringify(body), own);
  assert.ok(!parsed.ok, `${JSON.stringify(body)} is refused`);
  return parsed.error;
};

describe('fault keys', () => {
  it('take the values each key says, and nothing else', () => {
    const cases: [string, { accepts(raw: unknown): boolean }, unknown[], unknown[]][] = [
      ['rate', rate(), [0, 0.25, 1], [-0.1, 1.5, '0.5', Number.NaN, null]],
      ['number', number(0, 600_000), [0, 12.5, 600_000], [600_001, -1, Infinity, true]],
      ['integer', integer(1, 86_400), [1, 3600, 86_400], [0, 1.5, 86_401, '60']],
      ['flag', flag(), [true, false], [0, 'true', null]],
      ['oneOf', oneOf('warning', 'error', 'off'), ['warning', 'off'], ['Warning', 1, undefined]],
      ['periods', periods(), [[], ['2026-10', '2026-13']], ['2026-10', ['2026-1'], [202610]]],
    ];
    for (const [name, key, good, bad] of cases) {
      for (const value of good) assert.equal(key.accepts(value), true, `${name} takes ${String(value)}`);
      for (const value of bad) assert.equal(key.accepts(value), false, `${name} refuses ${String(value)}`);
    }
  });

  it('say what they take, for the refusal', () => {
    assert.equal(rate().expects, 'a number from 0 to 1');
    assert.equal(integer(0, 10_000).expects, 'an integer from 0 to 10000');
    assert.equal(oneOf('SUCCEEDED', 'WARNING', 'ERROR').expects, 'one of SUCCEEDED, WARNING, ERROR');
    assert.equal(flag().expects, 'true or false');
    assert.equal(periods().expects, 'a list of YYYY-MM periods');
  });
});

describe('the faults parser', () => {
  it('splits a change into the common faults and the ERP’s own', () => {
    const parsed = parseFaultChange(
      JSON.stringify({ errorRate: 0.2, throttleRps: 5, soapFaultRate: 1, closedPeriods: ['2026-10'] }),
      OWN,
    );
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        common: { errorRate: 0.2, throttleRps: 5 },
        own: { soapFaultRate: 1, closedPeriods: ['2026-10'] },
      },
    });
  });

  it('refuses an unknown key, listing every known one, common and own', () => {
    const error = errorOf({ errorRate: 0.1, nonsense: 1 });
    assert.match(error, /^unknown fault nonsense; known: /);
    for (const key of [...Object.keys(COMMON_FAULT_KEYS), ...Object.keys(OWN)])
      assert.ok(error.includes(key), `${key} is listed in: ${error}`);
    assert.equal(
      errorOf({ soapFaultRate: 0.5 }, {}),
      'unknown fault soapFaultRate; known: latencyMs, errorRate, timeoutRate, dropAfterCommitRate, throttleRps',
    );
  });

  it('refuses a value out of range, naming the key and what it takes', () => {
    assert.equal(errorOf({ errorRate: 2 }), 'errorRate must be a number from 0 to 1');
    assert.equal(errorOf({ latencyMs: -1 }), 'latencyMs must be a number from 0 to 600000');
    assert.equal(errorOf({ throttleRps: 'fast' }), 'throttleRps must be a number from 0 to 1000000');
    assert.equal(errorOf({ sessionTtlS: 0 }), 'sessionTtlS must be an integer from 1 to 86400');
    assert.equal(
      errorOf({ duplicateInvoiceCheck: 'maybe' }),
      'duplicateInvoiceCheck must be one of warning, error, off',
    );
    assert.equal(errorOf({ closedPeriods: '2026-10' }), 'closedPeriods must be a list of YYYY-MM periods');
    assert.equal(
      errorOf({ journalItemsWithoutAccountingDocument: 1 }),
      'journalItemsWithoutAccountingDocument must be true or false',
    );
  });

  it('refuses a body that is not a JSON object', () => {
    assert.equal(errorOf('a string'), 'expected a JSON object of faults');
    assert.deepEqual(parseFaultValues('{', OWN), { ok: false, error: 'the body is not JSON' });
    assert.deepEqual(parseFaultValues('[1]', OWN), { ok: false, error: 'expected a JSON object of faults' });
  });

  it('will not let an ERP’s own key shadow a common one', () => {
    assert.throws(() => parseFaultChange('{}', { errorRate: rate() }), /errorRate shadows the common one/);
  });

  it('picks the faults of some keys out of start options, leaving the unset out', () => {
    const options = { errorRate: 0.1, timeoutRate: undefined, soapFaultRate: 0.5, port: 9101 };
    assert.deepEqual(pickFaults(options, COMMON_FAULT_KEYS), { errorRate: 0.1 });
    assert.deepEqual(pickFaults(options, OWN), { soapFaultRate: 0.5 });
  });
});

describe('every simulator’s PUT /__sim/faults, with its ERP’s own keys', () => {
  const ERPS: [string, FaultKeys, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
    ['no own faults', {}, { errorRate: 0.5 }, { sessionTtlS: 60 }, /unknown fault sessionTtlS/],
    [
      'sap-b1',
      B1_FAULT_KEYS,
      { sessionTtlS: 5, routeSwitchRate: 0, maxParallelLogins: 2, errorRate: 1 },
      { routeSwitchRate: 2 },
      /^routeSwitchRate must be a number from 0 to 1$/,
    ],
    [
      'sap-s4',
      S4_FAULT_KEYS,
      { csrfTokenTtlS: 30, serverPageSize: 2, duplicateInvoiceCheck: 'error', closedPeriods: ['2026-10'] },
      { csrfTokenTtlS: -1 },
      /^csrfTokenTtlS must be an integer from 0 to 86400$/,
    ],
    [
      'oracle-fusion',
      ORACLE_FAULT_KEYS,
      { essRunningPolls: 2, essRejectRate: 0.5, essRejectStatus: 'WARNING' },
      { essRejectStatus: 'MAYBE' },
      /^essRejectStatus must be one of SUCCEEDED, WARNING, ERROR$/,
    ],
    [
      'file-exchange',
      FILE_FAULT_KEYS,
      { truncatedAckRate: 0.1, lateAckMs: 900, throttleRps: 3 },
      { lockMs: 600_001 },
      /^lockMs must be a number from 0 to 600000$/,
    ],
  ];
  for (const [erp, own, good, bad, refusal] of ERPS)
    it(`takes ${erp}’s faults and refuses a bad one, changing nothing`, () => {
      let inForce: Record<string, unknown> = {};
      const controls = {
        stats: () => ({}),
        documents: () => [],
        faults: () => inForce,
        setFaults: (common: object, ownFaults: object) => {
          inForce = { ...inForce, ...common, ...ownFaults };
        },
      };
      const put = (body: unknown) => answerAdmin('PUT', '/__sim/faults', JSON.stringify(body), controls, own);
      assert.deepEqual(put(good), { status: 200, body: good });
      const refused = put({ ...bad, errorRate: 0 });
      assert.equal(refused?.status, 400);
      assert.match((refused.body as { error: string }).error, refusal);
      assert.match(
        (put({ nonsense: 1 })?.body as { error: string }).error,
        /^unknown fault nonsense; known: /,
      );
      assert.deepEqual(inForce, good, 'a refused change changes nothing');
    });
});

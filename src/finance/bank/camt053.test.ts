import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../../model/result.ts';
import { parseCamt053 } from './camt053.ts';
import { parseStatementFile } from './parse.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url));
const refusal = (work: () => unknown): DomainError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
};

describe('camt.053', () => {
  it('reads a camt.053.001.02 statement: account, balances, booked entries, parties and references', () => {
    const file = parseStatementFile(fixture('camt053-v02.xml'), { currency: 'CNY' });
    assert.equal(file.format, 'camt.053.001.02');
    const [statement] = file.statements;
    assert.ok(statement);
    assert.equal(statement.accountNumber, '31001234560000001');
    assert.deepEqual(statement.opening, { minor: 10_000_000n, on: '2026-11-01' });
    assert.deepEqual(statement.closing, { minor: 15_647_500n, on: '2026-11-10' });
    assert.equal(statement.skipped, 1, 'the pending entry is left out');
    assert.equal(statement.lines.length, 4);
    const [receipt, payment, fee, dated] = statement.lines;
    assert.deepEqual(
      {
        direction: receipt?.direction,
        amount: receipt?.amountMinor,
        name: receipt?.counterpartyName,
        account: receipt?.counterpartyAccount,
        reference: receipt?.reference,
        txn: receipt?.bankTxnId,
        booked: receipt?.bookedOn,
      },
      {
        direction: 'in',
        amount: 5_000_000n,
        name: '上海云帆贸易有限公司',
        account: '310066778899',
        reference: 'INV-2026-0088',
        txn: 'ICBC20261103000001',
        booked: '2026-11-03',
      },
    );
    assert.equal(payment?.direction, 'out');
    assert.equal(payment.reference, null, 'NOTPROVIDED is no reference');
    assert.equal(payment.counterpartyAccount, '442012345678');
    assert.equal(fee?.description, '对公跨行汇款手续费');
    assert.equal(dated?.bookedOn, '2026-11-08', 'a booking date-time keeps its day');
  });

  it('reads camt.053.001.08: status as a code, parties under Pty, a batch entry with several transactions', () => {
    const file = parseStatementFile(fixture('camt053-v08.xml'), { currency: 'CNY' });
    assert.equal(file.format, 'camt.053.001.08');
    const lines = file.statements[0]?.lines ?? [];
    assert.equal(lines.length, 6);
    assert.equal(lines[0]?.counterpartyName, '北京星辰科技股份有限公司');
    const batch = lines[1];
    assert.equal(batch?.counterpartyName, null, 'a batch of three has no single counterparty');
    assert.match(batch.description ?? '', /批量 3 笔/);
    assert.match(batch.description ?? '', /BX-2026-000102/);
    assert.equal(lines[2]?.counterpartyAccount, '750000000000000003');
    assert.equal(lines[5]?.amountMinor, 35n);
  });

  it('refuses entries that do not add up to the closing balance, naming the CLBD line', () => {
    const xml = fixture('camt053-v02.xml').toString('utf8').replace('156475.00', '156475.01');
    const error = refusal(() => parseCamt053(xml, 'utf-8'));
    assert.equal(error.code, 'bank_file_invalid');
    assert.equal(error.params['field'], 'Bal/CLBD');
    assert.equal(error.params['line'], 34);
  });

  it('names the line and field of a bad amount and a bad date, and reads nothing', () => {
    const xml = fixture('camt053-v02.xml')
      .toString('utf8')
      .replace('<Amt Ccy="CNY">1500.00</Amt>', '<Amt Ccy="CNY">15OO.00</Amt>')
      .replace('<BookgDt><Dt>2026-11-03</Dt>', '<BookgDt><Dt>2026-11-31</Dt>');
    const error = refusal(() => parseCamt053(xml, 'utf-8'));
    assert.equal(error.code, 'bank_file_invalid');
    assert.equal(error.params['count'], 2);
    assert.deepEqual(
      error.failures.map((f) => [f.params?.['line'], f.params?.['field']]),
      [
        [40, 'Ntry/BookgDt'],
        [62, 'Ntry/Amt'],
      ],
    );
  });

  it('refuses a camt.054 notification, a DOCTYPE and broken XML as unreadable', () => {
    const n =
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn/></Document>';
    assert.equal(refusal(() => parseCamt053(n, 'utf-8')).code, 'bank_file_unreadable');
    const doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document/>';
    assert.equal(refusal(() => parseCamt053(doctype, 'utf-8')).code, 'bank_file_unreadable');
    const broken = '<Document><BkToCstmrStmt><Stmt></BkToCstmrStmt></Document>';
    assert.equal(refusal(() => parseCamt053(broken, 'utf-8')).code, 'bank_file_unreadable');
  });
});

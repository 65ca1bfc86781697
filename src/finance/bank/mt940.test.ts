import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../../model/result.ts';
import { parseMt940, readInformation } from './mt940.ts';
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

describe('MT940', () => {
  it('reads every message of a file in the FIN envelope, with :61: subfields and :86: counterparties', () => {
    const file = parseStatementFile(fixture('mt940-cmb.sta'), { currency: 'CNY' });
    assert.equal(file.format, 'mt940');
    assert.equal(file.statements.length, 2);
    const [first, second] = file.statements;
    assert.equal(first?.accountNumber, '755912345610001');
    assert.equal(first.ref, 'STMT20261102 00001/001');
    assert.deepEqual(first.opening, { minor: 20_000_000n, on: '2026-11-01' });
    assert.deepEqual(second?.closing, { minor: 20_958_000n, on: '2026-11-03' });
    const [fee] = first.lines.slice(1);
    assert.equal(fee?.amountMinor, 32_000n, '"320," is 320.00');
    assert.equal(fee.counterpartyName, 'CHINA TELECOM SHENZHEN');
    assert.equal(fee.counterpartyAccount, '44201510000052500001');
    const [prepayment, reversal] = second.lines;
    assert.equal(prepayment?.reference, 'FK-2026-0011', 'the customer reference of :61:');
    assert.equal(prepayment.bankTxnId, 'CMB2611030003');
    assert.equal(prepayment.counterpartyName, '上海云杉办公用品有限公司');
    assert.match(prepayment.description ?? '', /PREPAYMENT/, 'the supplementary details of :61:');
    assert.equal(reversal?.direction, 'out', 'RC (reversal of a credit) takes money out');
  });

  it('reads Chinese labelled, SWIFT codeword and German ?-subfield :86: forms', () => {
    assert.deepEqual(
      readInformation('对方户名：杭州青禾会务服务有限公司；对方账号：3300 0000 0000 0000 04；摘要：会务费'),
      {
        name: '杭州青禾会务服务有限公司',
        account: '330000000000000004',
        reference: null,
        description: '会务费',
      },
    );
    assert.deepEqual(
      readInformation('付款人名称:ＡＢＣ贸易有限公司 付款人账号:12345678 用途:货款 业务参考号:CK2026'),
      {
        name: 'ＡＢＣ贸易有限公司',
        account: '12345678',
        reference: 'CK2026',
        description: '货款',
      },
    );
    assert.deepEqual(
      readInformation('/CNTP/NL91ABNA0417164300/ABNANL2A/ACME BV/AMSTERDAM/REMI/INV 42/EREF/E2E-1'),
      {
        name: 'ACME BV',
        account: 'NL91ABNA0417164300',
        reference: 'E2E-1',
        description: 'INV 42',
      },
    );
    const german = readInformation(
      '166?00SEPA-UEBERWEISUNG?20EREF+E2E-7?21SVWZ+Rechnung 7?30GENODEF1?31DE02120300000000202051?32MUSTER GMBH',
    );
    assert.equal(german.name, 'MUSTER GMBH');
    assert.equal(german.account, 'DE02120300000000202051');
    assert.equal(german.reference, 'E2E-7');
  });

  it('takes the booking date from the entry date, across a year end', () => {
    const text = [
      ':20:X',
      ':25:123456789',
      ':28C:1/1',
      ':60F:C261231CNY100,00',
      ':61:2612310102D10,00NTRFNONREF',
      ':62F:C270102CNY90,00',
      '-',
    ].join('\n');
    const line = parseMt940(text, 'utf-8').statements[0]?.lines[0];
    assert.equal(line?.valueOn, '2026-12-31');
    assert.equal(line.bookedOn, '2027-01-02');
  });

  it('names a broken :61:, a missing field and a closing balance the lines do not make, each by its line', () => {
    const text = fixture('mt940-cmb.sta')
      .toString('utf8')
      .replace(':28C:00002/001\r\n', '')
      .replace(':61:2611021102D320,NMSC', ':61:2611021102D3X0,NMSC')
      .replace('C261103CNY209580,00', 'C261103CNY209580,01');
    const error = refusal(() => parseMt940(text, 'utf-8'));
    assert.equal(error.code, 'bank_file_invalid');
    const named = error.failures.map((f) => [f.params?.['line'], f.params?.['field']]);
    assert.deepEqual(named, [
      [8, ':61:'],
      [13, ':28C:'],
      [21, ':62F:'],
    ]);
  });
});

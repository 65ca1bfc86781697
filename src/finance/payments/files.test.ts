import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '../../model/result.ts';
import { buildPaymentFile, parseResultFile, type FileBatch } from './files.ts';
import { PAYMENT_CSV_LAYOUTS } from './layouts.ts';

const BATCH: FileBatch = {
  number: 'FK20261203-001',
  createdAt: '2026-12-03T08:00:00.000Z',
  executeOn: '2026-12-04',
  currency: 'CNY',
  totalMinor: 123450n + 50000n,
  purpose: '报销款',
  payer: { name: '演示科技有限公司', account: '31001234560000001', bank: '中国工商银行上海分行' },
  lines: [
    {
      seq: 1,
      endToEndId: 'FK20261203-001-0001',
      payeeName: '张三',
      payeeAccount: '6222021000000011',
      payeeBank: null,
      amountMinor: 123450n,
      purpose: '报销款 BX-1, "差旅"',
    },
    {
      seq: 2,
      endToEndId: 'FK20261203-001-0002',
      payeeName: '深圳华通信息技术有限公司',
      payeeAccount: '750000000000000003',
      payeeBank: '中国银行深圳分行',
      amountMinor: 50000n,
      purpose: '=cmd',
    },
  ],
};

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  assert.fail('expected a refusal');
};

describe('bank payment files', () => {
  it('writes pain.001.001.03 with the group header totals, the debtor account and one transaction per line', () => {
    const file = buildPaymentFile('pain001', BATCH);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
    }).parse(file.bytes.toString('utf8'));
    const root = doc.Document.CstmrCdtTrfInitn;
    assert.equal(doc.Document['@_xmlns'], 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    assert.deepEqual(
      [root.GrpHdr.MsgId, root.GrpHdr.CreDtTm, root.GrpHdr.NbOfTxs, root.GrpHdr.CtrlSum],
      ['FK20261203-001', '2026-12-03T08:00:00', '2', '1734.50'],
    );
    assert.deepEqual(
      [
        root.PmtInf.PmtMtd,
        root.PmtInf.ReqdExctnDt,
        root.PmtInf.DbtrAcct.Id.Othr.Id,
        root.PmtInf.DbtrAcct.Ccy,
      ],
      ['TRF', '2026-12-04', '31001234560000001', 'CNY'],
    );
    const [a, b] = root.PmtInf.CdtTrfTxInf;
    assert.deepEqual(
      [
        a.PmtId.EndToEndId,
        a.Amt.InstdAmt['#text'],
        a.Amt.InstdAmt['@_Ccy'],
        a.Cdtr.Nm,
        a.CdtrAcct.Id.Othr.Id,
      ],
      ['FK20261203-001-0001', '1234.50', 'CNY', '张三', '6222021000000011'],
    );
    assert.equal(a.CdtrAgt, undefined);
    assert.equal(b.CdtrAgt.FinInstnId.Nm, '中国银行深圳分行');
  });

  it('writes each bank’s CSV in GBK, its own columns, quoting commas and defusing formulas', () => {
    for (const layout of PAYMENT_CSV_LAYOUTS) {
      const file = buildPaymentFile(layout.name, BATCH);
      assert.equal(file.contentType, 'text/csv; charset=GBK');
      const text = iconv.decode(file.bytes, 'gbk');
      const [header, first, second] = text.split('\r\n');
      assert.equal(header, layout.columns.map((c) => c.title).join(','));
      assert.match(first ?? '', /6222021000000011/);
      assert.match(first ?? '', /1234\.50/);
      if (layout.columns.some((c) => c.field === 'purpose')) {
        assert.match(first ?? '', /"报销款 BX-1, ""差旅"""/);
        assert.match(second ?? '', /'=cmd/);
      }
    }
    assert.equal(refusal(() => buildPaymentFile('abc', BATCH)).code, 'payment_layout_unknown');
  });

  it('reads a pain.002: accepted-settled is paid, rejected is returned with its reason, in-process is pending', () => {
    const result = parseResultFile(
      Buffer.from(`<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<OrgnlGrpInfAndSts><OrgnlMsgId>FK20261203-001</OrgnlMsgId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>A</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>B</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
<TxInfAndSts><OrgnlEndToEndId>C</OrgnlEndToEndId><TxSts>ACSP</TxSts></TxInfAndSts>
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>`),
    );
    assert.equal(result.batchNumber, 'FK20261203-001');
    assert.deepEqual(
      result.outcomes.map((o) => [o.line, o.endToEndId, o.outcome, o.reason]),
      [
        [5, 'A', 'paid', null],
        [6, 'B', 'returned', 'AC04'],
        [7, 'C', 'pending', null],
      ],
    );
  });

  it('refuses a pain.002 with an unknown status, naming its line and field', () => {
    const e = refusal(() =>
      parseResultFile(
        Buffer.from(
          '<Document><CstmrPmtStsRpt><OrgnlPmtInfAndSts>\n<TxInfAndSts><OrgnlEndToEndId>A</OrgnlEndToEndId><TxSts>XXXX</TxSts></TxInfAndSts>\n</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>',
        ),
      ),
    );
    assert.deepEqual([e.code, e.params['line'], e.params['field']], ['payment_file_unreadable', 2, 'TxSts']);
  });

  it('reads a GBK result CSV and refuses an unknown status or a missing column, naming the line and field', () => {
    const ok = parseResultFile(
      iconv.encode('业务参考号,处理状态,失败原因\r\nA,成功,\r\nB,退票,户名不符\r\n', 'gbk'),
    );
    assert.deepEqual(
      ok.outcomes.map((o) => [o.line, o.endToEndId, o.outcome, o.reason]),
      [
        [2, 'A', 'paid', null],
        [3, 'B', 'returned', '户名不符'],
      ],
    );
    const status = refusal(() =>
      parseResultFile(iconv.encode('业务参考号,处理状态\r\nA,成功\r\nB,也许\r\n', 'gbk')),
    );
    assert.deepEqual([status.params['line'], status.params['field']], [3, '处理状态']);
    const layout = refusal(() => parseResultFile(Buffer.from('ref,status\r\nA,ok\r\n')));
    assert.equal(layout.params['line'], 1);
    const encoding = refusal(() => parseResultFile(Buffer.from([0xff, 0xfe, 0x00])));
    assert.equal(encoding.code, 'payment_file_unreadable');
    const binary = refusal(() => parseResultFile(Buffer.from([0x41, 0x00, 0x42])));
    assert.deepEqual([binary.params['line'], binary.params['field']], [1, 'encoding']);
  });
});

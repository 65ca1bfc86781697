// Every vector of the shared Chinese-standards reference is a test here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decimal } from '../../model/decimal.ts';
import { formatMinor, parseMoney } from '../../model/money.ts';
import { fromWords, toWords } from './amount-in-words.ts';
import { invoiceTypeFromCode, parseFullyDigitalNumber } from './invoice-code.ts';
import { validateBusinessRegNo15, validateResidentId, validateTaxId15 } from './legacy-ids.ts';
import { validateOrgCode } from './org-code.ts';
import { deemedInputVat, type PassengerTicket } from './passenger-transport.ts';
import { usccCheckChar, validateUscc } from './uscc.ts';
import { invoiceTotals, lineAmountFen, taxFromGross, taxFromNet, withinLineTolerance } from './vat.ts';
import { checkVoucherBalance } from '../../model/voucher-balance.ts';

const vectors = JSON.parse(readFileSync(new URL('./fixtures/cn-test-vectors.json', import.meta.url), 'utf8'));

const fen = (text: string): bigint => {
  const r = parseMoney(text, 'CNY');
  assert.ok(r.ok, `bad amount in vectors: ${text}`);
  return r.value.minor;
};
const yuan = (minor: bigint): string => formatMinor(minor, 2);

describe('USCC (GB 32100-2015)', () => {
  for (const v of vectors.uscc.valid) {
    it(`accepts ${v.code}`, () => {
      const r = validateUscc(v.code);
      assert.equal(r.valid, true, JSON.stringify(r.problem));
      assert.equal(r.embeddedOrgCodeValid, v.embeddedOrgCodeValid);
    });
  }
  for (const v of vectors.uscc.invalid) {
    it(`rejects ${JSON.stringify(v.code)} for ${v.reason}`, () => {
      const r = validateUscc(v.code);
      assert.equal(r.valid, false);
      assert.equal(r.problem?.reason, v.reason);
    });
  }
  for (const v of vectors.uscc.computeCheckChar) {
    it(`computes check char of ${v.first17}`, () => {
      assert.equal(usccCheckChar(v.first17), v.checkChar);
    });
  }
});

describe('organization code (GB 11714)', () => {
  for (const v of vectors.orgCode.cases) {
    it(`${v.code} → ${v.expect.valid ? 'valid' : v.expect.reason}`, () => {
      const r = validateOrgCode(v.code);
      assert.equal(r.valid, v.expect.valid);
      if (!v.expect.valid) assert.equal(r.problem?.reason, v.expect.reason);
    });
  }
});

describe('legacy identifiers', () => {
  for (const v of vectors.taxId15.cases) {
    it(`15-char tax id ${v.id}`, () => {
      const r = validateTaxId15(v.id);
      assert.equal(r.valid, v.expect.valid);
      if (!r.valid) assert.equal(r.reason, v.expect.reason);
    });
  }
  for (const v of vectors.residentId.cases) {
    it(`resident id ${v.id}`, () => {
      assert.equal(validateResidentId(v.id), v.valid);
    });
  }
  for (const v of vectors.businessRegNo15.cases) {
    it(`business registration number ${v.no}`, () => {
      assert.equal(validateBusinessRegNo15(v.no), v.valid);
    });
  }
});

describe('invoice code → type', () => {
  for (const v of vectors.invoiceCodeType.cases) {
    it(`${v.code} → ${v.type}`, () => {
      assert.equal(invoiceTypeFromCode(v.code), v.type);
    });
  }
  for (const v of vectors.fullyDigitalInvoiceNumber.cases) {
    it(`fully-digital number ${v.number}`, () => {
      assert.deepEqual(parseFullyDigitalNumber(v.number), v.expect);
    });
  }
});

describe('amount in words (大写金额)', () => {
  for (const v of vectors.amountInWords.cases) {
    it(`${v.amount} → ${v.canonical}`, () => {
      assert.equal(toWords(fen(v.amount)), v.canonical);
      assert.equal(fromWords(v.canonical), fen(v.amount));
      for (const variant of v.alsoAccepted ?? []) assert.equal(fromWords(variant), fen(v.amount), variant);
    });
  }
  for (const v of vectors.amountInWords.rejected) {
    it(`refuses ${v.words} (${v.why})`, () => {
      assert.notEqual(fromWords(v.words), fen(v.amount));
    });
  }
});

describe('VAT arithmetic', () => {
  for (const v of vectors.tax.fromNet) {
    it(`net ${v.net} × ${v.rate} → tax ${v.tax}`, () => {
      const r = taxFromNet(fen(v.net), decimal(v.rate));
      assert.deepEqual([yuan(r.taxFen), yuan(r.grossFen)], [v.tax, v.gross]);
    });
  }
  for (const v of vectors.tax.fromGross) {
    it(`gross ${v.gross} at ${v.rate} → net ${v.net} + tax ${v.tax}`, () => {
      const r = taxFromGross(fen(v.gross), decimal(v.rate));
      assert.deepEqual([yuan(r.netFen), yuan(r.taxFen)], [v.net, v.tax]);
    });
  }
  for (const v of vectors.tax.lines) {
    it(`line ${v.qty} × ${v.unitPrice}`, () => {
      const amount = lineAmountFen(decimal(v.qty), decimal(v.unitPrice));
      assert.equal(yuan(amount), v.amount);
      assert.equal(yuan(taxFromNet(amount, decimal(v.rate)).taxFen), v.tax);
    });
  }
  for (const v of vectors.tax.tolerance) {
    it(`tolerance ${v.amount} × ${v.rate} vs ${v.tax}`, () => {
      assert.equal(withinLineTolerance(fen(v.amount), decimal(v.rate), fen(v.tax)), v.withinLineTolerance);
    });
  }
  for (const v of vectors.tax.invoiceTotals) {
    it(`invoice totals: ${v.name}`, () => {
      const t = invoiceTotals(
        v.lines.map((l: { net: string; rate: string }) => ({ netFen: fen(l.net), rate: decimal(l.rate) })),
      );
      assert.deepEqual(t.lineTaxesFen.map(yuan), v.lineTaxes);
      assert.deepEqual([yuan(t.netFen), yuan(t.taxFen), yuan(t.totalFen)], [v.sumNet, v.sumTax, v.total]);
    });
  }
  for (const v of vectors.tax.passengerTransport) {
    it(`deemed ${v.kind} deduction → ${v.deductibleInputVat}`, () => {
      const ticket: PassengerTicket =
        v.kind === 'air'
          ? { kind: 'air', fareFen: fen(v.input.fare), fuelSurchargeFen: fen(v.input.fuelSurcharge) }
          : { kind: v.kind, faceAmountFen: fen(v.input.faceAmount) };
      assert.equal(yuan(deemedInputVat(ticket)), v.deductibleInputVat);
    });
  }
});

describe('voucher vectors', () => {
  for (const v of vectors.vouchers) {
    it(`${v.name} is ${v.balanced ? 'balanced' : 'refused as unbalanced'}`, () => {
      const lines = v.entries.map((e: { debit?: string; credit?: string }) => ({
        debitMinor: e.debit === undefined ? 0n : fen(e.debit),
        creditMinor: e.credit === undefined ? 0n : fen(e.credit),
      }));
      const r = checkVoucherBalance(lines);
      assert.equal(r.ok, v.balanced);
      if (r.ok && v.total !== undefined) assert.equal(yuan(r.value.totalMinor), v.total);
      if (!r.ok) assert.equal(r.failures[0]?.code, 'unbalanced_voucher');
    });
  }
});

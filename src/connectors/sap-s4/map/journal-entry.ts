import { exponentOf } from '../../../model/currencies.ts';
import { formatMinor } from '../../../model/money.ts';
import type { VoucherLineValue, VoucherValue } from '../../../model/voucher.ts';
import {
  entryOf,
  mapDimension,
  mapVoucherLine,
  type Explanation,
  type MappingProfile,
  type Rendered,
} from '../../contract.ts';
import type { XmlNode } from '../xml.ts';
import { s4Settings, type S4Settings } from './profile.ts';
import { bulkHeaderOf, messageHeaderOf, referenceKey } from './reference.ts';

/** SOAP 1.1 and the service namespace of Journal Entry – Post (Synchronous) (§1.3, [verified]). */
export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SFIN = 'http://sap.com/xi/SAPSCORE/SFIN';
/** The SOAPAction several working clients send; SAP does not insist on it (§1.3). */
export const SOAP_ACTION =
  'http://sap.com/xi/SAPSCORE/SFIN/JournalEntryCreateRequestConfirmation_In/JournalEntryCreateRequestConfirmation_InRequest';

/** Field lengths of the journal entry (§1.3): header text 25, item text 50 (BSEG-SGTXT). */
const HEADER_TEXT = 25;
const ITEM_TEXT = 50;

/** The order SAP's WSDL gives the account assignments in (§1.3: `AccountAssignment/{CostCenter, ProfitCenter, OrderID, WBSElement…}`). */
const ASSIGNMENT_ORDER = ['CostCenter', 'ProfitCenter', 'OrderID', 'WBSElement'];

const clip = (text: string, length: number): string => [...text].slice(0, length).join('');

interface EntryItems {
  readonly items: XmlNode[];
  readonly creditorItems: XmlNode[];
}

/**
 * One voucher line as an S/4 item: a line naming a supplier (`aux.supplier`) becomes a `CreditorItem`
 * (S/4 posts it to the supplier's reconciliation account: a G/L item on a reconciliation account is
 * refused), any other line a G/L `Item` with its dimensions under `AccountAssignment`. Amounts are
 * signed (debit positive, credit negative) and carry a consistent `DebitCreditCode` (§1.3 rule).
 */
function itemOf(
  line: VoucherLineValue,
  index: number,
  voucher: VoucherValue,
  settings: S4Settings,
  profile: MappingProfile,
  explain: Explanation[],
  into: EntryItems,
  at: string,
): void {
  const debit = line.debitMinor !== 0n;
  const signed = debit ? line.debitMinor : -line.creditMinor;
  const amount = {
    '@currencyCode': voucher.currency,
    '#text': formatMinor(signed, exponentOf(voucher.currency)),
  };
  const supplierCode = entryOf(line.aux, 'supplier');
  const common = {
    ReferenceDocumentItem: String(index + 1),
  };
  if (supplierCode !== undefined) {
    const field = `${at}.CreditorItem[${into.creditorItems.length}]`;
    mapVoucherLine(
      line,
      index,
      profile.valueMaps,
      {
        account: `${field} (the supplier's reconciliation account; the line's account is not sent)`,
        slotOf: () => undefined,
        dimensionField: (slot) => `${field}.${slot}`,
      },
      explain,
    );
    const supplier = mapDimension(profile.valueMaps, 'supplier', supplierCode);
    explain.push({
      source: `/lines/${index}/aux/supplier`,
      field: `${field}.Creditor`,
      from: supplierCode,
      to: supplier.to,
      rule: supplier.rule,
      object: 'suppliers',
    });
    into.creditorItems.push({
      ...common,
      Creditor: supplier.to,
      AmountInTransactionCurrency: amount,
      DebitCreditCode: debit ? 'S' : 'H',
      DocumentItemText: clip(line.summary, ITEM_TEXT),
    });
    return;
  }
  const field = `${at}.Item[${into.items.length}]`;
  const { account, dimensions } = mapVoucherLine(
    line,
    index,
    profile.valueMaps,
    {
      account: `${field}.GLAccount`,
      slotOf: (dimension) => entryOf(settings.dimensions, dimension),
      dimensionField: (slot) => `${field}.AccountAssignment.${slot}`,
    },
    explain,
  );
  const assignment = [...dimensions].sort(
    (a, b) => ASSIGNMENT_ORDER.indexOf(a.slot) - ASSIGNMENT_ORDER.indexOf(b.slot),
  );
  into.items.push({
    ...common,
    GLAccount: account,
    AmountInTransactionCurrency: amount,
    DebitCreditCode: debit ? 'S' : 'H',
    DocumentItemText: clip(line.summary, ITEM_TEXT),
    ...(assignment.length === 0
      ? {}
      : { AccountAssignment: Object.fromEntries(assignment.map((d) => [d.slot, d.code])) }),
  });
}

/** One `JournalEntryCreateRequest`: its message header and the journal entry (§1.3 field table). */
export function journalEntryRequestOf(
  voucher: VoucherValue,
  reference: string,
  profile: MappingProfile,
  creationDateTime: string,
  explain: Explanation[],
  at = 'JournalEntryCreateRequest[0]',
): XmlNode {
  const settings = s4Settings(profile);
  const key = referenceKey(reference);
  const header = messageHeaderOf(reference);
  explain.push(
    {
      source: '/externalReference',
      field: `${at}.JournalEntry.DocumentReferenceID`,
      from: reference,
      to: key,
      rule: key === reference ? 'identity' : 'digest: the reference is longer than 16 characters',
    },
    {
      source: '/externalReference',
      field: `${at}.MessageHeader.ID`,
      from: reference,
      to: header.id,
      rule: 'name-based UUID (v5) of the reference, without hyphens',
    },
    {
      source: '/companyCode',
      field: `${at}.JournalEntry.CompanyCode`,
      from: voucher.companyCode,
      to: settings.companyCode,
      rule: 'settings.companyCode',
    },
    {
      source: '/word',
      field: `${at}.JournalEntry.AccountingDocumentType`,
      from: voucher.word,
      to: settings.journalEntryType,
      rule: 'settings.journalEntryType',
    },
  );
  const into: EntryItems = { items: [], creditorItems: [] };
  voucher.lines.forEach((line, i) =>
    itemOf(line, i, voucher, settings, profile, explain, into, `${at}.JournalEntry`),
  );
  return {
    MessageHeader: { ID: header.id, UUID: header.uuid, CreationDateTime: creationDateTime },
    JournalEntry: {
      OriginalReferenceDocumentType: 'BKPFF',
      BusinessTransactionType: 'RFBU',
      AccountingDocumentType: settings.journalEntryType,
      DocumentReferenceID: key,
      DocumentHeaderText: clip(voucher.summary, HEADER_TEXT),
      CreatedByUser: settings.createdByUser,
      CompanyCode: settings.companyCode,
      DocumentDate: voucher.date,
      PostingDate: voucher.date,
      Item: into.items,
      CreditorItem: into.creditorItems,
    },
  };
}

export interface JournalEntryInput {
  readonly voucher: VoucherValue;
  readonly reference: string;
}

/**
 * The SOAP request of Journal Entry – Post (Synchronous): a `JournalEntryBulkCreateRequest` with one
 * `JournalEntryCreateRequest` per voucher. Only the root is namespace-qualified (§1.3). The creation
 * time is the moment of sending; a dry run shows the first voucher's date at midnight instead.
 */
export function renderJournalEntries(
  entries: readonly JournalEntryInput[],
  profile: MappingProfile,
  creationDateTime?: string,
): Rendered {
  const explain: Explanation[] = [];
  const created = creationDateTime ?? `${entries[0]?.voucher.date ?? '1970-01-01'}T00:00:00Z`;
  const requests = entries.map((entry, i) =>
    journalEntryRequestOf(
      entry.voucher,
      entry.reference,
      profile,
      created,
      explain,
      `JournalEntryCreateRequest[${i}]`,
    ),
  );
  const bulk = bulkHeaderOf(entries.map((e) => e.reference));
  return {
    erpObject: 'JournalEntry',
    operation: 'JournalEntryCreateRequestConfirmation_In',
    payload: {
      'soapenv:Envelope': {
        '@xmlns:soapenv': SOAP_ENV,
        '@xmlns:sfin': SFIN,
        'soapenv:Header': {},
        'soapenv:Body': {
          'sfin:JournalEntryBulkCreateRequest': {
            MessageHeader: { ID: bulk.id, UUID: bulk.uuid, CreationDateTime: created },
            JournalEntryCreateRequest: requests,
          },
        },
      },
    },
    explain,
  };
}

import { decimal } from '../../model/decimal.ts';
import { taxFromGross } from './vat.ts';

/**
 * Deemed input-VAT deduction for domestic passenger transport (财政部 税务总局 海关总署公告2019年第39号):
 * air (fare + fuel surcharge) ÷ 1.09 × 9%, rail face ÷ 1.09 × 9%, road and water face ÷ 1.03 × 3%.
 * The civil aviation development fund is not part of the base. An e-invoice that prints its tax is
 * deducted by that printed tax instead (see `deductibleInputVat`).
 */
export type PassengerTransportKind = 'air' | 'rail' | 'road' | 'water';

const DEEMED_RATE = {
  air: decimal('0.09'),
  rail: decimal('0.09'),
  road: decimal('0.03'),
  water: decimal('0.03'),
};

export type PassengerTicket =
  | { kind: 'air'; fareFen: bigint; fuelSurchargeFen: bigint }
  | { kind: 'rail' | 'road' | 'water'; faceAmountFen: bigint };

export function deemedInputVat(ticket: PassengerTicket): bigint {
  const base = ticket.kind === 'air' ? ticket.fareFen + ticket.fuelSurchargeFen : ticket.faceAmountFen;
  return taxFromGross(base, DEEMED_RATE[ticket.kind]).taxFen;
}

/** The printed tax of an e-invoice takes priority over the deemed formula. */
export function deductibleInputVat(ticket: PassengerTicket, printedTaxFen?: bigint): bigint {
  return printedTaxFen ?? deemedInputVat(ticket);
}

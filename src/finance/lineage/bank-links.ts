import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import type { LineageLink, LineageLinkProvider, LineageRef } from './types.ts';

/**
 * Lineage links of the bank side (src/finance/bank/): a match (银行对账) joins bank statement lines and
 * book entries (企业银行日记账). Where a book entry came from — a payment of a claim or advance, a
 * Payment — is the payments module's provider's to say (src/finance/payments/lineage.ts).
 */

const touching = (ref: LineageRef, links: readonly LineageLink[]): LineageLink[] =>
  links.filter(
    (l) =>
      (l.from.type === ref.type && l.from.id === ref.id) || (l.to.type === ref.type && l.to.id === ref.id),
  );

async function matchLinks(db: TenantDb, matchIds: readonly string[]): Promise<LineageLink[]> {
  if (matchIds.length === 0) return [];
  const [matches, items] = await Promise.all([
    db
      .selectFrom('bank_matches')
      .select(['id', 'created_by', 'created_at'])
      .where('id', 'in', [...matchIds])
      .execute(),
    db
      .selectFrom('bank_match_items')
      .select(['side', 'item_id', 'match_id'])
      .where('match_id', 'in', [...matchIds])
      .orderBy('side')
      .orderBy('item_id')
      .execute(),
  ]);
  return items.flatMap((item) => {
    const match = matches.find((m) => m.id === item.match_id);
    if (match === undefined) return [];
    return [
      {
        from: { type: item.side === 'line' ? 'bank_line' : 'book_entry', id: item.item_id },
        to: { type: 'bank_match', id: match.id },
        relation: 'matched_in',
        at: match.created_at,
        actor: match.created_by,
      },
    ];
  });
}

async function itemMatchIds(db: TenantDb, side: 'line' | 'entry', id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('bank_match_items')
    .select(['match_id'])
    .where('side', '=', side)
    .where('item_id', '=', id)
    .execute();
  return rows.map((r) => r.match_id);
}

export const bankLinks: LineageLinkProvider = async (db, ref) => {
  switch (ref.type) {
    case 'bank_line':
      return touching(ref, await matchLinks(db, await itemMatchIds(db, 'line', ref.id)));
    case 'bank_match':
      return matchLinks(db, [ref.id]);
    case 'book_entry': {
      const entry = await db
        .selectFrom('bank_book_entries')
        .select(['id', 'source', 'source_id', 'created_by', 'created_at'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      if (entry === undefined) return [];
      return touching(ref, await matchLinks(db, await itemMatchIds(db, 'entry', ref.id)));
    }
    default:
      return [];
  }
};

import type { TenantDb } from '../../platform/store/tenant-scope.ts';

/**
 * The archive's links for the lineage view (GET /api/v1/lineage/{type}/{id}, wired by the lead), in
 * the lineage vocabulary (src/finance/lineage/types.ts): the claim or advance (`expense_claim`,
 * `expense_advance`) and its voucher posting (`voucher`) are archived as an `archive_item`, which is
 * packaged in an `archive_package`. Asked about any of these, returns every link that touches it.
 */
export interface LineageRef {
  readonly type: string;
  readonly id: string;
}

export interface LineageLink {
  readonly from: LineageRef;
  readonly to: LineageRef;
  readonly relation: string;
  readonly at: string;
  readonly actor: string | null;
}

export const ARCHIVE_ITEM = 'archive_item';
export const ARCHIVE_PACKAGE = 'archive_package';
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  claim: 'expense_claim',
  advance: 'expense_advance',
};

type Column =
  | 'archive_items.package_id'
  | 'archive_items.id'
  | 'archive_items.source_id'
  | 'expense_documents.posting_id';

export async function archiveLinks(db: TenantDb, ref: LineageRef): Promise<LineageLink[]> {
  const column: Column | undefined = {
    [ARCHIVE_PACKAGE]: 'archive_items.package_id' as const,
    [ARCHIVE_ITEM]: 'archive_items.id' as const,
    expense_claim: 'archive_items.source_id' as const,
    expense_advance: 'archive_items.source_id' as const,
    voucher: 'expense_documents.posting_id' as const,
  }[ref.type];
  if (column === undefined) return [];
  const items = await db
    .selectFrom('archive_items')
    .innerJoin('archive_packages', (j) =>
      j
        .onRef('archive_packages.id', '=', 'archive_items.package_id')
        .onRef('archive_packages.tenant_id', '=', 'archive_items.tenant_id'),
    )
    .innerJoin('expense_documents', (j) =>
      j
        .onRef('expense_documents.id', '=', 'archive_items.source_id')
        .onRef('expense_documents.tenant_id', '=', 'archive_items.tenant_id'),
    )
    .select([
      'archive_items.id',
      'archive_items.package_id',
      'archive_items.source_id',
      'archive_items.created_at',
      'archive_packages.built_by',
      'expense_documents.kind',
      'expense_documents.posting_id',
    ])
    .where(column, '=', ref.id)
    .orderBy('archive_items.seq')
    .execute();
  const links: LineageLink[] = [];
  for (const item of items) {
    const itemRef = { type: ARCHIVE_ITEM, id: item.id };
    const common = { at: item.created_at, actor: item.built_by };
    const documentType = DOCUMENT_TYPES[item.kind];
    if (documentType !== undefined)
      links.push({
        from: { type: documentType, id: item.source_id },
        to: itemRef,
        relation: 'archived_as',
        ...common,
      });
    if (item.posting_id !== null)
      links.push({
        from: { type: 'voucher', id: item.posting_id },
        to: itemRef,
        relation: 'archived_as',
        ...common,
      });
    links.push({
      from: itemRef,
      to: { type: ARCHIVE_PACKAGE, id: item.package_id },
      relation: 'packaged_in',
      ...common,
    });
  }
  return links;
}

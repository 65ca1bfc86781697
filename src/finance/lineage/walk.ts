import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { DomainError } from '../../model/result.ts';
import { LINEAGE_TYPES, type LineageLink, type LineageLinkProvider, type LineageRef } from './types.ts';
import { LINEAGE_PROVIDERS } from './providers.ts';
import { describeNode } from './nodes.ts';

/**
 * The lineage walker (docs/lineage.md): from one record, breadth first, every provider is asked for
 * the links of each node reached, in both directions (upstream and downstream alike), until the
 * depth or the node limit; a node already seen is not asked again, so cycles end. Everything is read
 * through the caller's TenantDb, so the walk never leaves the company.
 */

export interface LineageNode extends LineageRef {
  /** Hops from the record asked about (0 for itself). */
  readonly depth: number;
  /** A short description (number, amount), or null when the module owning the type gives none. */
  readonly label: string | null;
}

export interface LineageGraph {
  readonly root: LineageRef;
  readonly nodes: LineageNode[];
  readonly edges: LineageLink[];
  /** True when the depth or node limit stopped the walk before every link was followed. */
  readonly truncated: boolean;
}

export interface WalkOptions {
  readonly maxDepth?: number;
  readonly maxNodes?: number;
  readonly providers?: readonly LineageLinkProvider[];
}

export const DEFAULT_MAX_DEPTH = 8;
export const DEFAULT_MAX_NODES = 200;

const keyOf = (ref: LineageRef) => `${ref.type}\u0000${ref.id}`;
const edgeKey = (l: LineageLink) => `${keyOf(l.from)}\u0001${keyOf(l.to)}\u0001${l.relation}`;
const isKnownType = (type: string): boolean => (LINEAGE_TYPES as readonly string[]).includes(type);

export async function walkLineage(
  db: TenantDb,
  root: LineageRef,
  options: WalkOptions = {},
): Promise<LineageGraph> {
  if (!isKnownType(root.type))
    throw new DomainError('lineage_type_unknown', { type: root.type, types: LINEAGE_TYPES.join(', ') }, [
      {
        code: 'lineage_type_unknown',
        pointer: '/type',
        params: { type: root.type, types: LINEAGE_TYPES.join(', ') },
      },
    ]);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const providers = options.providers ?? LINEAGE_PROVIDERS;

  const linksOf = async (ref: LineageRef) => (await Promise.all(providers.map((p) => p(db, ref)))).flat();
  const rootLabel = await describeNode(db, root);
  const rootLinks = await linksOf(root);
  // a type this module describes must exist; one it cannot describe exists when a link names it
  if (rootLabel === undefined || (rootLabel === null && rootLinks.length === 0))
    throw new DomainError('not_found', { resource: root.type, id: root.id });

  const nodes = new Map<string, { ref: LineageRef; depth: number }>([[keyOf(root), { ref: root, depth: 0 }]]);
  const edges = new Map<string, LineageLink>();
  let truncated = false;
  let frontier: LineageRef[] = [root];
  let known: LineageLink[] | undefined = rootLinks;
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: LineageRef[] = [];
    for (const ref of frontier) {
      const links = known ?? (await linksOf(ref));
      known = undefined;
      for (const link of links) {
        // a provider answers the links touching `ref`; one that does not touch it brings both ends
        let keep = true;
        for (const other of [link.from, link.to]) {
          const otherKey = keyOf(other);
          if (otherKey === keyOf(ref) || nodes.has(otherKey)) continue;
          if (nodes.size >= maxNodes) {
            truncated = true;
            keep = false;
            continue;
          }
          nodes.set(otherKey, { ref: other, depth: depth + 1 });
          next.push(other);
        }
        if (keep) edges.set(edgeKey(link), link);
      }
    }
    frontier = depth + 1 >= maxDepth ? [] : next;
    if (depth + 1 >= maxDepth && next.length > 0) {
      // the last ring is kept, but its own links are only checked for edges among the nodes we hold
      for (const ref of next) {
        for (const link of await linksOf(ref)) {
          if (nodes.has(keyOf(link.from)) && nodes.has(keyOf(link.to))) edges.set(edgeKey(link), link);
          else truncated = true;
        }
      }
    }
  }

  const list = [...nodes.values()];
  const labels = await Promise.all(
    list.map(async ({ ref }) => (keyOf(ref) === keyOf(root) ? rootLabel : await describeNode(db, ref))),
  );
  return {
    root: { type: root.type, id: root.id },
    nodes: list.map(({ ref, depth }, i) => ({ type: ref.type, id: ref.id, depth, label: labels[i] ?? null })),
    edges: [...edges.values()].sort(
      (a, b) => a.at.localeCompare(b.at) || edgeKey(a).localeCompare(edgeKey(b)),
    ),
    truncated,
  };
}

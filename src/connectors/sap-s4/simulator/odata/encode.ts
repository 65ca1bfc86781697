import { escapeXml } from '../../xml.ts';
import { entityByType, type EdmEntity, type EdmService } from './edm.ts';
import { atomText, jsonValue, type Row } from './values.ts';

/** Where the entities live and what the request asked to be shown of them. */
export interface Shape {
  /** The service root URL, ending in `/`. */
  readonly root: string;
  readonly service: EdmService;
  /** Navigation properties to expand (one level). */
  readonly expand: readonly string[];
  /** Properties and navigations to show; undefined = all. */
  readonly select: ReadonlySet<string> | undefined;
  navigate(entity: EdmEntity, row: Row, nav: string): readonly Row[];
}

const keyLiteral = (entity: EdmEntity, name: string, value: Row[string]): string => {
  const type = entity.properties.find((p) => p.name === name)?.type;
  if (type === 'Edm.DateTime' && typeof value === 'number')
    return `datetime'${encodeURIComponent(new Date(value).toISOString().slice(0, 19))}'`;
  if (type === 'Edm.Guid') return `guid'${String(value)}'`;
  return `'${encodeURIComponent(String(value).replace(/'/g, "''"))}'`;
};

/** `A_Supplier('17300001')`, or with a composite key `A_SupplierInvoice(SupplierInvoice='…',FiscalYear='…')`. */
export function keyPath(entity: EdmEntity, row: Row): string {
  const [only] = entity.keys;
  if (entity.keys.length === 1 && only !== undefined)
    return `${entity.set}(${keyLiteral(entity, only, row[only] ?? null)})`;
  return `${entity.set}(${entity.keys.map((k) => `${k}=${keyLiteral(entity, k, row[k] ?? null)}`).join(',')})`;
}

const shown = (shape: Shape, name: string) => shape.select === undefined || shape.select.has(name);

/** One entity as v2 JSON: `__metadata`, its properties, navigations deferred or expanded (§1.4). */
export function entityJson(
  entity: EdmEntity,
  row: Row,
  shape: Shape,
  nested = false,
): Record<string, unknown> {
  const uri = `${shape.root}${keyPath(entity, row)}`;
  const out: Record<string, unknown> = {
    __metadata: { id: uri, uri, type: `${shape.service.name}.${entity.type}` },
  };
  for (const p of entity.properties)
    if (nested || shown(shape, p.name)) out[p.name] = jsonValue(p.type, row[p.name]);
  for (const nav of entity.navigations) {
    if (!nested && !shown(shape, nav.name)) continue;
    const target = entityByType(shape.service, nav.target);
    if (!nested && target !== undefined && shape.expand.includes(nav.name)) {
      const rows = shape.navigate(entity, row, nav.name).map((r) => entityJson(target, r, shape, true));
      out[nav.name] = nav.many ? { results: rows } : (rows[0] ?? null);
    } else out[nav.name] = { __deferred: { uri: `${uri}/${nav.name}` } };
  }
  return out;
}

const ATOM_NS =
  ' xmlns="http://www.w3.org/2005/Atom" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"' +
  ' xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices"';

function entryXml(entity: EdmEntity, row: Row, shape: Shape, updated: string): string {
  const path = keyPath(entity, row);
  const properties = entity.properties
    .filter((p) => shown(shape, p.name))
    .map((p) => {
      const text = atomText(p.type, row[p.name]);
      return text === null ? `<d:${p.name} m:null="true"/>` : `<d:${p.name}>${escapeXml(text)}</d:${p.name}>`;
    })
    .join('');
  const links = entity.navigations
    .map(
      (n) =>
        `<link href="${escapeXml(`${path}/${n.name}`)}" rel="http://schemas.microsoft.com/ado/2007/08/dataservices/related/${n.name}"` +
        ` type="application/atom+xml;type=${n.many ? 'feed' : 'entry'}" title="${n.name}"/>`,
    )
    .join('');
  return (
    `<entry><id>${escapeXml(shape.root + path)}</id><title type="text">${escapeXml(path)}</title><updated>${updated}</updated>` +
    `<category term="${shape.service.name}.${entity.type}" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme"/>` +
    `<link href="${escapeXml(path)}" rel="self" title="${entity.type}"/>${links}` +
    `<content type="application/xml"><m:properties>${properties}</m:properties></content></entry>`
  );
}

/** A collection as an Atom feed — what Gateway answers a client that did not ask for JSON (§1.4). */
export function feedXml(
  entity: EdmEntity,
  rows: readonly Row[],
  shape: Shape,
  updated: string,
  count: number | undefined,
): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xml:base="${escapeXml(shape.root)}"${ATOM_NS}>` +
    `<id>${escapeXml(shape.root + entity.set)}</id><title type="text">${entity.set}</title><updated>${updated}</updated>` +
    `<author><name/></author><link href="${entity.set}" rel="self" title="${entity.set}"/>` +
    (count === undefined ? '' : `<m:count>${count}</m:count>`) +
    rows.map((r) => entryXml(entity, r, shape, updated)).join('') +
    '</feed>'
  );
}

/** A single entity as an Atom entry document. */
export const entryDocument = (entity: EdmEntity, row: Row, shape: Shape, updated: string): string =>
  `<?xml version="1.0" encoding="utf-8"?>${entryXml(entity, row, shape, updated).replace('<entry>', `<entry xml:base="${escapeXml(shape.root)}"${ATOM_NS}>`)}`;

/** The service document: its entity sets. */
export function serviceDocument(service: EdmService, root: string, json: boolean): string {
  if (json) return JSON.stringify({ d: { EntitySets: service.entities.map((e) => e.set) } });
  return (
    `<?xml version="1.0" encoding="utf-8"?><app:service xml:base="${escapeXml(root)}" xmlns:app="http://www.w3.org/2007/app"` +
    ' xmlns:atom="http://www.w3.org/2005/Atom"><app:workspace><atom:title type="text">Data</atom:title>' +
    service.entities
      .map(
        (e) =>
          `<app:collection href="${e.set}"><atom:title type="text">${e.set}</atom:title></app:collection>`,
      )
      .join('') +
    '</app:workspace></app:service>'
  );
}

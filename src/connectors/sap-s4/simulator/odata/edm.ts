import { escapeXml } from '../../xml.ts';

/**
 * The simulated services' entity model: one description drives both the `$metadata` document (EDMX
 * 1.0 / OData 2.0 with SAP annotations, so the SAP Cloud SDK generator accepts it) and the JSON and
 * Atom encoding of every value. The model is a subset of SAP's published services: the properties the
 * connector and common integrations use, with SAP's names, types and lengths.
 */
export type EdmType =
  | 'Edm.String'
  | 'Edm.Boolean'
  | 'Edm.DateTime'
  | 'Edm.DateTimeOffset'
  | 'Edm.Time'
  | 'Edm.Decimal'
  | 'Edm.Guid'
  | 'Edm.Byte'
  | 'Edm.Int32'
  | 'Edm.Int64';

export interface EdmProperty {
  readonly name: string;
  readonly type: EdmType;
  readonly maxLength?: number;
  readonly precision?: number;
  readonly scale?: number;
  /** Keys are never nullable; other properties are unless they say so. */
  readonly nullable?: boolean;
  readonly label: string;
  /** `sap:display-format="Date"`: an `Edm.DateTime` that is a calendar date. */
  readonly date?: boolean;
  /** `sap:display-format="UpperCase"`. */
  readonly upperCase?: boolean;
  /** `sap:unit`: the property holding this amount's currency. */
  readonly unit?: string;
  /** `sap:semantics="currency-code"`. */
  readonly currencyCode?: boolean;
}

export interface EdmNavigation {
  readonly name: string;
  /** The target entity type's name (in the same service). */
  readonly target: string;
  readonly many: boolean;
}

export interface EdmEntity {
  /** The entity type, e.g. `A_SupplierType`. */
  readonly type: string;
  /** The entity set, e.g. `A_Supplier`. */
  readonly set: string;
  readonly label: string;
  readonly keys: readonly string[];
  readonly properties: readonly EdmProperty[];
  readonly navigations: readonly EdmNavigation[];
  readonly creatable?: boolean;
  readonly updatable?: boolean;
}

export interface EdmService {
  /** Also the schema namespace, e.g. `API_BUSINESS_PARTNER`. */
  readonly name: string;
  /** `innererror.application.component_id` of its errors, e.g. `LO-MD-BP`. */
  readonly component: string;
  readonly entities: readonly EdmEntity[];
}

export const propertyOf = (entity: EdmEntity, name: string): EdmProperty | undefined =>
  entity.properties.find((p) => p.name === name);

export const navigationOf = (entity: EdmEntity, name: string): EdmNavigation | undefined =>
  entity.navigations.find((n) => n.name === name);

export const entityBySet = (service: EdmService, set: string): EdmEntity | undefined =>
  service.entities.find((e) => e.set === set);

export const entityByType = (service: EdmService, type: string): EdmEntity | undefined =>
  service.entities.find((e) => e.type === type);

const attr = (name: string, value: string | number | boolean | undefined): string =>
  value === undefined ? '' : ` ${name}="${escapeXml(String(value))}"`;

const association = (entity: EdmEntity, nav: EdmNavigation) => `assoc_${entity.type}_${nav.name}`;

function propertyXml(entity: EdmEntity, p: EdmProperty): string {
  const key = entity.keys.includes(p.name);
  return (
    `<Property${attr('Name', p.name)}${attr('Type', p.type)}` +
    attr('Nullable', key || p.nullable === false ? 'false' : undefined) +
    attr('MaxLength', p.maxLength) +
    attr(
      'Precision',
      p.type === 'Edm.DateTime' || p.type === 'Edm.DateTimeOffset' ? (p.precision ?? 0) : p.precision,
    ) +
    attr('Scale', p.scale) +
    attr('sap:display-format', p.date === true ? 'Date' : p.upperCase === true ? 'UpperCase' : undefined) +
    attr('sap:unit', p.unit) +
    attr('sap:semantics', p.currencyCode === true ? 'currency-code' : undefined) +
    attr('sap:label', p.label) +
    attr('sap:creatable', entity.creatable === true && !key ? undefined : 'false') +
    attr('sap:updatable', entity.updatable === true && !key ? undefined : 'false') +
    '/>'
  );
}

function entityTypeXml(service: EdmService, entity: EdmEntity): string {
  const keys = entity.keys.map((k) => `<PropertyRef${attr('Name', k)}/>`).join('');
  const properties = entity.properties.map((p) => propertyXml(entity, p)).join('');
  const navigations = entity.navigations
    .map(
      (n) =>
        `<NavigationProperty${attr('Name', n.name)}${attr('Relationship', `${service.name}.${association(entity, n)}`)}` +
        `${attr('FromRole', `FromRole_${association(entity, n)}`)}${attr('ToRole', `ToRole_${association(entity, n)}`)}/>`,
    )
    .join('');
  return (
    `<EntityType${attr('Name', entity.type)}${attr('sap:label', entity.label)}${attr('sap:content-version', 1)}>` +
    `<Key>${keys}</Key>${properties}${navigations}</EntityType>`
  );
}

function associationsXml(service: EdmService): { types: string; sets: string } {
  let types = '';
  let sets = '';
  for (const entity of service.entities)
    for (const nav of entity.navigations) {
      const target = entityByType(service, nav.target);
      if (target === undefined)
        throw new Error(`${service.name}: ${entity.type}.${nav.name} has no target ${nav.target}`);
      const name = association(entity, nav);
      types +=
        `<Association${attr('Name', name)}${attr('sap:content-version', 1)}>` +
        `<End${attr('Type', `${service.name}.${entity.type}`)}${attr('Multiplicity', '1')}${attr('Role', `FromRole_${name}`)}/>` +
        `<End${attr('Type', `${service.name}.${target.type}`)}${attr('Multiplicity', nav.many ? '*' : '0..1')}${attr('Role', `ToRole_${name}`)}/>` +
        '</Association>';
      sets +=
        `<AssociationSet${attr('Name', `${name}_set`)}${attr('Association', `${service.name}.${name}`)}` +
        `${attr('sap:creatable', 'false')}${attr('sap:updatable', 'false')}${attr('sap:deletable', 'false')}${attr('sap:content-version', 1)}>` +
        `<End${attr('EntitySet', entity.set)}${attr('Role', `FromRole_${name}`)}/>` +
        `<End${attr('EntitySet', target.set)}${attr('Role', `ToRole_${name}`)}/>` +
        '</AssociationSet>';
    }
  return { types, sets };
}

/**
 * The service's `$metadata`: EDMX 1.0 with a v2 data-services schema and SAP's annotation namespace,
 * with the `atom:link` to itself Gateway writes (generators take the service path from it).
 */
export function metadataXml(service: EdmService, root: string): string {
  const { types, sets } = associationsXml(service);
  const entitySets = service.entities
    .map(
      (e) =>
        `<EntitySet${attr('Name', e.set)}${attr('EntityType', `${service.name}.${e.type}`)}` +
        attr('sap:creatable', e.creatable === true ? undefined : 'false') +
        attr('sap:updatable', e.updatable === true ? undefined : 'false') +
        `${attr('sap:deletable', 'false')}${attr('sap:content-version', 1)}/>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"' +
    ' xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"' +
    ' xmlns:sap="http://www.sap.com/Protocols/SAPData">' +
    '<edmx:DataServices m:DataServiceVersion="2.0">' +
    `<Schema${attr('Namespace', service.name)} xml:lang="en"${attr('sap:schema-version', 1)} xmlns="http://schemas.microsoft.com/ado/2008/09/edm">` +
    service.entities.map((e) => entityTypeXml(service, e)).join('') +
    types +
    `<EntityContainer${attr('Name', `${service.name}_Entities`)}${attr('m:IsDefaultEntityContainer', 'true')}` +
    `${attr('sap:message-scope-supported', 'true')}${attr('sap:supported-formats', 'atom json xlsx')}>` +
    entitySets +
    sets +
    '</EntityContainer>' +
    `<atom:link rel="self"${attr('href', `${root}$metadata`)} xmlns:atom="http://www.w3.org/2005/Atom"/>` +
    `<atom:link rel="latest-version"${attr('href', `${root}$metadata`)} xmlns:atom="http://www.w3.org/2005/Atom"/>` +
    '</Schema></edmx:DataServices></edmx:Edmx>'
  );
}

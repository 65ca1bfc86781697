import type {
  CanonicalDocument,
  ConnectorManifest,
  MappingProfile,
  Rendered,
} from '../connectors/contract.ts';
import { renderKingdee } from '../connectors/kingdee/connector.ts';
import { KINGDEE_MANIFEST } from '../connectors/kingdee/manifest.ts';

/** The connectors FinBridge ships, by connection type: what each can do and its pure codec. */
export interface ConnectorType {
  readonly manifest: ConnectorManifest;
  render(document: CanonicalDocument, externalReference: string, profile: MappingProfile): Rendered;
}

export const CONNECTOR_TYPES: Readonly<Record<string, ConnectorType>> = {
  [KINGDEE_MANIFEST.id]: { manifest: KINGDEE_MANIFEST, render: renderKingdee },
};

export function connectorType(type: string): ConnectorType {
  const found = Object.hasOwn(CONNECTOR_TYPES, type) ? CONNECTOR_TYPES[type] : undefined;
  if (found === undefined) throw new Error(`no connector for connection type ${type}`);
  return found;
}

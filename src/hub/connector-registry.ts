import { DomainError } from '../model/result.ts';
import type { ConnectorDefinition } from '../connectors/contract.ts';

/**
 * The connector definitions this process speaks, by connection type. The composition root installs
 * them once at start (`installConnectors(CONNECTORS)` in src/app.ts and src/cli/); the hub, the API
 * and the demo find a definition here by type and never import an ERP's folder. A set of connectors
 * is a fact about the running program, like its migrations, so it is kept here rather than threaded
 * through every call (ADR 0013).
 */
const installed = new Map<string, ConnectorDefinition>();

/** Adds definitions (idempotent for the same object; a second definition of a type is an error). */
export function installConnectors(definitions: readonly ConnectorDefinition[]): void {
  for (const definition of definitions) {
    const { id } = definition.manifest;
    const existing = installed.get(id);
    if (existing !== undefined && existing !== definition)
      throw new Error(`two connector definitions for type ${id}`);
    installed.set(id, definition);
  }
}

export const installedConnectors = (): ConnectorDefinition[] => [...installed.values()];

export const connectionTypes = (): string[] => [...installed.keys()];

/** The definition of a connection type; an unknown type is the caller's input: 422 naming the installed ones. */
export function connectorDefinition(type: string): ConnectorDefinition {
  const found = installed.get(type);
  if (found !== undefined) return found;
  if (installed.size === 0)
    throw new Error('no connectors installed: the composition root must call installConnectors() first');
  throw new DomainError('validation_failed', {}, [
    {
      code: 'unknown_connection_type',
      pointer: '/type',
      params: { type, known: connectionTypes().join(', ') },
    },
  ]);
}

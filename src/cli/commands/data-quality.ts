import { loadConfig } from '../../platform/config.ts';
import { say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { tenantFor, withPlatform } from '../platform.ts';

/**
 * `finbridge governance quality-sweep --tenant CODE [--entity supplier]`: every data-quality rule on
 * every record of every source now (POST /api/v1/data-quality/sweep), with what it opened and resolved.
 */
export async function qualitySweep(values: Values): Promise<void> {
  const { sweep } = await import('../../governance/quality/service.ts');
  const { isQualityEntity, QUALITY_ENTITY_NAMES } = await import('../../governance/quality/entities.ts');
  const entity = str(values, 'entity');
  if (entity !== undefined && !isQualityEntity(entity))
    throw new CliError(`--entity is one of ${QUALITY_ENTITY_NAMES.join(', ')}`, EXIT.usage);
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const r = await sweep(db, writer.audit.clock.now().toISOString(), entity);
    say(`${r.entities} entities, ${r.records} records: ${r.opened} issues opened, ${r.resolved} resolved`);
  });
}

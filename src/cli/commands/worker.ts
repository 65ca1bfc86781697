import { startApprovalLoop } from '../../finance/approvals/approval-loop.ts';
import { connectionTypes, connectorDefinition } from '../../hub/connector-registry.ts';
import { startWorker } from '../../hub/worker.ts';
import { installModules } from '../../modules.ts';
import { startAuditSealer } from '../../platform/audit/audit-log.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig, workerTuning } from '../../platform/config.ts';
import { startTelemetry } from '../../platform/telemetry/index.ts';
import { createDispatcher } from '../../platform/events/dispatcher.ts';
import { say } from '../command.ts';
import { withPlatform } from '../platform.ts';

/** `finbridge worker --help`, after the settings: each connector's default rate limit. */
export function connectionRateLimitsHelp(): string[] {
  installModules();
  return [
    "A connection's own rate limit (calls per second to its ERP) is its rateLimitRps, shared by all workers;",
    "without one, its connector's default:",
    ...connectionTypes().map(
      (type) =>
        `  ${type.padEnd(34)} ${String(connectorDefinition(type).manifest.defaultRateLimitRps).padStart(7)}/s`,
    ),
  ];
}

/** `finbridge worker` */
export async function worker(): Promise<void> {
  const config = loadConfig();
  const telemetry = await startTelemetry(config.telemetry, { processKind: 'worker' });
  await withPlatform(config, async ({ database, security }) => {
    const worker = startWorker({
      ...workerTuning(config),
      database,
      keyring: security.keyring,
      clock: systemClock,
      log: (event, fields) => {
        if (config.logLevel === 'debug' || config.logLevel === 'trace')
          process.stderr.write(`${JSON.stringify({ event, ...fields })}\n`);
      },
    });
    // external-approver callouts and SLA reminders (each claimed, so any number of workers may run them)
    const approvals = startApprovalLoop(database, {
      keyring: security.keyring,
      clock: systemClock,
      pollMs: 5000,
      log: (error) => process.stderr.write(`approval housekeeping failed: ${String(error)}\n`),
    });
    const sealer = startAuditSealer(database, security.audit.key, 500, (error) =>
      process.stderr.write(`audit sealing failed: ${String(error)}\n`),
    );
    // the event log's sequencer, webhook deliveries and inbound calls (claimed, so any number may run)
    const dispatcher = createDispatcher({
      database,
      keyring: security.keyring,
      clock: systemClock,
      log: (event, fields) => process.stderr.write(`${JSON.stringify({ event, ...fields })}\n`),
    });
    dispatcher.start();
    say(`worker ${worker.owner} started (${database.location.replace(/\/\/[^@]*@/, '//***@')})`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await worker.stop();
    await dispatcher.stop();
    await approvals.stop();
    await sealer.stop();
  });
  await telemetry?.shutdown();
}

import type { RunningSimulator } from '../../connectors/contract.ts';
import { buildApp } from '../../app.ts';
import { startDemoBudgetSystem, type DemoBudgetSystem } from '../../demo/budget-system.ts';
import { connectDemoErp, demoRoutes, startDemoSimulator } from '../../demo/erp.ts';
import { seedExpenseDemo, type ExpenseDemoSummary } from '../../demo/expenses.ts';
import { issueDemoCredentials, seedDemo, type DemoCredentials } from '../../demo/seed.ts';
import { connectionTypes, connectorDefinition } from '../../hub/connector-registry.ts';
import { loadConfig } from '../../platform/config.ts';
import { startTelemetry } from '../../platform/telemetry/index.ts';
import { VERSION } from '../../version.ts';
import { say, type Values } from '../command.ts';
import { EXIT } from '../exit-codes.ts';

function printDemoCredentials(address: string, credentials: DemoCredentials): void {
  say('');
  say('Demo sign-ins (new passwords at every demo start) 演示账号:');
  for (const u of credentials.users)
    say(`  ${u.username.padEnd(10)} ${u.password.padEnd(16)} ${u.roles.join(', ').padEnd(20)} ${u.name}`);
  say('');
  say('Demo API client (OAuth 2.0 client credentials) 演示接口客户端:');
  say(`  client_id     ${credentials.client.clientId}`);
  say(`  client_secret ${credentials.client.clientSecret}`);
  say(`  scopes        ${credentials.client.scopes.join(' ')}`);
  say('');
  say('Call the API in one step:');
  say(
    `  TOKEN=$(curl -s -u '${credentials.client.clientId}:${credentials.client.clientSecret}' -d grant_type=client_credentials ${address}/oauth/token | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
  );
  say(`  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/employees`);
}

/** `finbridge serve` */
export async function serve(values: Values): Promise<void> {
  const env = { ...process.env };
  if (typeof values['host'] === 'string') env['HOST'] = values['host'];
  if (typeof values['port'] === 'string') env['PORT'] = values['port'];
  const config = loadConfig(env);
  // tracing first, so the server's hooks and the store's queries are traced (nothing loaded when off)
  const telemetry = await startTelemetry(config.telemetry, { processKind: 'serve' });
  const running = await buildApp({ config });
  const demo = values['demo'] === true || process.env['FINBRIDGE_DEMO'] === '1';
  let credentials: DemoCredentials | undefined;
  const erps: { type: string; simulator: RunningSimulator; submitted: number }[] = [];
  let budgetSystem: DemoBudgetSystem | undefined;
  let expenses: ExpenseDemoSummary | undefined;
  if (demo) {
    const { database, security, clock } = running.context;
    const seeded = await seedDemo(database, security.audit);
    credentials = await issueDemoCredentials(database, security.audit, seeded.company);
    for (const route of demoRoutes(connectionTypes())) {
      const simulator = await startDemoSimulator(clock, route.type);
      const connected = await connectDemoErp(
        { database, security, clock, wake: () => running.worker?.wake() },
        seeded.company,
        simulator,
        route,
      );
      erps.push({ type: route.type, simulator, submitted: connected.submitted });
    }
    budgetSystem = await startDemoBudgetSystem(clock);
    expenses = await seedExpenseDemo(
      { database, security, clock, wake: () => running.worker?.wake() },
      seeded.company,
      budgetSystem,
    );
    running.app.log.info(
      { company: seeded.company.code, created: seeded.created, erps: erps.map((e) => e.simulator.url) },
      'demo company ready',
    );
  }
  const release = async () => {
    await running.close();
    for (const e of erps) await e.simulator.close();
    await budgetSystem?.close();
    await telemetry?.shutdown();
  };
  const stop = async (signal: string) => {
    running.app.log.info({ signal }, 'shutting down');
    await release();
    process.exit(EXIT.ok);
  };
  let address: string;
  try {
    address = await running.app.listen({ host: config.host, port: config.port });
  } catch (error) {
    // a taken port: nothing this command started may keep the process alive
    await release();
    throw error;
  }
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  if (budgetSystem !== undefined) budgetSystem.finbridgeUrl = address.replace('0.0.0.0', '127.0.0.1');
  say('');
  say(
    `FinBridge ${VERSION} is running on ${address}  (database: ${running.context.database.location.replace(process.cwd() + '/', '')})`,
  );
  say(
    `  Console     ${address}/${credentials === undefined ? '' : '   (sign in with a demo user below 用下方演示账号登录)'}`,
  );
  say(`  API docs    ${address}/docs`);
  say(`  OpenAPI     ${address}/openapi.json     schemas ${address}/schemas`);
  say(`  Health      ${address}/healthz   ${address}/readyz   ${address}/metrics`);
  if (credentials !== undefined) printDemoCredentials(address, credentials);
  for (const e of erps) {
    say('');
    say(`Built-in ${connectorDefinition(e.type).manifest.names.en} simulator:`);
    for (const line of e.simulator.banner) say(`  ${line}`);
    say(
      `  ${e.submitted} demo documents submitted to it; watch them post:  curl -H "Authorization: Bearer $TOKEN" ${address}/api/v1/postings`,
    );
  }
  if (erps.length > 0)
    say(
      `  master data pulled hourly and the demo mapping profiles:  ${address}/api/v1/connections/{id}/sync  …/mapping-profiles  …/dry-run`,
    );
  if (expenses?.seeded === true) {
    say('');
    say(
      `Expense demo: ${expenses.documents} claims and advances, ${expenses.invoices} invoices — posted, in approval, over budget, rejected, withdrawn:`,
    );
    say(
      `  ${address}/api/v1/expense-claims   (sign in as zhang.san, chen.wei or zhao.jing to see “mine” and “pending”)`,
    );
  }
  say('Press Ctrl+C to stop.');
}

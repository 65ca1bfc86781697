import { registerCompany } from '../../governance/companies.ts';
import { replayPostings } from '../../hub/postings.ts';
import { seedDemo } from '../../demo/seed.ts';
import { verifyAuditChain } from '../../platform/audit/audit-log.ts';
import { systemClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createClient, listClients } from '../../platform/security/clients.ts';
import { rotateMasterKey } from '../../platform/security/master-key-rotation.ts';
import { rotateSigningKey } from '../../platform/security/signing-keys.ts';
import { createUser } from '../../platform/security/users.ts';
import { listCompanies } from '../../platform/store/companies.ts';
import { migrateToLatest } from '../../platform/store/migrate.ts';
import { required, say, str, type Values } from '../command.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { list, tenantFor, withDatabase, withPlatform } from '../platform.ts';

/** The administration commands: the database, companies, clients, users, keys, the audit log, postings. */

/** `finbridge migrate` */
export async function migrate(): Promise<void> {
  await withDatabase(loadConfig(), async (database) => {
    const results = await migrateToLatest(database);
    if (results.length === 0) say(`schema is current (${database.location})`);
    for (const r of results) say(`applied ${r.migrationName}`);
  });
}

/** `finbridge demo` */
export async function demo(): Promise<void> {
  await withPlatform(loadConfig(), async ({ database, security }) => {
    const result = await seedDemo(database, security.audit);
    say(
      `${result.created ? 'created' : 'refreshed'} demo company ${result.company.code} (${result.company.name}) id ${result.company.id}`,
    );
    for (const [resource, count] of Object.entries(result.counts)) say(`  ${resource.padEnd(20)} ${count}`);
  });
}

/** `finbridge companies create` */
export async function companiesCreate(values: Values): Promise<void> {
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const company = await registerCompany(database, writer, {
      code: required(values, 'code'),
      name: required(values, 'name'),
      taxId: required(values, 'tax-id'),
      baseCurrency: str(values, 'currency') ?? 'CNY',
      fiscalCalendar: { firstMonth: 1, specialPeriods: 0 },
      accountingStandard: 'CAS',
    });
    say(
      values['json'] === true
        ? JSON.stringify(company)
        : `created company ${String(company['code'])} id ${String(company['id'])}`,
    );
  });
}

/** `finbridge companies list` */
export async function companiesList(): Promise<void> {
  await withDatabase(loadConfig(), async (database) => {
    await migrateToLatest(database);
    for (const c of await listCompanies(database)) say(`${c.code.padEnd(12)} ${c.id}  ${c.name}`);
  });
}

/** `finbridge clients create` */
export async function clientsCreate(values: Values): Promise<void> {
  await withPlatform(loadConfig(), async ({ database, security, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const scopes = list(values['scopes']);
    if (scopes.length === 0)
      throw new CliError('--scopes is required (space or comma separated)', EXIT.usage);
    const { client, clientSecret } = await createClient(db, security.audit, {
      name: required(values, 'name'),
      scopes,
      actor: writer.actor,
    });
    if (values['json'] === true) {
      say(
        JSON.stringify({
          client_id: client.clientId,
          client_secret: clientSecret,
          scopes: client.scopes,
          id: client.id,
        }),
      );
    } else {
      say(`client_id     ${client.clientId}`);
      say(`client_secret ${clientSecret}   (shown once; store it now)`);
      say(`scopes        ${client.scopes.join(' ')}`);
    }
  });
}

/** `finbridge clients list` */
export async function clientsList(values: Values): Promise<void> {
  await withPlatform(loadConfig(), async ({ database }) => {
    const { db } = await tenantFor(database, values['tenant']);
    for (const c of await listClients(db))
      say(`${c.clientId}  ${c.status.padEnd(8)} ${c.name}  [${c.scopes.join(' ')}]`);
  });
}

/** `finbridge users create` */
export async function usersCreate(values: Values): Promise<void> {
  await withPlatform(loadConfig(), async ({ database, security, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    const employee = str(values, 'employee');
    const user = await createUser(db, security.audit, {
      username: required(values, 'username'),
      displayName: str(values, 'name') ?? required(values, 'username'),
      roles: list(values['roles']),
      password: required(values, 'password'),
      ...(employee === undefined ? {} : { employeeCode: employee }),
      actor: writer.actor,
    });
    say(`created user ${user.username} (${user.roles.join(', ')})`);
  });
}

/** `finbridge keys rotate` */
export async function keysRotate(): Promise<void> {
  const config = loadConfig();
  await withPlatform(config, async ({ database }) => {
    const report = await rotateMasterKey(
      database,
      {
        envKey: config.security.masterKey,
        envPreviousKey: config.security.masterKeyPrevious,
        keyFile: config.security.masterKeyFile,
      },
      systemClock,
    );
    say(
      `master key ${report.newKeyId} (${report.mode}): re-encrypted ${report.signingKeys} signing keys, ${report.platformSecrets} platform secrets, ${report.secrets} company secrets`,
    );
    say('Restart running FinBridge processes so they seal new values with the new key.');
  });
}

/** `finbridge keys rotate-signing` */
export async function keysRotateSigning(): Promise<void> {
  const config = loadConfig();
  await withPlatform(config, async ({ database, security }) => {
    const kid = await rotateSigningKey(
      database,
      security.keyring,
      systemClock,
      config.security.tokenTtlSeconds,
    );
    say(
      `now signing with ${kid}; the previous key stays in the JWKS for ${config.security.tokenTtlSeconds} s`,
    );
  });
}

/** `finbridge audit verify` */
export async function auditVerify(values: Values): Promise<void> {
  await withPlatform(loadConfig(), async ({ database, security }) => {
    const only =
      values['tenant'] === undefined ? undefined : (await tenantFor(database, values['tenant'])).company.id;
    const companies = new Map((await listCompanies(database)).map((c) => [c.id, c.code]));
    const reports = await verifyAuditChain(database, security.audit.key, only);
    let broken = 0;
    for (const report of reports) {
      const code = companies.get(report.tenantId) ?? report.tenantId;
      if (report.problems.length === 0) {
        say(`${code}: intact (${report.entries} entries)`);
        continue;
      }
      broken += report.problems.length;
      say(`${code}: BROKEN (${report.entries} entries)`);
      for (const p of report.problems)
        say(`  ${p.kind} at entry ${p.seq}${p.id === null ? '' : ` (${p.id})`}: ${p.detail}`);
    }
    if (broken > 0) throw new CliError(`audit log tampered: ${broken} problem(s) found`, EXIT.refused);
  });
}

/** `finbridge postings replay` */
export async function postingsReplay(values: Values): Promise<void> {
  const status = required(values, 'status');
  if (status !== 'dead' && status !== 'rejected')
    throw new CliError('--status must be dead or rejected', EXIT.usage);
  const connectionId = str(values, 'connection');
  const documentType = str(values, 'document-type');
  const errorCode = str(values, 'error-code');
  await withPlatform(loadConfig(), async ({ database, writer }) => {
    const { db } = await tenantFor(database, values['tenant']);
    let replayed = 0;
    for (;;) {
      const batch = await replayPostings(db, writer, {
        status,
        limit: 1000,
        ...(connectionId === undefined ? {} : { connectionId }),
        ...(documentType === undefined ? {} : { documentType }),
        ...(errorCode === undefined ? {} : { errorCode }),
      });
      replayed += batch.replayed;
      if (!batch.more) break;
    }
    say(`${replayed} ${status} posting(s) queued again; a running server or worker will send them`);
  });
}

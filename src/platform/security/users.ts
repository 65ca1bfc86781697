import { appendAudit, type AuditContext } from '../audit/audit-log.ts';
import type { OpenDatabase } from '../store/database.ts';
import { sessionByHash, userByUsername, type UserRow } from '../store/directory.ts';
import { newId } from '../store/ids.ts';
import { tenantDb, type TenantDb } from '../store/tenant-scope.ts';
import { DomainError, refusal } from '../../model/result.ts';
import type { Principal } from './principal.ts';
import { ALL_ROLES, isRole, scopesOfRoles, type Role } from './roles.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, randomToken, sha256, verifyPassword } from './secrets-hash.ts';

/**
 * Console users: scrypt passwords, server-side sessions (the cookie holds a random id; only its hash is
 * stored) with a CSRF token each, and lockout with growing back-off after repeated failures.
 */
export const LOCKOUT_THRESHOLD = 5;
export const SESSION_HOURS = 8;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: Role[];
  readonly employeeCode: string | null;
  readonly status: string;
  readonly lastLoginAt: string | null;
}

export const toUserView = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: row.roles.split(' ').filter(isRole),
  employeeCode: row.employee_code,
  status: row.status,
  lastLoginAt: row.last_login_at,
});

export function checkRoles(roles: readonly string[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new DomainError('invalid_field', { detail: `roles must be some of ${ALL_ROLES.join(', ')}` }, [
      {
        code: 'invalid_field',
        pointer: '/roles',
        params: { detail: `unknown roles: ${unknown.join(', ') || '(none given)'}` },
      },
    ]);
  }
  return [...new Set(roles as Role[])];
}

export function checkPassword(password: string): void {
  if (password.length < 10 || password.length > 200) {
    throw new DomainError('validation_failed', {}, [
      {
        code: 'invalid_field',
        pointer: '/password',
        params: { detail: 'a password needs 10 to 200 characters' },
      },
    ]);
  }
}

export async function createUser(
  db: TenantDb,
  audit: AuditContext,
  input: {
    username: string;
    displayName: string;
    roles: readonly string[];
    password?: string;
    employeeCode?: string;
    actor: string;
    requestId?: string;
  },
): Promise<UserView> {
  const roles = checkRoles(input.roles);
  if (input.password !== undefined) checkPassword(input.password);
  const now = audit.clock.now().toISOString();
  const row = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    employee_code: input.employeeCode ?? null,
    roles: roles.join(' '),
    password_hash: input.password === undefined ? null : await hashPassword(input.password),
    oidc_subject: null,
    failed_attempts: 0,
    locked_until: null,
    last_login_at: null,
    status: 'active',
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return db.transaction(async (tx) => {
    const clash = await tx
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (clash !== undefined) throw new DomainError('duplicate_code', { code: input.username });
    if (input.employeeCode !== undefined) {
      const employee = await tx
        .selectFrom('employees')
        .select('code')
        .where('code', '=', input.employeeCode)
        .executeTakeFirst();
      if (employee === undefined)
        throw refusal([
          {
            code: 'reference_not_found',
            pointer: '/employeeCode',
            params: { resource: 'Employee', id: input.employeeCode },
          },
        ]);
    }
    await tx.insertInto('users', [row]).execute();
    const view = toUserView({ ...row, tenant_id: tx.tenantId });
    await appendAudit(tx, audit, [
      {
        actor: input.actor,
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        after: view,
        requestId: input.requestId,
      },
    ]);
    return view;
  });
}

/** Sets a new password (and unlocks); used by admins and by the demo seed. */
export async function setPassword(
  db: TenantDb,
  audit: AuditContext,
  username: string,
  password: string,
  actor: string,
): Promise<void> {
  checkPassword(password);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (user === undefined) throw new DomainError('not_found', { resource: 'User', id: username });
    await tx
      .updateTable('users')
      .set({
        password_hash: hash,
        failed_attempts: 0,
        locked_until: null,
        updated_at: audit.clock.now().toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(tx, audit, [{ actor, action: 'set_password', entityType: 'user', entityId: user.id }]);
  });
}

export interface LoginResult {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

const lockSeconds = (failures: number): number =>
  Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** Math.max(0, failures - LOCKOUT_THRESHOLD));

export async function login(
  database: OpenDatabase,
  audit: AuditContext,
  input: { username: string; password: string; requestId?: string },
): Promise<LoginResult> {
  const now = audit.clock.now();
  const user = await userByUsername(database, input.username);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (user === undefined || user.status !== 'active' || user.password_hash === null)
    throw new DomainError('invalid_credentials');
  const db = tenantDb(database.db, user.tenant_id);
  if (user.locked_until !== null && user.locked_until > now.toISOString()) {
    await appendAudit(db, audit, [
      {
        actor: `user:${user.username}`,
        action: 'login_refused_locked',
        entityType: 'user',
        entityId: user.id,
        requestId: input.requestId,
      },
    ]);
    throw new DomainError('account_locked', { until: user.locked_until });
  }
  if (!passwordOk) {
    const failures = user.failed_attempts + 1;
    const lockedUntil =
      failures >= LOCKOUT_THRESHOLD
        ? new Date(now.getTime() + lockSeconds(failures) * 1000).toISOString()
        : null;
    await db.transaction(async (tx) => {
      await tx
        .updateTable('users')
        .set({ failed_attempts: failures, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(tx, audit, [
        {
          actor: `user:${user.username}`,
          action: 'login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { failedAttempts: failures, lockedUntil },
          requestId: input.requestId,
        },
      ]);
    });
    if (lockedUntil !== null) throw new DomainError('account_locked', { until: lockedUntil });
    throw new DomainError('invalid_credentials');
  }
  return startSession(db, audit, user, 'login', input.requestId);
}

/** Opens a session for an authenticated user (password or single sign-on) and audits it. */
export async function startSession(
  db: TenantDb,
  audit: AuditContext,
  user: UserRow,
  action: string,
  requestId?: string,
): Promise<LoginResult> {
  const now = audit.clock.now();
  const sessionId = randomToken('fbsess_');
  const csrfToken = randomToken('', 24);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600 * 1000).toISOString();
  await db.transaction(async (tx) => {
    await tx
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute();
    await tx
      .insertInto('sessions', [
        {
          id_hash: sha256(sessionId),
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          last_seen_at: now.toISOString(),
        },
      ])
      .execute();
    await appendAudit(tx, audit, [
      { actor: `user:${user.username}`, action, entityType: 'user', entityId: user.id, requestId },
    ]);
  });
  return { sessionId, csrfToken, expiresAt, user: toUserView({ ...user, last_login_at: now.toISOString() }) };
}

/** The user behind a session cookie, or null when unknown or expired. */
export async function sessionPrincipal(
  database: OpenDatabase,
  audit: AuditContext,
  sessionId: string,
): Promise<Principal | null> {
  const session = await sessionByHash(database, sha256(sessionId));
  if (session === undefined) return null;
  const db = tenantDb(database.db, session.tenant_id);
  const now = audit.clock.now().toISOString();
  if (session.expires_at <= now) {
    await db.deleteFrom('sessions').where('id_hash', '=', session.id_hash).execute();
    return null;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (user === undefined || user.status !== 'active') return null;
  const roles = user.roles.split(' ').filter(isRole);
  return {
    kind: 'user',
    id: `user:${user.username}`,
    tenantId: user.tenant_id,
    userId: user.id,
    username: user.username,
    roles,
    employeeCode: user.employee_code,
    scopes: scopesOfRoles(roles),
    csrfToken: session.csrf_token,
  };
}

export async function logout(
  database: OpenDatabase,
  audit: AuditContext,
  sessionId: string,
  requestId?: string,
): Promise<void> {
  const session = await sessionByHash(database, sha256(sessionId));
  if (session === undefined) return;
  const db = tenantDb(database.db, session.tenant_id);
  await db.transaction(async (tx) => {
    await tx.deleteFrom('sessions').where('id_hash', '=', session.id_hash).execute();
    await appendAudit(tx, audit, [
      {
        actor: `user:${session.user_id}`,
        action: 'logout',
        entityType: 'user',
        entityId: session.user_id,
        requestId,
      },
    ]);
  });
}

/** One user by id, or undefined (`/auth/me` tells a console who is signed in). */
export async function findUser(db: TenantDb, id: string): Promise<UserView | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUserView(row);
}

export async function listUsers(db: TenantDb): Promise<UserView[]> {
  return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUserView);
}

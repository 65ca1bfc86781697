import type { Selectable } from 'kysely';
import type { OpenDatabase } from './database.ts';
import type { ApiClientsTable, SessionsTable, UsersTable } from './tables.ts';

/**
 * Look-ups that *find* the tenant rather than start from one: a client by its client_id at the token
 * endpoint, a user by login name, a session by its cookie, a revoked token by jti. Like companies.ts,
 * they are the only cross-tenant reads, they return the row's tenant, and nothing else lives here.
 */
export type ClientRow = Selectable<ApiClientsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;

export const clientByClientId = (database: OpenDatabase, clientId: string): Promise<ClientRow | undefined> =>
  database.db.selectFrom('api_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();

export const userByUsername = (database: OpenDatabase, username: string): Promise<UserRow | undefined> =>
  database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

export const userByOidcSubject = (database: OpenDatabase, subject: string): Promise<UserRow | undefined> =>
  database.db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();

export const sessionByHash = (database: OpenDatabase, idHash: string): Promise<SessionRow | undefined> =>
  database.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export async function isTokenRevoked(database: OpenDatabase, jti: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('revoked_tokens')
    .select('jti')
    .where('jti', '=', jti)
    .executeTakeFirst();
  return row !== undefined;
}

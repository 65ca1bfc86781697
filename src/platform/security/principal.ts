import type { Role } from './roles.ts';
import type { Scope } from './scopes.ts';

/** Who is calling: an API client with a token, or a console user with a session. */
export type Principal =
  | {
      readonly kind: 'client';
      readonly id: string;
      readonly tenantId: string;
      readonly clientId: string;
      readonly scopes: ReadonlySet<Scope>;
      readonly tokenId: string;
    }
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly tenantId: string;
      readonly userId: string;
      readonly username: string;
      readonly roles: readonly Role[];
      readonly employeeCode: string | null;
      readonly scopes: ReadonlySet<Scope>;
      readonly csrfToken: string;
    };

/** The actor string recorded in the audit log: `client:<id>`, `user:<username>`, or `system:<what>`. */
export const actorOf = (principal: Principal): string => principal.id;

import type { AuditContext } from '../audit/audit-log.ts';
import type { Keyring } from './keyring.ts';
import type { TokenService } from './tokens.ts';

/** Everything security-related the HTTP layer and the services need, built once by the composition root. */
export interface Security {
  readonly keyring: Keyring;
  readonly tokens: TokenService;
  readonly audit: AuditContext;
}

import type { AuditContext } from '../audit/audit-log.ts';
import type { MasterKeySource, ReplaceableKeyring } from './keyring.ts';
import type { TokenService } from './tokens.ts';

/** Everything security-related the HTTP layer and the services need, built once by the composition root. */
export interface Security {
  /** Replaced in place when the master key is rotated while the process runs. */
  readonly keyring: ReplaceableKeyring;
  /** Where the master keys come from (environment or key file), for rotation and its status. */
  readonly masterKeys: MasterKeySource;
  readonly tokens: TokenService;
  readonly audit: AuditContext;
}

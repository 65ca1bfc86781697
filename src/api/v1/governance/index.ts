import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { registerChangeRoutes } from './changes.ts';
import { registerGoldenRoutes } from './golden.ts';
import { registerImportRoutes } from './imports.ts';
import { registerDataQualityRoutes } from '../data-quality.ts';

/** Master-data governance (docs/governance.md): golden records, imports, maker-checker. */
export function registerGovernanceRoutes(app: App, ctx: ApiContext): void {
  registerGoldenRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerChangeRoutes(app, ctx);
  registerDataQualityRoutes(app, ctx);
}

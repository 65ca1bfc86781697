import type { App } from '../../../platform/http/server.ts';
import type { ApiContext } from '../../context.ts';
import { registerInvoiceRoutes } from './invoices.ts';
import { registerExpenseDocumentRoutes } from './expense-documents.ts';
import { registerAttachmentRoutes } from './attachments.ts';
import { registerApprovalTaskRoutes } from './approval-tasks.ts';
import { registerDelegationRoutes } from './delegations.ts';
import { registerNotificationRoutes } from './notifications.ts';
import { registerBudgetRoutes } from './budgets.ts';
import { registerRuleSetRoutes } from './rules.ts';
import { registerExternalApproverRoutes } from './external-approvers.ts';
import { registerPeriodRoutes } from './periods.ts';

/**
 * The expense lifecycle's API, one module per resource: invoices, expense documents (claims, requests,
 * advances), attachments, approval tasks, delegations, notifications, budgets, rule sets, external
 * approvers and their signed callbacks, periods. `wake` tells the posting worker there is work.
 */
export function registerExpenseRoutes(app: App, ctx: ApiContext, wake: () => void): void {
  registerInvoiceRoutes(app, ctx);
  registerExpenseDocumentRoutes(app, ctx, wake);
  registerAttachmentRoutes(app, ctx);
  registerApprovalTaskRoutes(app, ctx, wake);
  registerDelegationRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerBudgetRoutes(app, ctx);
  registerRuleSetRoutes(app, ctx);
  registerExternalApproverRoutes(app, ctx, wake);
  registerPeriodRoutes(app, ctx);
}

/**
 * Generated from the FinBridge OpenAPI document by `npm run client:generate`
 * (scripts/console-client.ts, openapi-typescript). Do not edit: `npm run lint:client` fails when
 * this file and the server disagree.
 */
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify FinBridge access tokens (current and retiring) */
        get: operations["jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth 2.0 authorization server metadata (RFC 8414) */
        get: operations["oauthMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts (会计科目) */
        get: operations["listAccounts"];
        put?: never;
        /** Create a account (会计科目) */
        post: operations["createAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many accounts by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertAccounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one account (会计科目) */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a account (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/api/v1/advances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** advances: mine, pending my approval, or by status, employee, department and date */
        get: operations["listAdvance"];
        put?: never;
        /** Draft a new advance (借款单) */
        post: operations["createAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One advance with lines, risk tags and every transition */
        get: operations["getAdvance"];
        /** Change a advance while it is a draft, rejected or withdrawn (If-Match: its version) */
        put: operations["replaceAdvance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment of a posted advance */
        post: operations["payAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/repayments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record cash repaid on an advance */
        post: operations["repaymentsAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a posted advance with a red-letter voucher (红冲) */
        post: operations["reverseAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a advance: audit rules, budget, approval routing */
        post: operations["submitAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/voucher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview the voucher the advance will post (balanced, mapped by the posting rules) */
        get: operations["previewVoucherOfAdvance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/advances/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted advance (budget, invoices and advances are released) */
        post: operations["withdrawAdvance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My approval tasks (pending by default), with the document and its risk tags */
        get: operations["listMyApprovalTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a task assigned to me */
        post: operations["approveTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks/{id}/delegate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a task assigned to me to another employee (转交) */
        post: operations["delegateTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a task assigned to me (a comment is required) */
        post: operations["rejectTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first; filter by entity, actor, action and time */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log:verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-compute the company’s audit hash chain and list every entry that does not fit */
        post: operations["verifyAuditLog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Budget execution for any slice: budget, occupied, actual, available */
        get: operations["budgetExecution"];
        put?: never;
        /** Set a budget for a department × category × period slice */
        post: operations["createBudget"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a budget’s amount or control (If-Match: its version) */
        patch: operations["updateBudget"];
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API clients of the company */
        get: operations["listClients"];
        put?: never;
        /** Create an API client; the response is the only time the secret is shown */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API client: its tokens stop working at once */
        post: operations["revokeClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The company (tenant) the caller belongs to 本公司 */
        get: operations["listCompanies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the caller’s company by id 公司详情 */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ERP connections */
        get: operations["listConnections"];
        put?: never;
        /** Register an ERP connection (credentials are stored encrypted and never returned) */
        post: operations["createConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ERP connection */
        get: operations["getConnection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a connection: address, settings, credentials, rate limit, pause/resume */
        patch: operations["updateConnection"];
        trace?: never;
    };
    "/api/v1/connections/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Map a document as a posting would and return the wire request without sending it
         * @description `explain` says which rule produced each ERP reference; `warnings` lists references the ERP does not have per the last pulled master data.
         */
        post: operations["dryRunConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/mapping-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of the connection’s mapping profile, newest first */
        get: operations["listMappingProfiles"];
        put?: never;
        /**
         * Save the next version of the mapping profile (value maps and connector settings)
         * @description Refused (422, one error per code) when a value map points at an account, supplier, department or employee the ERP does not have, judged by the master data last pulled from it. Objects never pulled are listed in `unverified`.
         */
        post: operations["createMappingProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/mapping-profiles/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the mapping profile (0 = built-in defaults) */
        get: operations["getMappingProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pull state per object: schedule, watermark, last success, counts, last error */
        get: operations["listSyncStates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync/{object}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull one object now, incrementally from its watermark; answers when the pull is done */
        post: operations["runSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/sync/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set how often each object is pulled (seconds; null stops the schedule) */
        put: operations["setSyncSchedules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the ERP and make a harmless read; reports the latency and the ERP version, warning when it is not one the connector was tested against */
        post: operations["testConnection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The installed ERP connectors: what each can push and pull, and its settings and credential schemas */
        get: operations["listConnectors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-centers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cost centers (成本中心) */
        get: operations["listCostCenters"];
        put?: never;
        /** Create a cost center (成本中心) */
        post: operations["createCostCenter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-centers:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many cost centers by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertCostCenters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-centers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one cost center (成本中心) */
        get: operations["getCostCenter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a cost center (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateCostCenter"];
        trace?: never;
    };
    "/api/v1/currencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List currencys (币种) */
        get: operations["listCurrencies"];
        put?: never;
        /** Create a currency (币种) */
        post: operations["createCurrency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/currencies:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many currencys by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertCurrencies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/currencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one currency (币种) */
        get: operations["getCurrency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a currency (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateCurrency"];
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers (客户) */
        get: operations["listCustomers"];
        put?: never;
        /** Create a customer (客户) */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many customers by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one customer (客户) */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a customer (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/api/v1/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let another employee approve in my place between two dates (finance may set it for anyone) */
        post: operations["createDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List departments (部门) */
        get: operations["listDepartments"];
        put?: never;
        /** Create a department (部门) */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many departments by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertDepartments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one department (部门) */
        get: operations["getDepartment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a department (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateDepartment"];
        trace?: never;
    };
    "/api/v1/documents/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Timeline of a document (or posting) from receipt to the ERP document number */
        get: operations["traceDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List employees (职员) */
        get: operations["listEmployees"];
        put?: never;
        /** Create a employee (职员) */
        post: operations["createEmployee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employees:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many employees by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertEmployees"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/employees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one employee (职员) */
        get: operations["getEmployee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a employee (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateEmployee"];
        trace?: never;
    };
    "/api/v1/exchange-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchange rates (汇率) */
        get: operations["listExchangeRates"];
        put?: never;
        /** Create a exchange rate (汇率) */
        post: operations["createExchangeRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange-rates:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many exchange rates by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertExchangeRates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exchange-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one exchange rate (汇率) */
        get: operations["getExchangeRate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a exchange rate (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateExchangeRate"];
        trace?: never;
    };
    "/api/v1/expense-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List expense categorys (费用类别) */
        get: operations["listExpenseCategories"];
        put?: never;
        /** Create a expense category (费用类别) */
        post: operations["createExpenseCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-categories:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many expense categorys by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertExpenseCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one expense category (费用类别) */
        get: operations["getExpenseCategory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a expense category (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateExpenseCategory"];
        trace?: never;
    };
    "/api/v1/expense-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** expense claims: mine, pending my approval, or by status, employee, department and date */
        get: operations["listExpenseClaim"];
        put?: never;
        /** Draft a new expense claim (报销单) */
        post: operations["createExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One expense claim with lines, risk tags and every transition */
        get: operations["getExpenseClaim"];
        /** Change a expense claim while it is a draft, rejected or withdrawn (If-Match: its version) */
        put: operations["replaceExpenseClaim"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a posted claim: the posted voucher is reversed in red and the new revision is posted (posted vouchers are never edited) */
        post: operations["correctionsExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the payment of a posted expense claim */
        post: operations["payExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a posted expense claim with a red-letter voucher (红冲) */
        post: operations["reverseExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a expense claim: audit rules, budget, approval routing */
        post: operations["submitExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/voucher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview the voucher the expense claim will post (balanced, mapped by the posting rules) */
        get: operations["previewVoucherOfExpenseClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-claims/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted expense claim (budget, invoices and advances are released) */
        post: operations["withdrawExpenseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-documents/{id}/approval-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every approval task of a document, round by round */
        get: operations["listDocumentTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-documents/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Files attached to a document (or an imported invoice), with SHA-256 */
        get: operations["listAttachments"];
        put?: never;
        /** Attach a file (receipt, contract) to a claim, request or advance; stored with its SHA-256 */
        post: operations["attachFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** expense requests: mine, pending my approval, or by status, employee, department and date */
        get: operations["listExpenseRequest"];
        put?: never;
        /** Draft a new expense request (申请单) */
        post: operations["createExpenseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One expense request with lines, risk tags and every transition */
        get: operations["getExpenseRequest"];
        /** Change a expense request while it is a draft, rejected or withdrawn (If-Match: its version) */
        put: operations["replaceExpenseRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-requests/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a expense request: audit rules, budget, approval routing */
        post: operations["submitExpenseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/expense-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a submitted expense request (budget, invoices and advances are released) */
        post: operations["withdrawExpenseRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external-approvers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** External approval systems (secrets are never returned) */
        get: operations["listExternalApprovers"];
        put?: never;
        /** Register an external approval system; the signing secret is returned once */
        post: operations["createExternalApprover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, filtered by status (unused, claimed, posted), owner, seller or issue date */
        get: operations["listInvoices"];
        put?: never;
        /** Register an invoice from structured data (checked, and refused if already registered) */
        post: operations["registerInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice, with the claim using it */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a fully-digital e-invoice (数电票) XML file; the original file is kept with its SHA-256 */
        post: operations["importInvoiceXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications: new tasks, reminders, decisions */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a payment (付款单) for posting to an ERP; answers at once with the posting (202)
         * @description The document is validated and stored with its posting in one transaction, mapped with the connection’s current mapping-profile version; a worker posts it. The same documentId and revision always map to the same external reference, so a resubmission returns the existing posting (200). Supplier bills and payments to a supplier are posted in order per supplier unless an orderingKey is given.
         */
        post: operations["submitPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/periods/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Close an accounting period to new claims and vouchers, or reopen it */
        put: operations["setPeriodStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postings, filtered by status (pending, sending, unknown, posted, rejected, dead) or connection */
        get: operations["listPostings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One posting */
        get: operations["getPosting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The canonical document a posting carries, as submitted (to dry-run it again after a mapping change) */
        get: operations["getPostingDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a rejected or dead posting again (after fixing its cause) */
        post: operations["replayPosting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send parked postings again in bulk, by status and optionally connection, document type and error code */
        post: operations["replayPostings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postings/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postings counted by status and connection, the waiting ones by age, the parked ones by error code */
        get: operations["summarizePostings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects (项目) */
        get: operations["listProjects"];
        put?: never;
        /** Create a project (项目) */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many projects by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertProjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one project (项目) */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a project (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/api/v1/rules/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The approval, audit or posting rules in force (version 0 = built-in default) */
        get: operations["getRules"];
        put?: never;
        /** Save a new version of a rule set (applies to documents submitted after it) */
        post: operations["saveRules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{kind}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every saved version of a rule set */
        get: operations["listRuleVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/supplier-bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a supplier bill (应付单) for posting to an ERP; answers at once with the posting (202)
         * @description The document is validated and stored with its posting in one transaction, mapped with the connection’s current mapping-profile version; a worker posts it. The same documentId and revision always map to the same external reference, so a resubmission returns the existing posting (200). Supplier bills and payments to a supplier are posted in order per supplier unless an orderingKey is given.
         */
        post: operations["submitSupplierBill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List suppliers (供应商) */
        get: operations["listSuppliers"];
        put?: never;
        /** Create a supplier (供应商) */
        post: operations["createSupplier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppliers:bulk-upsert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update many suppliers by code, with a result per item
         * @description Items are matched on their business key. Without `atomic`, valid items are written and invalid ones reported; with `atomic: true`, any invalid item fails the whole batch (422 bulk_failed) and nothing is written.
         */
        post: operations["bulkUpsertSuppliers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one supplier (供应商) */
        get: operations["getSupplier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a supplier (JSON merge patch; If-Match for optimistic locking) */
        patch: operations["updateSupplier"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Console users of the company */
        get: operations["listUsers"];
        put?: never;
        /** Create a console user with roles (employee, approver, finance, admin, auditor) */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vouchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a canonical voucher for posting to an ERP; answers at once with the posting (202)
         * @description The document is validated and stored with its posting in one transaction, mapped with the connection’s current mapping-profile version; a worker posts it. The same documentId and revision always map to the same external reference, so a resubmission returns the existing posting (200). Supplier bills and payments to a supplier are posted in order per supplier unless an orderingKey is given.
         */
        post: operations["submitVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vouchers:validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a canonical voucher (balanced, amounts exact, period matches date) without storing it */
        post: operations["validateVoucher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with username and password; sets the session cookie */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: ends the session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the caller is: user or API client, company, roles and scopes (and the CSRF token of a session) */
        get: operations["whoAmI"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider returns: opens a session and redirects to the console */
        get: operations["ssoCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects to the identity provider */
        get: operations["ssoLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Token introspection (RFC 7662), for tokens of the caller’s own company */
        post: operations["introspectToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an access token (RFC 7009); always 200 for a token the client may not revoke */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OAuth 2.0 token endpoint — client credentials grant (RFC 6749 §4.4) */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrations current */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Index of the canonical model’s JSON Schemas (标准数据接口) */
        get: operations["listSchemas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schemas/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One canonical JSON Schema (2020-12), e.g. /schemas/Voucher.json */
        get: operations["getSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/standards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Index of the field standards (code lists) of the canonical model */
        get: operations["listStandards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/standards/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One code list with zh-CN and en-US labels; tax-rates accept ?on=YYYY-MM-DD for the rates in force that day */
        get: operations["getStandard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/approvals/{tenantId}/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An external approver’s decision, signed with its secret (FinBridge-Signature) */
        post: operations["approvalCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Account
         * @description Chart-of-accounts entry (会计科目).
         */
        Account: {
            /** @description 辅助核算 every voucher line on this account must carry. */
            auxDimensions?: ("department" | "employee" | "supplier" | "customer" | "project" | "cost_center")[];
            /** @description 余额方向. */
            balanceDirection: "debit" | "credit";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /**
             * @description Leaf account that vouchers may post to.
             * @default true
             */
            postable: boolean;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /** @description Account class (科目类别). */
            type: "asset" | "liability" | "common" | "equity" | "cost" | "profit_loss";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * AccountInput
         * @description Chart-of-accounts entry (会计科目).
         */
        AccountInput: {
            /** @description 辅助核算 every voucher line on this account must carry. */
            auxDimensions?: ("department" | "employee" | "supplier" | "customer" | "project" | "cost_center")[];
            /** @description 余额方向. */
            balanceDirection: "debit" | "credit";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /**
             * @description Leaf account that vouchers may post to.
             * @default true
             */
            postable: boolean;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /** @description Account class (科目类别). */
            type: "asset" | "liability" | "common" | "equity" | "cost" | "profit_loss";
        };
        /**
         * Advance
         * @description Employee advance (借款单).
         */
        Advance: {
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            amount: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            expectedRepaymentOn?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            requestedOn: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            requestId?: string;
            title: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * AdvanceInput
         * @description Employee advance (借款单).
         */
        AdvanceInput: {
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            amount: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode?: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            expectedRepaymentOn?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            requestedOn: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            requestId?: string;
            title: string;
        };
        ApprovalCallbackResult: {
            document: {
                /**
                 * Format: uuid
                 * @description Identifier assigned by FinBridge (UUID v7).
                 */
                id: string;
                /** @description Lifecycle state: draft → submitted → approving → approved → posted → paid; rejected, withdrawn and reversed off the main line. */
                status: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
            };
            /** @description waiting = a later step not reached yet; pending = the assignee’s to decide. */
            status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            taskId: string;
        };
        /** @description An approval task. */
        ApprovalTaskView: {
            /** @description The employee to decide; null for an external task. */
            assignee: string | null;
            /** @description External tasks only: the callout to the external system. */
            callout: {
                attempts: number;
                error: string | null;
                status: ("pending" | "sent" | "failed") | null;
            } | null;
            comment: string | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            decidedAt: string | null;
            decidedBy: string | null;
            /** @description Whom the task was delegated from. */
            delegatedFrom: string | null;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            documentId: string;
            /** @description When a reminder is due. */
            dueAt: string | null;
            /** @description The external approver’s code. */
            externalApprover: string | null;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description An employee decides, or an external system by signed callback. */
            kind: "person" | "external";
            /** @description all = countersign (会签), any = one of them (或签). */
            mode: "all" | "any";
            /** @description Reminders sent so far. */
            reminders: number;
            /** @description Each submission starts a new round. */
            round: number;
            /** @description The step’s position in the approval policy. */
            stage: number;
            /** @description waiting = a later step not reached yet; pending = the assignee’s to decide. */
            status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
            /** @description The step’s id in the approval policy. */
            stepId: string;
        };
        AttachmentView: {
            contentType: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description The document (or imported invoice) it belongs to.
             */
            documentId: string;
            fileName: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description SHA-256 of the content, hex. */
            sha256: string;
            sizeBytes: number;
        };
        /**
         * BankStatementLine
         * @description Bank statement line (银行流水).
         */
        BankStatementLine: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            bankAccountNumber: string;
            /** @description The bank’s own transaction id (unique per account). */
            bankReference: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            bookedOn: string;
            counterpartyAccount?: string;
            counterpartyName?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            direction: "in" | "out";
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description 附言 / purpose. */
            memo?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            valueOn?: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * BankStatementLineInput
         * @description Bank statement line (银行流水).
         */
        BankStatementLineInput: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            bankAccountNumber: string;
            /** @description The bank’s own transaction id (unique per account). */
            bankReference: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            bookedOn: string;
            counterpartyAccount?: string;
            counterpartyName?: string;
            direction: "in" | "out";
            /** @description 附言 / purpose. */
            memo?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            valueOn?: string;
        };
        /**
         * Budget
         * @description Budget (预算) by department × category × period.
         */
        Budget: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode: string;
            /** @description What happens when exceeded. */
            control: "warn" | "block";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description A period (2026-11), a quarter (2026-Q4) or a year (2026). */
            period: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        BudgetExecution: {
            items: components["schemas"]["BudgetView"][];
            /** @description Sums over the items. */
            totals: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                actual: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                available: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                budget: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                occupied: string;
            };
        };
        /**
         * BudgetInput
         * @description Budget (预算) by department × category × period.
         */
        BudgetInput: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode: string;
            /** @description What happens when exceeded. */
            control: "warn" | "block";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description A period (2026-11), a quarter (2026-Q4) or a year (2026). */
            period: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
        };
        BudgetView: {
            /**
             * @description Spent by posted documents.
             * @example 1234.50
             */
            actual: string;
            /** @description The budget: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: string;
            };
            /**
             * @description amount − occupied − actual (negative when overrun).
             * @example 1234.50
             */
            available: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode: string;
            /** @description What happens when exceeded. */
            control: "warn" | "block";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /**
             * @description Held by submitted documents.
             * @example 1234.50
             */
            occupied: string;
            /** @description A period (2026-11), a quarter (2026-Q4) or a year (2026). */
            period: string;
            /** @description The project, or null for a budget of no single project. */
            projectCode: string | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            version: number;
        };
        /** @description A warning found by the checks. */
        CheckWarning: {
            /** @description The finding in en-US. */
            en: string;
            /** @description JSON pointer to the field concerned. */
            pointer?: string;
            /** @description The rule that found it, e.g. near_duplicate_invoice, per_diem. */
            rule: string;
            /** @description The finding in zh-CN. */
            zh: string;
        };
        /**
         * Company
         * @description A company (tenant): legal entity, base currency, fiscal calendar.
         */
        Company: {
            /** @description CAS = 企业会计准则, ASBE-small = 小企业会计准则. */
            accountingStandard: "CAS" | "ASBE-small" | "IFRS";
            /** @description Registered address. */
            address?: string;
            /** @description ISO 4217 currency code. */
            baseCurrency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description Fiscal calendar: 12 monthly periods plus optional special periods. */
            fiscalCalendar: {
                /**
                 * @description Month the fiscal year starts (China: 1).
                 * @default 1
                 */
                firstMonth: number;
                /**
                 * @description Closing periods 13–16 after month 12.
                 * @default 0
                 */
                specialPeriods: number;
            };
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * CompanyInput
         * @description A company (tenant): legal entity, base currency, fiscal calendar.
         */
        CompanyInput: {
            /** @description CAS = 企业会计准则, ASBE-small = 小企业会计准则. */
            accountingStandard: "CAS" | "ASBE-small" | "IFRS";
            /** @description Registered address. */
            address?: string;
            /** @description ISO 4217 currency code. */
            baseCurrency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Fiscal calendar: 12 monthly periods plus optional special periods. */
            fiscalCalendar: {
                /**
                 * @description Month the fiscal year starts (China: 1).
                 * @default 1
                 */
                firstMonth: number;
                /**
                 * @description Closing periods 13–16 after month 12.
                 * @default 0
                 */
                specialPeriods: number;
            };
            /** @description Display name. */
            name: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
        };
        /**
         * CostCenter
         * @description Cost center (成本中心).
         */
        CostCenter: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * CostCenterInput
         * @description Cost center (成本中心).
         */
        CostCenterInput: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode?: string;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
        };
        /**
         * Currency
         * @description Currency enabled for the company (ISO 4217).
         */
        Currency: {
            /** @description ISO 4217 currency code. */
            code: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description Digits after the decimal point. */
            exponent: number;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            symbol?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * CurrencyInput
         * @description Currency enabled for the company (ISO 4217).
         */
        CurrencyInput: {
            /** @description ISO 4217 currency code. */
            code: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Digits after the decimal point. */
            exponent: number;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            symbol?: string;
        };
        /**
         * Customer
         * @description Customer (客户).
         */
        Customer: {
            /** @description Registered address. */
            address?: string;
            bankAccounts?: {
                /** @description Display name. */
                accountName?: string;
                /** @description Bank account number. */
                accountNumber: string;
                /** @description Display name. */
                bankName: string;
                /** @description 12-digit CNAPS bank code (联行号). */
                cnaps?: string;
                primary?: boolean;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            contact?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            phone?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * CustomerInput
         * @description Customer (客户).
         */
        CustomerInput: {
            /** @description Registered address. */
            address?: string;
            bankAccounts?: {
                /** @description Display name. */
                accountName?: string;
                /** @description Bank account number. */
                accountNumber: string;
                /** @description Display name. */
                bankName: string;
                /** @description 12-digit CNAPS bank code (联行号). */
                cnaps?: string;
                primary?: boolean;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            contact?: string;
            /** @description Display name. */
            name: string;
            phone?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
        };
        DelegationView: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            delegateCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            delegatorCode: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            fromOn: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            reason: string | null;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            toOn: string;
        };
        /**
         * Department
         * @description Department (部门) in the org chart.
         */
        Department: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            costCenterCode?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Expense nature: management → 管理费用, sales → 销售费用, production → 制造费用, rnd → 研发费用. */
            kind: "management" | "sales" | "production" | "rnd";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerEmployeeCode?: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * DepartmentInput
         * @description Department (部门) in the org chart.
         */
        DepartmentInput: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            costCenterCode?: string;
            /** @description Expense nature: management → 管理费用, sales → 销售费用, production → 制造费用, rnd → 研发费用. */
            kind: "management" | "sales" | "production" | "rnd";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerEmployeeCode?: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
        };
        /** @description One step of the document’s history. */
        DocumentTransition: {
            /** @description Who moved it, as the audit log names actors: user:<name>, client:<id>, external:<task>, … */
            actor: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            at: string;
            comment: string | null;
            /** @description The state before; null when the document was created. */
            from: ("draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed") | null;
            /** @description Lifecycle state: draft → submitted → approving → approved → posted → paid; rejected, withdrawn and reversed off the main line. */
            to: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
        };
        /**
         * Employee
         * @description Employee (职员).
         */
        Employee: {
            /** @description Salary card for reimbursements. */
            bankAccount?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** Format: email */
            email?: string;
            /** @description Job grade, used by per-diem standards. */
            grade?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerCode?: string;
            mobile?: string;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * EmployeeInput
         * @description Employee (职员).
         */
        EmployeeInput: {
            /** @description Salary card for reimbursements. */
            bankAccount?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** Format: email */
            email?: string;
            /** @description Job grade, used by per-diem standards. */
            grade?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerCode?: string;
            mobile?: string;
            /** @description Display name. */
            name: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
        };
        /**
         * ExchangeRate
         * @description Exchange rate (汇率) valid from a date.
         */
        ExchangeRate: {
            /** @description ISO 4217 currency code. */
            base: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            effectiveOn: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description ISO 4217 currency code. */
            quote: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Exact decimal rate. */
            rate: string;
            /** @default spot */
            rateType: "spot" | "monthly" | "budget";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * ExchangeRateInput
         * @description Exchange rate (汇率) valid from a date.
         */
        ExchangeRateInput: {
            /** @description ISO 4217 currency code. */
            base: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            effectiveOn: string;
            /** @description ISO 4217 currency code. */
            quote: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Exact decimal rate. */
            rate: string;
            /** @default spot */
            rateType: "spot" | "monthly" | "budget";
        };
        /**
         * ExpenseCategory
         * @description Expense category (费用类别) mapped to accounts.
         */
        ExpenseCategory: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managementAccountCode?: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            salesAccountCode?: string;
            /** @description The standard category this maps to. */
            standardCategory: "travel" | "transport" | "accommodation" | "meals" | "entertainment" | "office" | "communication" | "training" | "meeting" | "toll" | "vehicle" | "postage" | "printing" | "consulting" | "software" | "rent" | "utilities" | "repair" | "advertising" | "recruitment" | "welfare" | "bank_charges" | "other";
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * ExpenseCategoryInput
         * @description Expense category (费用类别) mapped to accounts.
         */
        ExpenseCategoryInput: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managementAccountCode?: string;
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            parentCode?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            salesAccountCode?: string;
            /** @description The standard category this maps to. */
            standardCategory: "travel" | "transport" | "accommodation" | "meals" | "entertainment" | "office" | "communication" | "training" | "meeting" | "toll" | "vehicle" | "postage" | "printing" | "consulting" | "software" | "rent" | "utilities" | "repair" | "advertising" | "recruitment" | "welfare" | "bank_charges" | "other";
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
        };
        /**
         * ExpenseClaim
         * @description Expense claim (报销单).
         */
        ExpenseClaim: {
            advanceIds?: string[];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            claimedOn: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Expense lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                city?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                costCenterCode?: string;
                /** @description Days covered by a meal or daily allowance. */
                days?: number;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                invoiceIds?: string[];
                /** @description Hotel nights, for the per-diem standard. */
                nights?: number;
                /**
                 * Format: date
                 * @description Calendar date YYYY-MM-DD (no time zone).
                 */
                occurredOn: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                /**
                 * Format: date
                 * @description Last day of the trip this expense belongs to.
                 */
                tripEndOn?: string;
            }[];
            number?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            requestId?: string;
            /** @description 对公报销: the expense is owed to this supplier, not to the employee (credited to 应付账款). */
            supplierCode?: string;
            title: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * ExpenseClaimInput
         * @description Expense claim (报销单).
         */
        ExpenseClaimInput: {
            advanceIds?: string[];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            claimedOn: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /** @description Expense lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                city?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                costCenterCode?: string;
                /** @description Days covered by a meal or daily allowance. */
                days?: number;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                invoiceIds?: string[];
                /** @description Hotel nights, for the per-diem standard. */
                nights?: number;
                /**
                 * Format: date
                 * @description Calendar date YYYY-MM-DD (no time zone).
                 */
                occurredOn: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                /**
                 * Format: date
                 * @description Last day of the trip this expense belongs to.
                 */
                tripEndOn?: string;
            }[];
            number?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            requestId?: string;
            /** @description 对公报销: the expense is owed to this supplier, not to the employee (credited to 应付账款). */
            supplierCode?: string;
            title: string;
        };
        /** @description An expense claim (报销单), request (申请单) or advance (借款单). */
        ExpenseDocumentView: {
            /** @description Advances only: what became of the money. */
            advance?: {
                /**
                 * @description Offset against claims.
                 * @example 1234.50
                 */
                offset: string;
                /**
                 * @description Still owed by the employee.
                 * @example 1234.50
                 */
                outstanding: string;
                /**
                 * @description Repaid in cash.
                 * @example 1234.50
                 */
                repaid: string;
            };
            /** @description Claims only: the advances it offsets. */
            advanceIds?: string[];
            /** @description The approval rule-set version it was submitted under; null before submission. */
            approvalPolicyVersion: number | null;
            approvedAt: string | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            createdBy: string;
            /** @description ISO 4217 currency code. */
            currency: string;
            /**
             * Format: date
             * @description Claimed or requested on.
             */
            date: string;
            /**
             * @description Deductible input VAT, from the invoices.
             * @example 1234.50
             */
            deductibleTax: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description claim = 报销单, request = 费用申请单, advance = 借款单. */
            kind: "claim" | "request" | "advance";
            /** @description The lines; null in lists (read the document for them); [] for an advance. */
            lines: components["schemas"]["ExpenseLineView"][] | null;
            /** @description Document number, e.g. BX202611-0001. */
            number: string;
            paidAt: string | null;
            postedAt: string | null;
            /** @description The voucher’s posting to the ERP; null until approved with an ERP connection. */
            posting: {
                /** @description The ERP period it was posted in. */
                erpPeriod: string | null;
                /** @description The ERP’s number of the red-letter reversal. */
                erpReversalNumber: string | null;
                /** @description The ERP’s voucher number, once posted. */
                erpVoucherNumber: string | null;
                /**
                 * Format: uuid
                 * @description The hub posting (GET /api/v1/postings/{id}).
                 */
                id: string;
            } | null;
            /** @description Project code, or null. */
            projectCode: string | null;
            /** @description The pre-approval request a claim draws on. */
            requestId: string | null;
            /** @description Raised by each correction (更正). */
            revision: number;
            riskTags: components["schemas"]["RiskTag"][];
            /** @description Lifecycle state: draft → submitted → approving → approved → posted → paid; rejected, withdrawn and reversed off the main line. */
            status: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
            /** @description The status for people to read. */
            statusLabel: {
                /** @description en-US. */
                en: string;
                /** @description zh-CN. */
                zh: string;
            };
            submittedAt: string | null;
            /** @description 对公报销: the supplier the claim is owed to. */
            supplierCode?: string;
            title: string;
            /**
             * @description Gross total of the lines (an advance: its amount).
             * @example 1234.50
             */
            total: string;
            /** @description Every transition; null in lists. */
            transitions: components["schemas"]["DocumentTransition"][] | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Send it back in If-Match to change the document. */
            version: number;
        };
        /** @description An expense line as stored. */
        ExpenseLineView: {
            /**
             * @description Gross amount, tax included.
             * @example 1234.50
             */
            amount: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            categoryCode: string;
            /** @description City of the expense (per-diem standards). */
            city?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            costCenterCode?: string;
            /** @description Days covered by a meal or daily allowance. */
            days?: number;
            /**
             * @description Deductible input VAT of the line, derived from its invoices.
             * @example 1234.50
             */
            deductibleTax: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            description: string;
            /** @description The invoices the line claims (claims only; [] otherwise). */
            invoiceIds: string[];
            /** @description Position, from 1. */
            lineNo: number;
            /** @description Hotel nights. */
            nights?: number;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            occurredOn: string;
            /** @description Project code, or null. */
            projectCode: string | null;
            /**
             * @description The tax the claimant stated, if any.
             * @example 1234.50
             */
            tax?: string;
            /**
             * Format: date
             * @description Last day of the trip this expense belongs to.
             */
            tripEndOn?: string;
        };
        /**
         * ExpenseRequest
         * @description Expense pre-approval request (费用申请单).
         */
        ExpenseRequest: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Planned expenses. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                city?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                /**
                 * Format: date
                 * @description Planned date.
                 */
                occurredOn: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            requestedOn: string;
            title: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * ExpenseRequestInput
         * @description Expense pre-approval request (费用申请单).
         */
        ExpenseRequestInput: {
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            employeeCode: string;
            /** @description Planned expenses. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                city?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                /**
                 * Format: date
                 * @description Planned date.
                 */
                occurredOn: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            projectCode?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            requestedOn: string;
            title: string;
        };
        ExternalApproverView: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            name: string;
            /** @description Only an active approver receives callouts. */
            status: "active" | "inactive";
            /** Format: uri */
            url: string;
        };
        /**
         * InventoryMovement
         * @description Inventory movement (出入库单).
         */
        InventoryMovement: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            kind: "receipt" | "issue" | "transfer" | "adjustment";
            /** @description Movement lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /** @description Exact decimal unit price. */
                unitCost?: string;
            }[];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            movedOn: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            sourceOrderNumber?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            warehouseCode: string;
        };
        /**
         * InventoryMovementInput
         * @description Inventory movement (出入库单).
         */
        InventoryMovementInput: {
            kind: "receipt" | "issue" | "transfer" | "adjustment";
            /** @description Movement lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /** @description Exact decimal unit price. */
                unitCost?: string;
            }[];
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            movedOn: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            sourceOrderNumber?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            warehouseCode: string;
        };
        /**
         * Invoice
         * @description Chinese VAT invoice or ticket (发票).
         */
        Invoice: {
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            amount: string;
            /** @description Display name. */
            buyerName: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            buyerTaxId?: string;
            /** @description 校验码 (legacy e-invoices). */
            checkCode?: string;
            /** @description 发票代码 (legacy only). */
            code?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            issuedOn: string;
            lines?: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description 项目名称, e.g. "*信息技术服务*软件维护费". */
                itemName: string;
                quantity?: string;
                specification?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax: string;
                /** @description 税收分类编码. */
                taxClassificationCode?: string;
                /** @description Rate or "exempt" (免税). */
                taxRate: string | "exempt";
                unit?: string;
                unitPrice?: string;
            }[];
            /** @description 发票号码: 8 digits, or 20 for 数电票. */
            number: string;
            /** @description Passenger tickets: who travelled and how (air: amount = fare, excluding the fund). */
            passenger?: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                civilAviationFund?: string;
                /** @default true */
                domestic: boolean;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                fuelSurcharge?: string;
                /** @description Traveller named on the ticket. */
                name: string;
                /** @description Passenger transport kind, for the deemed input-VAT formula. */
                transport: "air" | "rail" | "road" | "water";
                /**
                 * Format: date
                 * @description Calendar date YYYY-MM-DD (no time zone).
                 */
                travelEndOn?: string;
            };
            /** @description 备注. */
            remark?: string;
            /** @description Display name. */
            sellerName: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            sellerTaxId?: string;
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            tax: string;
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            total: string;
            /** @description Invoice type. */
            type: "vat_special" | "vat_freight_special" | "motor_vehicle" | "vat_general" | "vat_e_special" | "vat_e_general" | "vat_roll" | "vat_e_toll" | "used_vehicle" | "digital_special" | "digital_general" | "digital_rail" | "digital_air" | "air_itinerary" | "train_ticket" | "passenger_ticket" | "taxi_receipt" | "quota_invoice" | "other";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * InvoiceInput
         * @description Chinese VAT invoice or ticket (发票).
         */
        InvoiceInput: {
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            amount: string;
            /** @description Display name. */
            buyerName: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            buyerTaxId?: string;
            /** @description 校验码 (legacy e-invoices). */
            checkCode?: string;
            /** @description 发票代码 (legacy only). */
            code?: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            issuedOn: string;
            lines?: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description 项目名称, e.g. "*信息技术服务*软件维护费". */
                itemName: string;
                quantity?: string;
                specification?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax: string;
                /** @description 税收分类编码. */
                taxClassificationCode?: string;
                /** @description Rate or "exempt" (免税). */
                taxRate: string | "exempt";
                unit?: string;
                unitPrice?: string;
            }[];
            /** @description 发票号码: 8 digits, or 20 for 数电票. */
            number: string;
            /** @description Passenger tickets: who travelled and how (air: amount = fare, excluding the fund). */
            passenger?: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                civilAviationFund?: string;
                /** @default true */
                domestic: boolean;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                fuelSurcharge?: string;
                /** @description Traveller named on the ticket. */
                name: string;
                /** @description Passenger transport kind, for the deemed input-VAT formula. */
                transport: "air" | "rail" | "road" | "water";
                /**
                 * Format: date
                 * @description Calendar date YYYY-MM-DD (no time zone).
                 */
                travelEndOn?: string;
            };
            /** @description 备注. */
            remark?: string;
            /** @description Display name. */
            sellerName: string;
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            sellerTaxId?: string;
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            tax: string;
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            total: string;
            /** @description Invoice type. */
            type: "vat_special" | "vat_freight_special" | "motor_vehicle" | "vat_general" | "vat_e_special" | "vat_e_general" | "vat_roll" | "vat_e_toll" | "used_vehicle" | "digital_special" | "digital_general" | "digital_rail" | "digital_air" | "air_itinerary" | "train_ticket" | "passenger_ticket" | "taxi_receipt" | "quota_invoice" | "other";
        };
        /** @description A registered invoice. */
        InvoiceView: {
            /**
             * @description Amount before tax.
             * @example 1234.50
             */
            amount: string;
            buyerName: string;
            /** @description Buyer’s USCC, when the invoice carries one. */
            buyerTaxId: string | null;
            /** @description 发票代码 (legacy invoices); null for 数电票. */
            code: string | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: string;
            /** @description What the invoice carries beyond its header: lines, check code, remark, passenger. */
            details: {
                /** @description 校验码 (legacy e-invoices). */
                checkCode?: string;
                lines?: {
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    amount: string;
                    /** @description 项目名称, e.g. "*信息技术服务*软件维护费". */
                    itemName: string;
                    quantity?: string;
                    specification?: string;
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    tax: string;
                    /** @description 税收分类编码. */
                    taxClassificationCode?: string;
                    /** @description Rate or "exempt" (免税). */
                    taxRate: string | "exempt";
                    unit?: string;
                    unitPrice?: string;
                }[];
                /** @description Passenger tickets: who travelled and how (air: amount = fare, excluding the fund). */
                passenger?: {
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    civilAviationFund?: string;
                    /** @default true */
                    domestic: boolean;
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    fuelSurcharge?: string;
                    /** @description Traveller named on the ticket. */
                    name: string;
                    /** @description Passenger transport kind, for the deemed input-VAT formula. */
                    transport: "air" | "rail" | "road" | "water";
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    travelEndOn?: string;
                };
                /** @description 备注. */
                remark?: string;
            };
            /** @description SHA-256 of the original file (imported XML). */
            fileSha256: string | null;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            issuedOn: string;
            /** @description 发票号码. */
            number: string;
            /** @description The employee who registered it, if one did. */
            ownerEmployeeCode: string | null;
            sellerName: string;
            /** @description Seller’s USCC, when the invoice carries one. */
            sellerTaxId: string | null;
            /** @description Registered from data, or imported from 数电票 XML. */
            source: "structured" | "xml";
            /** @description unused → claimed (on a live claim) → posted. */
            status: "unused" | "claimed" | "posted";
            /**
             * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
             * @example 1234.50
             */
            tax: string;
            /**
             * @description amount + tax.
             * @example 1234.50
             */
            total: string;
            /** @description Invoice type. */
            type: "vat_special" | "vat_freight_special" | "motor_vehicle" | "vat_general" | "vat_e_special" | "vat_e_general" | "vat_roll" | "vat_e_toll" | "used_vehicle" | "digital_special" | "digital_general" | "digital_rail" | "digital_air" | "air_itinerary" | "train_ticket" | "passenger_ticket" | "taxi_receipt" | "quota_invoice" | "other";
            /** @description The live claim using it (only on a single read); null otherwise. */
            usedBy: {
                /**
                 * Format: uuid
                 * @description Identifier assigned by FinBridge (UUID v7).
                 */
                documentId: string;
                number: string;
            } | null;
            /** @description Near-duplicates and other findings. */
            warnings: components["schemas"]["CheckWarning"][];
        };
        /** @description An approval task assigned to me, with its document. */
        MyApprovalTaskView: {
            /** @description The employee to decide; null for an external task. */
            assignee: string | null;
            /** @description External tasks only: the callout to the external system. */
            callout: {
                attempts: number;
                error: string | null;
                status: ("pending" | "sent" | "failed") | null;
            } | null;
            comment: string | null;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            decidedAt: string | null;
            decidedBy: string | null;
            /** @description Whom the task was delegated from. */
            delegatedFrom: string | null;
            /** @description The document to decide on. */
            document: {
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                employeeCode: string;
                /**
                 * Format: uuid
                 * @description Identifier assigned by FinBridge (UUID v7).
                 */
                id: string;
                /** @description claim = 报销单, request = 费用申请单, advance = 借款单. */
                kind: "claim" | "request" | "advance";
                number: string;
                riskTags: components["schemas"]["RiskTag"][];
                title: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                total: string;
            };
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            documentId: string;
            /** @description When a reminder is due. */
            dueAt: string | null;
            /** @description The external approver’s code. */
            externalApprover: string | null;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description An employee decides, or an external system by signed callback. */
            kind: "person" | "external";
            /** @description all = countersign (会签), any = one of them (或签). */
            mode: "all" | "any";
            /** @description Reminders sent so far. */
            reminders: number;
            /** @description Each submission starts a new round. */
            round: number;
            /** @description The step’s position in the approval policy. */
            stage: number;
            /** @description waiting = a later step not reached yet; pending = the assignee’s to decide. */
            status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
            /** @description The step’s id in the approval policy. */
            stepId: string;
        };
        NewExternalApprover: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            name: string;
            /** @description The signing secret; returned this once only. */
            secret: string;
            /** @description Only an active approver receives callouts. */
            status: "active" | "inactive";
            /** Format: uri */
            url: string;
        };
        NotificationView: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            documentId: string | null;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description What happened. */
            kind: "task_assigned" | "task_reminder" | "document_approved" | "document_rejected" | "callout_failed";
            /** @description A label or message in both languages. */
            message: {
                /** @description en-US. */
                en: string;
                /** @description zh-CN. */
                zh: string;
            };
            readAt: string | null;
            taskId: string | null;
        };
        /**
         * Payment
         * @description Payment (付款单).
         */
        Payment: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            bankAccountCode?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description 附言. */
            memo?: string;
            method: "bank_transfer" | "cash" | "bill" | "other";
            number?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            paidOn: string;
            payeeBankAccount?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            payeeCode: string;
            payeeKind: "employee" | "supplier" | "customer";
            sourceDocumentIds?: string[];
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * PaymentInput
         * @description Payment (付款单).
         */
        PaymentInput: {
            /** @description Money: amount as a decimal string plus ISO 4217 currency. */
            amount: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                /** @description ISO 4217 currency code. */
                currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            };
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            bankAccountCode?: string;
            /** @description 附言. */
            memo?: string;
            method: "bank_transfer" | "cash" | "bill" | "other";
            number?: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            paidOn: string;
            payeeBankAccount?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            payeeCode: string;
            payeeKind: "employee" | "supplier" | "customer";
            sourceDocumentIds?: string[];
        };
        PeriodStatusView: {
            /** @description Fiscal period YYYY-PP; 01–12 are months, 13–16 special closing periods. */
            period: string;
            /** @description closed = nothing new is claimed or posted into it. */
            status: "closed" | "open";
        };
        /**
         * Problem
         * @description RFC 9457 problem details with a stable code and field-level errors.
         */
        Problem: {
            /** @description Stable problem code (docs/errors.md). */
            code: "invalid_json" | "validation_failed" | "invalid_field" | "missing_field" | "unknown_field" | "wrong_type" | "payload_too_large" | "unsupported_media_type" | "invalid_cursor" | "invalid_query" | "malformed_url" | "path_segment_too_long" | "headers_too_large" | "request_timeout" | "bad_request" | "unstorable_text" | "money_not_string" | "invalid_money" | "money_too_precise" | "money_out_of_range" | "unknown_currency" | "currency_mismatch" | "invalid_decimal" | "invalid_date" | "invalid_uscc" | "invalid_org_code" | "invalid_tax_id" | "invalid_invoice_number" | "date_range_invalid" | "self_reference" | "same_currency" | "amount_not_positive" | "amount_negative" | "tax_rate_out_of_range" | "rate_not_positive" | "exponent_mismatch" | "unbalanced_voucher" | "voucher_line_both_sides" | "voucher_line_zero" | "voucher_needs_both_sides" | "period_mismatch" | "not_found" | "route_not_found" | "tenant_not_found" | "duplicate_code" | "reference_not_found" | "already_exists" | "reference_missing" | "value_not_allowed" | "value_not_storable" | "version_conflict" | "duplicate_in_batch" | "bulk_failed" | "bulk_too_large" | "authentication_required" | "invalid_token" | "insufficient_scope" | "csrf_token_invalid" | "invalid_scope" | "invalid_credentials" | "account_locked" | "rate_limited" | "invalid_idempotency_key" | "idempotency_key_reused" | "idempotency_key_in_flight" | "sso_not_configured" | "sso_failed" | "sso_unknown_user" | "webhook_signature_invalid" | "webhook_replayed" | "unknown_connection_type" | "connection_paused" | "posting_not_replayable" | "document_kind_unsupported" | "profile_codes_missing" | "unknown_sync_object" | "sync_running" | "invoice_duplicate" | "invoice_in_use" | "invoice_wrong_buyer" | "invoice_type_mismatch" | "invoice_arithmetic" | "tax_rate_not_in_force" | "invoice_xml_invalid" | "document_state_invalid" | "period_closed" | "budget_exceeded" | "audit_rule_blocked" | "request_not_usable" | "advance_not_usable" | "task_not_yours" | "task_already_decided" | "no_approver" | "document_not_yours" | "not_an_employee" | "rule_set_invalid" | "not_ready" | "internal_error";
            detail: string;
            errors?: {
                /** @description Stable code from docs/errors.md. */
                code: string;
                /** @description Localized message (Accept-Language: zh-CN or en-US). */
                message: string;
                /** @description JSON pointer (RFC 6901) to the offending field; "" = the whole document. */
                pointer: string;
            }[];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            /** @description urn:finbridge:problem:<code> */
            type: string;
        };
        /**
         * Project
         * @description Project (项目).
         */
        Project: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            endOn?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerEmployeeCode?: string;
            /** @description Display name. */
            name: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            startOn?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * ProjectInput
         * @description Project (项目).
         */
        ProjectInput: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            endOn?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            managerEmployeeCode?: string;
            /** @description Display name. */
            name: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            startOn?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
        };
        /**
         * PurchaseOrder
         * @description Purchase order (采购订单).
         */
        PurchaseOrder: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Order lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                description?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                taxRate?: string;
                /** @description Exact decimal unit price. */
                unitPrice: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            orderedOn: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            supplierCode: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * PurchaseOrderInput
         * @description Purchase order (采购订单).
         */
        PurchaseOrderInput: {
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            departmentCode?: string;
            /** @description Order lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                description?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                taxRate?: string;
                /** @description Exact decimal unit price. */
                unitPrice: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            orderedOn: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            supplierCode: string;
        };
        /** @description A risk tag approvers see (audit rules, budget, missing ERP connection). */
        RiskTag: {
            /** @description The finding in en-US. */
            en: string;
            /** @description JSON pointer to the field concerned. */
            pointer?: string;
            /** @description The rule that found it, e.g. near_duplicate_invoice, per_diem. */
            rule: string;
            /** @description block = the tag that stopped a submission. */
            severity: "warn" | "block";
            /** @description The finding in zh-CN. */
            zh: string;
        };
        /** @description A version of a rule set; `body` by `kind`. */
        RuleSetView: {
            /** ApprovalPolicy */
            body: {
                /** @description Remind an approver after this. */
                slaHours: number;
                steps: {
                    approvers: {
                        /** @enum {string} */
                        kind: "manager";
                        levels?: number;
                    } | {
                        /** @enum {string} */
                        kind: "department_head";
                    } | {
                        /** @enum {string} */
                        kind: "top_manager";
                    } | {
                        /** @enum {string} */
                        kind: "role";
                        role: string;
                    } | {
                        codes: string[];
                        /** @enum {string} */
                        kind: "employees";
                    } | {
                        /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                        approver: string;
                        /** @enum {string} */
                        kind: "external";
                    };
                    id: string;
                    /** @description any = one approver decides (或签); all = every approver must approve (会签). */
                    mode?: "any" | "all";
                    nameEn: string;
                    nameZh: string;
                    /** @description Runs at the same time as the step before it. */
                    parallel?: boolean;
                    /** @description All given conditions must hold. */
                    when?: {
                        categories?: string[];
                        departments?: string[];
                        kinds?: ("claim" | "request" | "advance")[];
                        /**
                         * @description Applies up to and including this.
                         * @example 1234.50
                         */
                        maxAmount?: string;
                        /**
                         * @description Applies when the total is above this.
                         * @example 1234.50
                         */
                        minAmount?: string;
                        projects?: string[];
                    };
                }[];
            };
            /** @description null for the built-in default. */
            createdAt: string | null;
            createdBy: string;
            /** @enum {string} */
            kind: "approval";
            note: string | null;
            /** @description 0 = the built-in default. */
            version: number;
        } | {
            /** AuditPolicy */
            body: {
                /** @description Public holidays (法定节假日). */
                holidays: string[];
                perDiem: {
                    cityTiers: {
                        [key: string]: string[];
                    };
                    defaultTier: string;
                    hotelCategories: string[];
                    mealCategories: string[];
                    standards: {
                        grades: string[];
                        /**
                         * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                         * @example 1234.50
                         */
                        hotelPerNight: string;
                        /**
                         * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                         * @example 1234.50
                         */
                        mealsPerDay: string;
                        tier: string;
                    }[];
                };
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                roundAmountMin: string;
                rules: {
                    duplicate_invoice: "block" | "warn" | "off";
                    invoice_after_trip: "block" | "warn" | "off";
                    over_request: "block" | "warn" | "off";
                    per_diem: "block" | "warn" | "off";
                    round_amount: "block" | "warn" | "off";
                    split_claim: "block" | "warn" | "off";
                    weekend_holiday: "block" | "warn" | "off";
                };
                splitThresholds: string[];
                splitWindowDays: number;
                /** @description Weekend days that are working days (调休). */
                workdays: string[];
            };
            /** @description null for the built-in default. */
            createdAt: string | null;
            createdBy: string;
            /** @enum {string} */
            kind: "audit";
            note: string | null;
            /** @description 0 = the built-in default. */
            version: number;
        } | {
            /** PostingPolicy */
            body: {
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                advanceAccount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                bankAccount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                employeePayableAccount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                inputVatAccount: string;
                /** @description Checked first, in order, before the category’s own accounts. */
                overrides: {
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    accountCode: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    category?: string;
                    departmentKind?: "management" | "sales" | "production" | "rnd";
                }[];
                /** @description 应付账款, for claims owed to a supplier. */
                payableAccount?: string;
                /** @description 凭证字, e.g. 记. */
                word: string;
            };
            /** @description null for the built-in default. */
            createdAt: string | null;
            createdBy: string;
            /** @enum {string} */
            kind: "posting";
            note: string | null;
            /** @description 0 = the built-in default. */
            version: number;
        };
        /**
         * SalesOrder
         * @description Sales order (销售订单).
         */
        SalesOrder: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            customerCode: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Order lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                description?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                taxRate?: string;
                /** @description Exact decimal unit price. */
                unitPrice: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            orderedOn: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * SalesOrderInput
         * @description Sales order (销售订单).
         */
        SalesOrderInput: {
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            customerCode: string;
            /** @description Order lines. */
            lines: {
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                amount: string;
                description?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                itemCode: string;
                /** @description Exact decimal quantity. */
                quantity: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                tax?: string;
                taxRate?: string;
                /** @description Exact decimal unit price. */
                unitPrice: string;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            number: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            orderedOn: string;
        };
        /**
         * Supplier
         * @description Supplier (供应商) with USCC tax id and bank accounts.
         */
        Supplier: {
            /** @description Registered address. */
            address?: string;
            bankAccounts?: {
                /** @description Display name. */
                accountName?: string;
                /** @description Bank account number. */
                accountNumber: string;
                /** @description Display name. */
                bankName: string;
                /** @description 12-digit CNAPS bank code (联行号). */
                cnaps?: string;
                primary?: boolean;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            contact?: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Display name. */
            name: string;
            paymentTermsDays?: number;
            phone?: string;
            shortName?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * SupplierBill
         * @description Supplier bill (应付单) for expenses.
         */
        SupplierBill: {
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            date: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            dueDate?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Expense lines. */
            lines: {
                /**
                 * @description 价税合计: gross amount, tax included.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
                /**
                 * @description Exact decimal rate, "0.13" = 13%.
                 * @example 0.13
                 */
                taxRate: string;
            }[];
            /** @description 备注. */
            memo?: string;
            /** @description Our bill number or the invoice number. */
            number?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            supplierCode: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * SupplierBillInput
         * @description Supplier bill (应付单) for expenses.
         */
        SupplierBillInput: {
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            date: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            dueDate?: string;
            /** @description Expense lines. */
            lines: {
                /**
                 * @description 价税合计: gross amount, tax included.
                 * @example 1234.50
                 */
                amount: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                description: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
                /**
                 * @description Exact decimal rate, "0.13" = 13%.
                 * @example 0.13
                 */
                taxRate: string;
            }[];
            /** @description 备注. */
            memo?: string;
            /** @description Our bill number or the invoice number. */
            number?: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            supplierCode: string;
        };
        /**
         * SupplierInput
         * @description Supplier (供应商) with USCC tax id and bank accounts.
         */
        SupplierInput: {
            /** @description Registered address. */
            address?: string;
            bankAccounts?: {
                /** @description Display name. */
                accountName?: string;
                /** @description Bank account number. */
                accountNumber: string;
                /** @description Display name. */
                bankName: string;
                /** @description 12-digit CNAPS bank code (联行号). */
                cnaps?: string;
                primary?: boolean;
            }[];
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            contact?: string;
            /** @description Display name. */
            name: string;
            paymentTermsDays?: number;
            phone?: string;
            shortName?: string;
            /**
             * @description Inactive master data stays for history but cannot be used on new documents.
             * @default active
             */
            status: "active" | "inactive";
            /**
             * @description 统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified.
             * @example 91110000600037341L
             */
            taxId: string;
        };
        TaskDecision: {
            document: components["schemas"]["ExpenseDocumentView"];
            task: components["schemas"]["ApprovalTaskView"];
        };
        /**
         * TaxRate
         * @description Tax code (税率) with its validity and tax accounts.
         */
        TaxRate: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            inputTaxAccountCode?: string;
            kind: "rate" | "levy" | "exempt";
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            outputTaxAccountCode?: string;
            /**
             * @description Exact decimal rate, "0.13" = 13%.
             * @example 0.13
             */
            rate: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            validFrom: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            validTo?: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
        };
        /**
         * TaxRateInput
         * @description Tax code (税率) with its validity and tax accounts.
         */
        TaxRateInput: {
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            code: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            inputTaxAccountCode?: string;
            kind: "rate" | "levy" | "exempt";
            /** @description Display name. */
            name: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            outputTaxAccountCode?: string;
            /**
             * @description Exact decimal rate, "0.13" = 13%.
             * @example 0.13
             */
            rate: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            validFrom: string;
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            validTo?: string;
        };
        /**
         * Voucher
         * @description Journal voucher (记账凭证), always balanced.
         */
        Voucher: {
            /** @description 附单据数. */
            attachments?: number;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            companyCode: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            createdAt: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            date: string;
            /** @description Idempotency reference written into the ERP. */
            externalReference?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            id: string;
            /** @description Voucher lines (分录). */
            lines: {
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                accountCode: string;
                /** @description 辅助核算 values by dimension, as master-data codes. */
                aux?: {
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    cost_center?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    customer?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    department?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    employee?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    project?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    supplier?: string;
                };
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                credit?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                debit?: string;
                exchangeRate?: string;
                /** @description 费用类别 of an expense line; when set, the mapping profile may choose the ERP account by it. */
                expenseCategory?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                originalAmount?: string;
                /** @description ISO 4217 currency code. */
                originalCurrency?: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
                /** @description 摘要. */
                summary: string;
                /**
                 * @description VAT rate of a tax line (e.g. "0.06"); the mapping profile may choose the ERP tax account by it.
                 * @example 0.13
                 */
                taxRate?: string;
            }[];
            /** @description Free note. */
            note?: string;
            /** @description 凭证号, assigned by the ledger if absent. */
            number?: number;
            /** @description Fiscal period YYYY-PP; 01–12 are months, 13–16 special closing periods. */
            period: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            preparedBy?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            sourceDocumentId?: string;
            summary: string;
            /**
             * Format: date-time
             * @description Instant in UTC, RFC 3339.
             */
            updatedAt: string;
            /** @description Optimistic-lock version; send it back on update. */
            version: number;
            /** @description 凭证字. */
            word: "记" | "收" | "付" | "转" | "现收" | "现付" | "银收" | "银付";
        };
        /**
         * VoucherInput
         * @description Journal voucher (记账凭证), always balanced.
         */
        VoucherInput: {
            /** @description 附单据数. */
            attachments?: number;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            companyCode: string;
            /** @description ISO 4217 currency code. */
            currency: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
            /**
             * Format: date
             * @description Calendar date YYYY-MM-DD (no time zone).
             */
            date: string;
            /** @description Idempotency reference written into the ERP. */
            externalReference?: string;
            /** @description Voucher lines (分录). */
            lines: {
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                accountCode: string;
                /** @description 辅助核算 values by dimension, as master-data codes. */
                aux?: {
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    cost_center?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    customer?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    department?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    employee?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    project?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    supplier?: string;
                };
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                credit?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                debit?: string;
                exchangeRate?: string;
                /** @description 费用类别 of an expense line; when set, the mapping profile may choose the ERP account by it. */
                expenseCategory?: string;
                /**
                 * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                 * @example 1234.50
                 */
                originalAmount?: string;
                /** @description ISO 4217 currency code. */
                originalCurrency?: "CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND";
                /** @description 摘要. */
                summary: string;
                /**
                 * @description VAT rate of a tax line (e.g. "0.06"); the mapping profile may choose the ERP tax account by it.
                 * @example 0.13
                 */
                taxRate?: string;
            }[];
            /** @description Free note. */
            note?: string;
            /** @description 凭证号, assigned by the ledger if absent. */
            number?: number;
            /** @description Fiscal period YYYY-PP; 01–12 are months, 13–16 special closing periods. */
            period: string;
            /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
            preparedBy?: string;
            /**
             * Format: uuid
             * @description Identifier assigned by FinBridge (UUID v7).
             */
            sourceDocumentId?: string;
            summary: string;
            /** @description 凭证字. */
            word: "记" | "收" | "付" | "转" | "现收" | "现付" | "银收" | "银付";
        };
        VoucherPreview: {
            /** @description Always true: an unbalanced voucher is refused instead. */
            balanced: boolean;
            /** @description The posting rule-set version that built it. */
            postingPolicyVersion: number;
            /**
             * @description Σ debit = Σ credit.
             * @example 1234.50
             */
            total: string;
            voucher: components["schemas"]["VoucherInput"];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** @enum {string} */
                            alg: "EdDSA";
                            /** @enum {string} */
                            crv: "Ed25519";
                            /** @description Key id, named in each token’s header. */
                            kid: string;
                            /**
                             * @description Octet key pair (RFC 8037).
                             * @enum {string}
                             */
                            kty: "OKP";
                            /** @enum {string} */
                            use: "sig";
                            /** @description The public key, base64url. */
                            x: string;
                        }[];
                    };
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    oauthMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        grant_types_supported: string[];
                        /** Format: uri */
                        introspection_endpoint: string;
                        introspection_endpoint_auth_methods_supported: string[];
                        /** Format: uri */
                        issuer: string;
                        /** Format: uri */
                        jwks_uri: string;
                        /** Format: uri */
                        revocation_endpoint: string;
                        revocation_endpoint_auth_methods_supported: string[];
                        scopes_supported: string[];
                        /** Format: uri */
                        token_endpoint: string;
                        token_endpoint_auth_methods_supported: string[];
                    };
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccounts: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Exact match on parentCode. */
                parentCode?: string;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Exact match on type. */
                type?: string;
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Account"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertAccounts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    auxDimensions?: ("department" | "employee" | "supplier" | "customer" | "project" | "cost_center")[] | null;
                    balanceDirection?: ("debit" | "credit") | null;
                    code?: string | null;
                    name?: string | null;
                    parentCode?: string | null;
                    postable?: boolean | null;
                    status?: ("active" | "inactive") | null;
                    type?: ("asset" | "liability" | "common" | "equity" | "cost" | "profit_loss") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAdvance: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                employeeCode?: string;
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                from?: string;
                limit?: number;
                /** @description Only the signed-in employee’s own documents. */
                mine?: boolean;
                /** @description Only documents waiting for my approval. */
                pending?: boolean;
                /** @description Only documents tagged by this rule, e.g. per_diem. */
                riskTag?: string;
                status?: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseDocumentView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceAdvance: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, e.g. "2". */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdvanceInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    paidOn: string;
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    repaymentsAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    amount: string;
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    repaidOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverseAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewVoucherOfAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherPreview"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawAdvance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyApprovalTasks: {
        parameters: {
            query?: {
                limit?: number;
                status?: "pending" | "approved" | "rejected" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyApprovalTaskView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDecision"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delegateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalTaskView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDecision"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                /** @description Cursor: entries with a lower sequence number. */
                before?: number;
                entityId?: string;
                entityType?: string;
                from?: string;
                limit?: number;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            action: string;
                            actor: string;
                            /** @description What the action recorded after it (any JSON: the input, or a summary); null when nothing. */
                            after: unknown;
                            at: string;
                            /** @description What the entity was before (any JSON, as the action recorded it); null when nothing was. */
                            before: unknown;
                            entityId: string;
                            entityType: string;
                            hash: string;
                            id: string;
                            requestId: string | null;
                            seq: number;
                        }[];
                        nextBefore: number | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: number;
                        intact: boolean;
                        problems: {
                            detail: string;
                            id: string | null;
                            kind: string;
                            seq: number;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    budgetExecution: {
        parameters: {
            query?: {
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                categoryCode?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                period?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                projectCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExecution"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createBudget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BudgetInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBudget: {
        parameters: {
            query?: never;
            header: {
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Decimal string with the currency's minor digits, e.g. "1234.50". JSON numbers are rejected.
                     * @example 1234.50
                     */
                    amount?: string;
                    control?: "warn" | "block";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            clientId: string;
                            createdAt: string;
                            createdBy: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            scopes: string[];
                            status: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: ("companies:read" | "master-data:read" | "master-data:write" | "vouchers:read" | "vouchers:write" | "claims:read" | "claims:write" | "approvals:write" | "budgets:read" | "budgets:write" | "rules:admin" | "connections:admin" | "clients:admin" | "users:admin" | "audit:read" | "metrics:read")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: {
                            clientId: string;
                            createdAt: string;
                            createdBy: string;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            scopes: string[];
                            status: string;
                        };
                        clientSecret: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientId: string;
                        createdAt: string;
                        createdBy: string;
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        scopes: string[];
                        status: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCompanies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Company"][];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConnections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            baseUrl: string;
                            createdAt: string;
                            /** @description The ERP version its last test found (POST …/test), null until one does. */
                            erpVersion: string | null;
                            hasCredentials: boolean;
                            id: string;
                            name: string;
                            rateLimitRps: number;
                            /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                            settings: {
                                [key: string]: unknown;
                            };
                            status: string;
                            type: string;
                            updatedAt: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createConnection: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where the ERP is: an http(s) address for most connectors; others name their schemes in their manifest's urlSchemes (file exchange: sftp:// or file://).
                     */
                    baseUrl: string;
                    /** @description Write-only: stored encrypted, never returned. Fields per type and sign-in kind: GET /api/v1/connectors. */
                    credentials: {
                        [key: string]: string;
                    };
                    name: string;
                    rateLimitRps?: number;
                    /** @description Pull schedule per object in seconds, e.g. {"suppliers": 3600}. */
                    schedules?: {
                        [key: string]: number | null;
                    };
                    /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                    settings: {
                        [key: string]: unknown;
                    };
                    /** @description Connection type, one of the installed connectors: kingdee-k3cloud, yonyou-u8, yonbip, sap-b1, sap-s4, oracle-fusion, file-exchange. */
                    type: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseUrl: string;
                        createdAt: string;
                        /** @description The ERP version its last test found (POST …/test), null until one does. */
                        erpVersion: string | null;
                        hasCredentials: boolean;
                        id: string;
                        name: string;
                        rateLimitRps: number;
                        /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                        settings: {
                            [key: string]: unknown;
                        };
                        status: string;
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseUrl: string;
                        createdAt: string;
                        /** @description The ERP version its last test found (POST …/test), null until one does. */
                        erpVersion: string | null;
                        hasCredentials: boolean;
                        id: string;
                        name: string;
                        rateLimitRps: number;
                        /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                        settings: {
                            [key: string]: unknown;
                        };
                        status: string;
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where the ERP is: an http(s) address for most connectors; others name their schemes in their manifest's urlSchemes (file exchange: sftp:// or file://).
                     */
                    baseUrl?: string;
                    /** @description Write-only: stored encrypted, never returned. Fields per type and sign-in kind: GET /api/v1/connectors. */
                    credentials?: {
                        [key: string]: string;
                    };
                    rateLimitRps?: number;
                    /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                    settings?: {
                        [key: string]: unknown;
                    };
                    status?: "active" | "paused";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseUrl: string;
                        createdAt: string;
                        /** @description The ERP version its last test found (POST …/test), null until one does. */
                        erpVersion: string | null;
                        hasCredentials: boolean;
                        id: string;
                        name: string;
                        rateLimitRps: number;
                        /** @description Settings of the connection type (schema per type: GET /api/v1/connectors). */
                        settings: {
                            [key: string]: unknown;
                        };
                        status: string;
                        type: string;
                        updatedAt: string;
                        version: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dryRunConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Voucher, SupplierBill or Payment. */
                    document: {
                        [key: string]: unknown;
                    };
                    documentId?: string;
                    kind: "voucher" | "supplier_bill" | "payment";
                    profileVersion?: number;
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        erpObject: string;
                        explain: {
                            field: string;
                            from: string;
                            object?: string;
                            rule: string;
                            source: string;
                            to: string;
                        }[];
                        externalReference: string;
                        operation: string;
                        /** @description The request body the connector would send, in the ERP’s own wire format. */
                        payload: {
                            [key: string]: unknown;
                        };
                        profileVersion: number;
                        unverified: string[];
                        warnings: {
                            code: string;
                            object: string;
                            pointer: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMappingProfiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            connectionId: string;
                            createdAt: string | null;
                            createdBy: string | null;
                            /** @description The ERP version the connection’s last test found when this version was saved. */
                            erpVersion: string | null;
                            note: string | null;
                            /** @description Connector-specific profile settings; their schema is the connector’s profileSettings (GET /api/v1/connectors). */
                            settings: {
                                [key: string]: unknown;
                            };
                            valueMaps: {
                                /** @description Our account code → ERP account number. */
                                accounts?: {
                                    [key: string]: string;
                                };
                                /** @description Department code → ERP department number. */
                                departments?: {
                                    [key: string]: string;
                                };
                                /** @description Employee code → ERP employee number. */
                                employees?: {
                                    [key: string]: string;
                                };
                                /** @description Expense category → ERP account number. */
                                expenseCategories?: {
                                    [key: string]: string;
                                };
                                /** @description Project code → ERP project number. */
                                projects?: {
                                    [key: string]: string;
                                };
                                /** @description Supplier code → ERP supplier number. */
                                suppliers?: {
                                    [key: string]: string;
                                };
                                /** @description VAT rate ("0.06") → ERP input-tax account number. */
                                taxRates?: {
                                    [key: string]: string;
                                };
                            };
                            /** @description 0 = the connector’s built-in defaults (nothing saved yet). */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @description The connector's settings (see its schema). */
                    settings?: {
                        [key: string]: unknown;
                    };
                    valueMaps?: {
                        /** @description Our account code → ERP account number. */
                        accounts?: {
                            [key: string]: string;
                        };
                        /** @description Department code → ERP department number. */
                        departments?: {
                            [key: string]: string;
                        };
                        /** @description Employee code → ERP employee number. */
                        employees?: {
                            [key: string]: string;
                        };
                        /** @description Expense category → ERP account number. */
                        expenseCategories?: {
                            [key: string]: string;
                        };
                        /** @description Project code → ERP project number. */
                        projects?: {
                            [key: string]: string;
                        };
                        /** @description Supplier code → ERP supplier number. */
                        suppliers?: {
                            [key: string]: string;
                        };
                        /** @description VAT rate ("0.06") → ERP input-tax account number. */
                        taxRates?: {
                            [key: string]: string;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connectionId: string;
                        createdAt: string | null;
                        createdBy: string | null;
                        /** @description The ERP version the connection’s last test found when this version was saved. */
                        erpVersion: string | null;
                        note: string | null;
                        /** @description Connector-specific profile settings; their schema is the connector’s profileSettings (GET /api/v1/connectors). */
                        settings: {
                            [key: string]: unknown;
                        };
                        valueMaps: {
                            /** @description Our account code → ERP account number. */
                            accounts?: {
                                [key: string]: string;
                            };
                            /** @description Department code → ERP department number. */
                            departments?: {
                                [key: string]: string;
                            };
                            /** @description Employee code → ERP employee number. */
                            employees?: {
                                [key: string]: string;
                            };
                            /** @description Expense category → ERP account number. */
                            expenseCategories?: {
                                [key: string]: string;
                            };
                            /** @description Project code → ERP project number. */
                            projects?: {
                                [key: string]: string;
                            };
                            /** @description Supplier code → ERP supplier number. */
                            suppliers?: {
                                [key: string]: string;
                            };
                            /** @description VAT rate ("0.06") → ERP input-tax account number. */
                            taxRates?: {
                                [key: string]: string;
                            };
                        };
                        /** @description 0 = the connector’s built-in defaults (nothing saved yet). */
                        version: number;
                    } & {
                        unverified: string[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMappingProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        connectionId: string;
                        createdAt: string | null;
                        createdBy: string | null;
                        /** @description The ERP version the connection’s last test found when this version was saved. */
                        erpVersion: string | null;
                        note: string | null;
                        /** @description Connector-specific profile settings; their schema is the connector’s profileSettings (GET /api/v1/connectors). */
                        settings: {
                            [key: string]: unknown;
                        };
                        valueMaps: {
                            /** @description Our account code → ERP account number. */
                            accounts?: {
                                [key: string]: string;
                            };
                            /** @description Department code → ERP department number. */
                            departments?: {
                                [key: string]: string;
                            };
                            /** @description Employee code → ERP employee number. */
                            employees?: {
                                [key: string]: string;
                            };
                            /** @description Expense category → ERP account number. */
                            expenseCategories?: {
                                [key: string]: string;
                            };
                            /** @description Project code → ERP project number. */
                            projects?: {
                                [key: string]: string;
                            };
                            /** @description Supplier code → ERP supplier number. */
                            suppliers?: {
                                [key: string]: string;
                            };
                            /** @description VAT rate ("0.06") → ERP input-tax account number. */
                            taxRates?: {
                                [key: string]: string;
                            };
                        };
                        /** @description 0 = the connector’s built-in defaults (nothing saved yet). */
                        version: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSyncStates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            everySeconds: number | null;
                            lastCount: number;
                            lastError: string | null;
                            lastRunAt: string | null;
                            lastSuccessAt: string | null;
                            nextRunAt: string | null;
                            object: string;
                            running: boolean;
                            totalCount: number;
                            watermark: {
                                modifiedAt: string;
                                number: string | null;
                            } | null;
                        }[];
                        pullable: string[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    runSync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                object: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        failure?: {
                            code: string;
                            message: string;
                            outcome: string;
                        };
                        object: string;
                        ok: boolean;
                        pages: number;
                        records: number;
                        state: {
                            everySeconds: number | null;
                            lastCount: number;
                            lastError: string | null;
                            lastRunAt: string | null;
                            lastSuccessAt: string | null;
                            nextRunAt: string | null;
                            object: string;
                            running: boolean;
                            totalCount: number;
                            watermark: {
                                modifiedAt: string;
                                number: string | null;
                            } | null;
                        };
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setSyncSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description e.g. {"suppliers": 3600, "accounts": 86400, "employees": null} */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            everySeconds: number | null;
                            lastCount: number;
                            lastError: string | null;
                            lastRunAt: string | null;
                            lastSuccessAt: string | null;
                            nextRunAt: string | null;
                            object: string;
                            running: boolean;
                            totalCount: number;
                            watermark: {
                                modifiedAt: string;
                                number: string | null;
                            } | null;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testConnection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        latencyMs: number;
                        /** @enum {boolean} */
                        ok: true;
                        /** @description Whether the connector was tested against that version. */
                        supported?: boolean;
                        /** @description The version the ERP reports. */
                        version?: string;
                        warning?: string;
                    } | {
                        code: string;
                        latencyMs: number;
                        /** @description The ERP's message, verbatim. */
                        message: string;
                        /** @enum {boolean} */
                        ok: false;
                        /** @description rejected, ambiguous, throttled, auth_expired or transient */
                        outcome: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConnectors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            authKinds: string[];
                            /** @description Per sign-in kind (settings.authKind). */
                            credentials: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            defaultRateLimitRps: number;
                            names: {
                                en: string;
                                zh: string;
                            };
                            /** @description A JSON Schema 2020-12 document. */
                            profileSettings: {
                                [key: string]: unknown;
                            };
                            pulls: {
                                [key: string]: {
                                    canonical: string;
                                    erpObject: string;
                                    pageLimit: number;
                                    watermarkField: string;
                                };
                            };
                            pushes: {
                                [key: string]: {
                                    batchLimit: number;
                                    canonical: string;
                                    erpObject: string;
                                    lifecycle: string[];
                                    reference: {
                                        field: string;
                                        lookup: string;
                                    };
                                };
                            };
                            /** @description A JSON Schema 2020-12 document. */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description Its built-in simulator: `finbridge sim <name>`. */
                            simulator: string;
                            /** @description The connection type that chooses this connector. */
                            type: string;
                            versions: string[];
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCostCenters: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Exact match on departmentCode. */
                departmentCode?: string;
                limit?: number;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CostCenter"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCostCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CostCenterInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostCenter"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertCostCenters: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCostCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostCenter"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCostCenter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string | null;
                    departmentCode?: string | null;
                    name?: string | null;
                    status?: ("active" | "inactive") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostCenter"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCurrencies: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Currency"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCurrency: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CurrencyInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Currency"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertCurrencies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrency: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Currency"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCurrency: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: ("CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND") | null;
                    exponent?: number | null;
                    name?: string | null;
                    status?: ("active" | "inactive") | null;
                    symbol?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Currency"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Exact match on taxId. */
                taxId?: string;
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Customer"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertCustomers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    bankAccounts?: {
                        /** @description Display name. */
                        accountName?: string;
                        /** @description Bank account number. */
                        accountNumber: string;
                        /** @description Display name. */
                        bankName: string;
                        /** @description 12-digit CNAPS bank code (联行号). */
                        cnaps?: string;
                        primary?: boolean;
                    }[] | null;
                    code?: string | null;
                    contact?: string | null;
                    name?: string | null;
                    phone?: string | null;
                    status?: ("active" | "inactive") | null;
                    taxId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    delegateCode: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    delegatorCode?: string;
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    fromOn: string;
                    reason?: string;
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    toOn: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: {
                /** @description Exact match on costCenterCode. */
                costCenterCode?: string;
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Exact match on kind. */
                kind?: string;
                limit?: number;
                /** @description Exact match on managerEmployeeCode. */
                managerEmployeeCode?: string;
                /** @description Exact match on parentCode. */
                parentCode?: string;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Department"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDepartment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertDepartments: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDepartment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDepartment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string | null;
                    costCenterCode?: string | null;
                    kind?: ("management" | "sales" | "production" | "rnd") | null;
                    managerEmployeeCode?: string | null;
                    name?: string | null;
                    parentCode?: string | null;
                    status?: ("active" | "inactive") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    traceDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            at: string;
                            /** @description What the event records; its fields depend on the event kind and the connector (informational). */
                            detail: {
                                [key: string]: unknown;
                            };
                            kind: string;
                            postingId: string;
                            seq: number;
                        }[];
                        postings: {
                            attempts: number;
                            connectionId: string;
                            createdAt: string;
                            documentId: string;
                            documentType: string;
                            erpId: string | null;
                            erpNumber: string | null;
                            externalReference: string;
                            id: string;
                            lastError: {
                                /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                                code: string;
                                /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                                message: string;
                                /** @description Why the ERP refused it, when its connector recognised the answer. */
                                reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                                reasonText: {
                                    "en-US": string;
                                    "zh-CN": string;
                                } | null;
                            } | null;
                            lastOutcome: string | null;
                            nextAttemptAt: string;
                            postedAt: string | null;
                            profileVersion: number | null;
                            status: string;
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEmployees: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Exact match on departmentCode. */
                departmentCode?: string;
                limit?: number;
                /** @description Exact match on managerCode. */
                managerCode?: string;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Employee"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmployeeInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertEmployees: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateEmployee: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bankAccount?: string | null;
                    code?: string | null;
                    departmentCode?: string | null;
                    email?: string | null;
                    grade?: string | null;
                    managerCode?: string | null;
                    mobile?: string | null;
                    name?: string | null;
                    status?: ("active" | "inactive") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Employee"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExchangeRates: {
        parameters: {
            query?: {
                /** @description Exact match on base. */
                base?: string;
                /** @description nextCursor of the previous page. */
                cursor?: string;
                /** @description Exact match on effectiveOn. */
                effectiveOn?: string;
                limit?: number;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                /** @description Exact match on quote. */
                quote?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExchangeRate"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExchangeRate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExchangeRateInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangeRate"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertExchangeRates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExchangeRate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangeRate"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateExchangeRate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    base?: ("CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND") | null;
                    effectiveOn?: string | null;
                    quote?: ("CNY" | "HKD" | "MOP" | "TWD" | "USD" | "EUR" | "GBP" | "JPY" | "KRW" | "SGD" | "AUD" | "NZD" | "CAD" | "CHF" | "SEK" | "NOK" | "DKK" | "RUB" | "INR" | "THB" | "MYR" | "IDR" | "PHP" | "VND" | "KZT" | "AED" | "SAR" | "BRL" | "MXN" | "ZAR" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" | "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND") | null;
                    rate?: string | null;
                    rateType?: ("spot" | "monthly" | "budget") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExchangeRate"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExpenseCategories: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Exact match on managementAccountCode. */
                managementAccountCode?: string;
                /** @description Exact match on parentCode. */
                parentCode?: string;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                /** @description Exact match on salesAccountCode. */
                salesAccountCode?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                /** @description Exact match on standardCategory. */
                standardCategory?: string;
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseCategory"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExpenseCategory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseCategoryInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseCategory"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertExpenseCategories: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExpenseCategory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseCategory"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateExpenseCategory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string | null;
                    managementAccountCode?: string | null;
                    name?: string | null;
                    parentCode?: string | null;
                    salesAccountCode?: string | null;
                    standardCategory?: ("travel" | "transport" | "accommodation" | "meals" | "entertainment" | "office" | "communication" | "training" | "meeting" | "toll" | "vehicle" | "postage" | "printing" | "consulting" | "software" | "rent" | "utilities" | "repair" | "advertising" | "recruitment" | "welfare" | "bank_charges" | "other") | null;
                    status?: ("active" | "inactive") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseCategory"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExpenseClaim: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                employeeCode?: string;
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                from?: string;
                limit?: number;
                /** @description Only the signed-in employee’s own documents. */
                mine?: boolean;
                /** @description Only documents waiting for my approval. */
                pending?: boolean;
                /** @description Only documents tagged by this rule, e.g. per_diem. */
                riskTag?: string;
                status?: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseDocumentView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseClaimInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceExpenseClaim: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, e.g. "2". */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseClaimInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    correctionsExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    claim: components["schemas"]["ExpenseClaimInput"];
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Calendar date YYYY-MM-DD (no time zone).
                     */
                    paidOn: string;
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverseExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    previewVoucherOfExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherPreview"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawExpenseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDocumentTasks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApprovalTaskView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AttachmentView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    attachFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contentBase64: string;
                    contentType: string;
                    fileName: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExpenseRequest: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                departmentCode?: string;
                /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                employeeCode?: string;
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                from?: string;
                limit?: number;
                /** @description Only the signed-in employee’s own documents. */
                mine?: boolean;
                /** @description Only documents waiting for my approval. */
                pending?: boolean;
                /** @description Only documents tagged by this rule, e.g. per_diem. */
                riskTag?: string;
                status?: "draft" | "submitted" | "approving" | "approved" | "posted" | "paid" | "rejected" | "withdrawn" | "reversed";
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExpenseDocumentView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExpenseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExpenseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceExpenseRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description The version read, e.g. "2". */
                "if-match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseRequestInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitExpenseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawExpenseRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseDocumentView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listExternalApprovers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ExternalApproverView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createExternalApprover: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    code: string;
                    name: string;
                    /** Format: uri */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewExternalApprover"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                from?: string;
                limit?: number;
                mine?: boolean;
                sellerTaxId?: string;
                status?: "unused" | "claimed" | "posted";
                /** @description Calendar date YYYY-MM-DD (no time zone). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InvoiceView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvoiceInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importInvoiceXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fileName?: string;
                    xml: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["NotificationView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitPayment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    connectionId: string;
                    documentId?: string;
                    orderingKey?: string;
                    payment: components["schemas"]["PaymentInput"];
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPeriodStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                period: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: "closed" | "open";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodStatusView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPostings: {
        parameters: {
            query?: {
                connectionId?: string;
                cursor?: string;
                /** @description The last failure's code (ERP's or hub's). */
                errorCode?: string;
                limit?: number;
                status?: "pending" | "sending" | "unknown" | "posted" | "rejected" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            attempts: number;
                            connectionId: string;
                            createdAt: string;
                            documentId: string;
                            documentType: string;
                            erpId: string | null;
                            erpNumber: string | null;
                            externalReference: string;
                            id: string;
                            lastError: {
                                /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                                code: string;
                                /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                                message: string;
                                /** @description Why the ERP refused it, when its connector recognised the answer. */
                                reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                                reasonText: {
                                    "en-US": string;
                                    "zh-CN": string;
                                } | null;
                            } | null;
                            lastOutcome: string | null;
                            nextAttemptAt: string;
                            postedAt: string | null;
                            profileVersion: number | null;
                            status: string;
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPostingDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Voucher, SupplierBill or Payment. */
                        document: {
                            [key: string]: unknown;
                        };
                        kind: "voucher" | "supplier_bill" | "payment";
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayPostings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    connectionId?: string;
                    documentType?: string;
                    errorCode?: string;
                    /** @default 500 */
                    limit?: number;
                    status: "rejected" | "dead";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ids: string[];
                        /** @description More postings match: send the same request again. */
                        more: boolean;
                        replayed: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    summarizePostings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        byConnection: {
                            byStatus: {
                                dead: number;
                                pending: number;
                                posted: number;
                                rejected: number;
                                sending: number;
                                unknown: number;
                            };
                            connectionId: string;
                            lastPostedAt: string | null;
                            name: string;
                            oldestOpenAt: string | null;
                            type: string;
                        }[];
                        byStatus: {
                            dead: number;
                            pending: number;
                            posted: number;
                            rejected: number;
                            sending: number;
                            unknown: number;
                        };
                        openByAge: {
                            older: number;
                            under1d: number;
                            under1h: number;
                            under1m: number;
                            under10m: number;
                        };
                        parkedByError: {
                            code: string;
                            count: number;
                            status: "rejected" | "dead";
                        }[];
                        total: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Exact match on managerEmployeeCode. */
                managerEmployeeCode?: string;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Project"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertProjects: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code?: string | null;
                    endOn?: string | null;
                    managerEmployeeCode?: string | null;
                    name?: string | null;
                    startOn?: string | null;
                    status?: ("active" | "inactive") | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "approval" | "audit" | "posting";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    saveRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "approval" | "audit" | "posting";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The rule set: an ApprovalPolicy, AuditPolicy or PostingPolicy, by kind (GET …/{kind} shows its shape). */
                    body: {
                        [key: string]: unknown;
                    };
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleSetView"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listRuleVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: "approval" | "audit" | "posting";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RuleSetView"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitSupplierBill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bill: components["schemas"]["SupplierBillInput"];
                    /** Format: uuid */
                    connectionId: string;
                    documentId?: string;
                    orderingKey?: string;
                    revision?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page. */
                cursor?: string;
                limit?: number;
                /** @description Case-insensitive text contained in code or name. */
                q?: string;
                sort?: "code" | "-code" | "name" | "-name" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt";
                status?: "active" | "inactive";
                /** @description Exact match on taxId. */
                taxId?: string;
                /** @description Only records changed after this instant (incremental sync). */
                updatedSince?: string;
            };
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Supplier"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierInput"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    bulkUpsertSuppliers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description All or nothing.
                     * @default false
                     */
                    atomic?: boolean;
                    /** @description At most 10000 items (413 bulk_too_large beyond). */
                    items: {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        atomic: boolean;
                        created: number;
                        failed: number;
                        items: {
                            errors?: {
                                code: string;
                                message: string;
                                pointer: string;
                            }[];
                            id?: string;
                            index: number;
                            key: string | null;
                            status: "created" | "updated" | "unchanged" | "failed";
                            version?: number;
                        }[];
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Version the change applies to, e.g. "3". */
                "if-match"?: string;
                /** @description Company (tenant) code or id the request acts on. */
                "x-tenant"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    bankAccounts?: {
                        /** @description Display name. */
                        accountName?: string;
                        /** @description Bank account number. */
                        accountNumber: string;
                        /** @description Display name. */
                        bankName: string;
                        /** @description 12-digit CNAPS bank code (联行号). */
                        cnaps?: string;
                        primary?: boolean;
                    }[] | null;
                    code?: string | null;
                    contact?: string | null;
                    name?: string | null;
                    paymentTermsDays?: number | null;
                    phone?: string | null;
                    shortName?: string | null;
                    status?: ("active" | "inactive") | null;
                    taxId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            displayName: string;
                            employeeCode: string | null;
                            id: string;
                            lastLoginAt: string | null;
                            roles: string[];
                            status: string;
                            username: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @description Business code, unique per company (e.g. "1002", "S0001", "2221.01.01"). */
                    employeeCode?: string;
                    password?: string;
                    roles: ("employee" | "approver" | "finance" | "admin" | "auditor" | "integration")[];
                    username: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        employeeCode: string | null;
                        id: string;
                        lastLoginAt: string | null;
                        roles: string[];
                        status: string;
                        username: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    connectionId: string;
                    documentId?: string;
                    orderingKey?: string;
                    revision?: number;
                    voucher: components["schemas"]["VoucherInput"];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        connectionId: string;
                        createdAt: string;
                        documentId: string;
                        documentType: string;
                        erpId: string | null;
                        erpNumber: string | null;
                        externalReference: string;
                        id: string;
                        lastError: {
                            /** @description The ERP's own code (or the hub's, e.g. exhausted). */
                            code: string;
                            /** @description The ERP's message, verbatim, in the language the ERP answered in. */
                            message: string;
                            /** @description Why the ERP refused it, when its connector recognised the answer. */
                            reason: ("period_closed" | "unknown_account" | "unknown_partner" | "unknown_dimension" | "unbalanced" | "duplicate_reference" | "not_authorized" | "invalid_value") | null;
                            reasonText: {
                                "en-US": string;
                                "zh-CN": string;
                            } | null;
                        } | null;
                        lastOutcome: string | null;
                        nextAttemptAt: string;
                        postedAt: string | null;
                        profileVersion: number | null;
                        status: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    validateVoucher: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoucherInput"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        lineCount: number;
                        totalCredit: string;
                        totalDebit: string;
                        /** @enum {boolean} */
                        valid: true;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrfToken: string;
                        expiresAt: string;
                        user: {
                            displayName: string;
                            employeeCode: string | null;
                            id: string;
                            lastLoginAt: string | null;
                            roles: string[];
                            status: string;
                            username: string;
                        };
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token, invalid_credentials, sso_failed, webhook_signature_invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: payload_too_large, bulk_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: account_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    whoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrfToken?: string;
                        id: string;
                        kind: string;
                        roles: string[];
                        scopes: string[];
                        tenantId: string;
                        user?: {
                            displayName: string;
                            employeeCode: string | null;
                            id: string;
                            lastLoginAt: string | null;
                            roles: string[];
                            status: string;
                            username: string;
                        };
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect */
            302: {
                headers: {
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token, invalid_credentials, sso_failed, webhook_signature_invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: insufficient_scope, csrf_token_invalid, sso_unknown_user, task_not_yours, document_not_yours, not_an_employee */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ssoLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect */
            302: {
                headers: {
                    location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token, invalid_credentials, sso_failed, webhook_signature_invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    introspectToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    client_id?: string;
                    client_secret?: string;
                    grant_type?: string;
                    scope?: string;
                    token?: string;
                    token_type_hint?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        aud?: string;
                        client_id?: string;
                        exp?: number;
                        iat?: number;
                        iss?: string;
                        jti?: string;
                        scope?: string;
                        sub?: string;
                        tenant?: string;
                        token_type?: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    client_id?: string;
                    client_secret?: string;
                    grant_type?: string;
                    scope?: string;
                    token?: string;
                    token_type_hint?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Always empty (RFC 7009). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    client_id?: string;
                    client_secret?: string;
                    grant_type?: string;
                    scope?: string;
                    token?: string;
                    token_type_hint?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        expires_in: number;
                        scope: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        error_description?: string;
                    };
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        engine: string;
                        /** @enum {string} */
                        migrations: "current";
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSchemas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            description: string;
                            name: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Schema 2020-12 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStandards: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            description: string;
                            name: string;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStandard: {
        parameters: {
            query?: {
                on?: string;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            code: string;
                            /** @description invoice-types: whether its VAT can be deducted. */
                            deductible?: boolean;
                            /** @description Label in en-US. */
                            en: string;
                            /** @description currencies: digits after the decimal point. */
                            exponent?: number;
                            /** @description invoice-types: what identifies an invoice of the type. */
                            identity?: "code+number" | "number20" | "number";
                            /** @description expense-categories: how its input VAT can be deducted. */
                            inputVat?: "passenger-transport" | "special-invoice" | "printed-tax" | "never";
                            /** @description tax-rates: a VAT rate, a levy rate (征收率) or exemption. */
                            kind?: "rate" | "levy" | "exempt";
                            /** @description currencies: ISO 4217 numeric code. */
                            numeric?: string;
                            /** @description invoice-types: the tax platform’s type code, if it has one. */
                            platformType?: string | null;
                            /** @description tax-rates: exact decimal, "0.13" = 13%. */
                            rate?: string;
                            /** @description account-types: the normal balance side. */
                            side?: "debit" | "credit";
                            /**
                             * Format: date
                             * @description tax-rates: first day the rate applies.
                             */
                            validFrom?: string;
                            /**
                             * Format: date
                             * @description tax-rates: last day; absent while in force.
                             */
                            validTo?: string;
                            /** @description Label in zh-CN. */
                            zh: string;
                        }[];
                        name: string;
                    };
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approvalCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
                tenantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalCallbackResult"];
                };
            };
            /** @description Problem: invalid_json, invalid_cursor, invalid_query, malformed_url, bad_request, invalid_idempotency_key */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: authentication_required, invalid_token, invalid_credentials, sso_failed, webhook_signature_invalid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: not_found, route_not_found, tenant_not_found, sso_not_configured, unknown_sync_object */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: duplicate_code, already_exists, version_conflict, idempotency_key_in_flight, webhook_replayed, connection_paused, posting_not_replayable, sync_running, invoice_duplicate, invoice_in_use, document_state_invalid, task_already_decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: validation_failed, invalid_field, missing_field, unknown_field, wrong_type, unstorable_text, money_not_string, invalid_money, money_too_precise, money_out_of_range, unknown_currency, currency_mismatch, invalid_decimal, invalid_date, invalid_uscc, invalid_org_code, invalid_tax_id, invalid_invoice_number, date_range_invalid, self_reference, same_currency, amount_not_positive, amount_negative, tax_rate_out_of_range, rate_not_positive, exponent_mismatch, unbalanced_voucher, voucher_line_both_sides, voucher_line_zero, voucher_needs_both_sides, period_mismatch, reference_not_found, reference_missing, value_not_allowed, value_not_storable, duplicate_in_batch, bulk_failed, invalid_scope, idempotency_key_reused, unknown_connection_type, document_kind_unsupported, profile_codes_missing, invoice_wrong_buyer, invoice_type_mismatch, invoice_arithmetic, tax_rate_not_in_force, invoice_xml_invalid, period_closed, budget_exceeded, audit_rule_blocked, request_not_usable, advance_not_usable, no_approver, rule_set_invalid */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem: rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

import {
  AuditOutlined,
  FileTextOutlined,
  HomeOutlined,
  PlusCircleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  ApiOutlined,
  BranchesOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  UnorderedListOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  CalendarOutlined,
  FundOutlined,
  PayCircleOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { BankOutlined, FileSearchOutlined, KeyOutlined, SyncOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import { ContainerOutlined } from '@ant-design/icons';
import { AuditOutlined as ChangesOutlined, CloudUploadOutlined, GoldOutlined } from '@ant-design/icons';
import { lazy, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { WhoAmI } from '../api/types.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

/**
 * Every page of the console, in one list: where it lives, what it is called in the menu and on the
 * home page, and who may see it. The menu, the routes and the home page are all built from this list,
 * so a page nobody may open is never offered (no menu item that only leads to a 403).
 *
 * To add a page: put it in pages/<area>/ (one file per page, default export) and add one entry here
 * with the roles and the scopes it needs — the scopes of the API routes it calls.
 */
export type Area = 'home' | 'employee' | 'approver' | 'finance' | 'integration' | 'governance' | 'admin';
export const AREAS: readonly Area[] = [
  'home',
  'employee',
  'approver',
  'finance',
  'integration',
  'governance',
  'admin',
];

export interface Page {
  /** Stable id (menu key, test hook). */
  readonly id: string;
  readonly area: Area;
  /** The menu's path, and any further paths that open the same page (details). */
  readonly path: string;
  readonly morePaths?: readonly string[];
  readonly label: MessageKey;
  /** One line for the home page; pages without one are not listed there. */
  readonly description?: MessageKey;
  readonly icon: ReactNode;
  /** Any one of these roles (none listed: every role). */
  readonly roles?: readonly string[];
  /** Every one of these scopes. */
  readonly scopes: readonly string[];
  readonly component: ComponentType;
  /** Shown beside the menu label (e.g. how many tasks wait); loaded on its own, renders nothing when idle. */
  readonly badge?: LazyExoticComponent<ComponentType>;
  /** Fetches the page's code (the same request the component makes): started early for the opening URL. */
  readonly load: () => Promise<unknown>;
}

/**
 * A page's component and its loader, sharing one request. Once its code has arrived (the opening page's
 * is fetched before the first render) the page renders at once; before that, through React's lazy.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): Pick<Page, 'component' | 'load'> {
  let loading: Promise<{ default: ComponentType }> | undefined;
  let loaded: ComponentType | undefined;
  const once = () =>
    (loading ??= load().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(once);
  function PageComponent() {
    // decided once per mount: switching from the lazy one to the loaded one would mount the page again
    const [Ready] = useState(() => loaded);
    return Ready === undefined ? <Lazy /> : <Ready />;
  }
  return { component: PageComponent, load: once };
}

/** Roles whose people are employees: they have claims of their own. */
const STAFF = ['employee', 'approver', 'finance'];

export const PAGES: readonly Page[] = [
  {
    id: 'home',
    area: 'home',
    path: '/',
    label: 'nav.home',
    icon: <HomeOutlined />,
    scopes: [],
    ...lazyPage(() => import('../pages/home/home-page.tsx')),
  },
  {
    id: 'my-claims',
    area: 'employee',
    path: '/claims',
    morePaths: ['/claims/:id'],
    label: 'nav.myClaims',
    description: 'home.myClaims.desc',
    icon: <FileTextOutlined />,
    roles: STAFF,
    scopes: ['claims:read'],
    ...lazyPage(() => import('../pages/employee/my-claims-page.tsx')),
  },
  {
    id: 'new-claim',
    area: 'employee',
    path: '/claims/new',
    label: 'nav.newClaim',
    description: 'home.newClaim.desc',
    icon: <PlusCircleOutlined />,
    roles: STAFF,
    scopes: ['claims:write', 'master-data:read'],
    ...lazyPage(() => import('../pages/employee/new-claim-page.tsx')),
  },
  {
    id: 'new-request',
    area: 'employee',
    path: '/requests/new',
    label: 'nav.newRequest',
    description: 'home.newRequest.desc',
    icon: <PlusCircleOutlined />,
    roles: STAFF,
    scopes: ['claims:write', 'master-data:read'],
    ...lazyPage(() => import('../pages/employee/new-request-page.tsx')),
  },
  {
    id: 'new-advance',
    area: 'employee',
    path: '/advances/new',
    label: 'nav.newAdvance',
    description: 'home.newAdvance.desc',
    icon: <PlusCircleOutlined />,
    roles: STAFF,
    scopes: ['claims:write', 'master-data:read'],
    ...lazyPage(() => import('../pages/employee/new-advance-page.tsx')),
  },
  {
    id: 'approver-inbox',
    area: 'approver',
    path: '/approvals',
    morePaths: ['/approvals/:taskId'],
    label: 'nav.approvals',
    description: 'home.approvals.desc',
    icon: <AuditOutlined />,
    // people who decide (approvers, and finance as the finance-review step); budgets are shown when
    // the session also has budgets:read
    roles: ['approver', 'finance'],
    scopes: ['approvals:write', 'claims:read'],
    ...lazyPage(() => import('../pages/approver/inbox-page.tsx')),
    badge: lazy(() => import('../pages/approver/count-badge.tsx')),
  },
  // finance staff (issue #16 item 5): role finance, with the scopes of the routes each page calls
  {
    id: 'finance-audit',
    area: 'finance',
    path: '/finance/audit',
    morePaths: ['/finance/audit/:taskId'],
    label: 'finance.nav.audit',
    description: 'finance.home.audit',
    icon: <SafetyCertificateOutlined />,
    roles: ['finance'],
    scopes: ['approvals:write', 'claims:read', 'companies:read'],
    ...lazyPage(() => import('../pages/finance/audit-queue-page.tsx')),
  },
  {
    id: 'finance-budgets',
    area: 'finance',
    path: '/finance/budgets',
    label: 'finance.nav.budgets',
    description: 'finance.home.budgets',
    icon: <FundOutlined />,
    roles: ['finance'],
    scopes: ['budgets:read', 'budgets:write'],
    ...lazyPage(() => import('../pages/finance/budgets-page.tsx')),
  },
  // spend analytics (issue #19): whoever holds analytics:read — finance, managers (approver), auditors
  {
    id: 'analytics',
    area: 'finance',
    path: '/analytics',
    label: 'analytics.nav',
    description: 'analytics.home',
    icon: <BarChartOutlined />,
    scopes: ['analytics:read'],
    ...lazyPage(() => import('../pages/analytics/analytics-page.tsx')),
  },
  {
    id: 'finance-periods',
    area: 'finance',
    path: '/finance/periods',
    label: 'finance.nav.periods',
    description: 'finance.home.periods',
    icon: <CalendarOutlined />,
    roles: ['finance'],
    scopes: ['claims:read', 'rules:admin'],
    ...lazyPage(() => import('../pages/finance/periods-page.tsx')),
  },
  {
    id: 'finance-rules',
    area: 'finance',
    path: '/finance/rules',
    label: 'finance.nav.rules',
    description: 'finance.home.rules',
    icon: <ProfileOutlined />,
    roles: ['finance'],
    scopes: ['claims:read', 'companies:read'],
    ...lazyPage(() => import('../pages/finance/rules-page.tsx')),
  },
  {
    id: 'finance-payments',
    area: 'finance',
    path: '/finance/payments',
    label: 'finance.nav.payments',
    description: 'finance.home.payments',
    icon: <PayCircleOutlined />,
    roles: ['finance'],
    scopes: ['vouchers:read', 'claims:write'],
    ...lazyPage(() => import('../pages/finance/payments-page.tsx')),
  },
  {
    id: 'finance-payment-batches',
    area: 'finance',
    path: '/finance/payment-batches',
    label: 'finance.nav.batches',
    description: 'finance.home.batches',
    icon: <BankOutlined />,
    roles: ['finance'],
    scopes: ['payments:read', 'bank:read'],
    ...lazyPage(() => import('../pages/finance/payment-batches-page.tsx')),
  },
  {
    id: 'finance-postings',
    area: 'finance',
    path: '/finance/postings',
    morePaths: ['/finance/postings/:postingId'],
    label: 'finance.nav.postings',
    description: 'finance.home.postings',
    icon: <ReconciliationOutlined />,
    roles: ['finance'],
    scopes: ['claims:read', 'vouchers:read'],
    ...lazyPage(() => import('../pages/finance/postings-page.tsx')),
  },
  // post-hoc audit and lineage (issue #18 items 5–6): finance and auditors
  {
    id: 'finance-post-audit',
    area: 'finance',
    path: '/finance/post-audit',
    label: 'finance.nav.postAudit',
    description: 'finance.home.postAudit',
    icon: <AuditOutlined />,
    roles: ['finance', 'auditor'],
    scopes: ['post_audit:read', 'post_audit:write'],
    ...lazyPage(() => import('../pages/finance/post-audit-page.tsx')),
  },
  {
    id: 'finance-lineage',
    area: 'finance',
    path: '/finance/lineage',
    label: 'finance.nav.lineage',
    description: 'finance.home.lineage',
    icon: <BranchesOutlined />,
    roles: ['finance', 'auditor'],
    scopes: ['vouchers:read'],
    ...lazyPage(() => import('../pages/finance/lineage-page.tsx')),
  },
  // the electronic accounting archive (issue #18 item 4): finance builds and verifies, auditors read
  {
    id: 'finance-archive',
    area: 'finance',
    path: '/finance/archive',
    label: 'finance.nav.archive',
    description: 'finance.home.archive',
    icon: <ContainerOutlined />,
    roles: ['finance', 'auditor'],
    scopes: ['archive:read'],
    ...lazyPage(() => import('../pages/finance/archive-page.tsx')),
  },
  // bank reconciliation and Hub ↔ ERP reconciliation (issue #18 item 8): finance, which may also act
  {
    id: 'finance-bank',
    area: 'finance',
    path: '/finance/bank',
    label: 'finance.nav.bank',
    description: 'finance.home.bank',
    icon: <BankOutlined />,
    roles: ['finance'],
    scopes: ['bank:read', 'bank:write'],
    ...lazyPage(() => import('../pages/finance/bank-page.tsx')),
  },
  {
    id: 'finance-reconciliation',
    area: 'finance',
    path: '/finance/reconciliation',
    label: 'finance.nav.reconciliation',
    description: 'finance.home.reconciliation',
    icon: <ReconciliationOutlined />,
    roles: ['finance'],
    scopes: ['reconciliations:read', 'reconciliations:write', 'companies:read'],
    ...lazyPage(() => import('../pages/finance/reconciliation-page.tsx')),
  },
  // integration admin (issue #16 item 6): whoever holds connections:admin (role admin)
  {
    id: 'int-monitor',
    area: 'integration',
    path: '/integration/monitor',
    label: 'nav.int.monitor',
    description: 'home.int.monitor.desc',
    icon: <DashboardOutlined />,
    scopes: ['connections:admin', 'vouchers:read'],
    ...lazyPage(() => import('../pages/integration/monitor-page.tsx')),
  },
  {
    id: 'int-connections',
    area: 'integration',
    path: '/integration/connections',
    label: 'nav.int.connections',
    description: 'home.int.connections.desc',
    icon: <ApiOutlined />,
    scopes: ['connections:admin'],
    ...lazyPage(() => import('../pages/integration/connections-page.tsx')),
  },
  {
    id: 'int-mapping',
    area: 'integration',
    path: '/integration/mapping',
    label: 'nav.int.mapping',
    description: 'home.int.mapping.desc',
    icon: <BranchesOutlined />,
    scopes: ['connections:admin', 'vouchers:read', 'claims:read'],
    ...lazyPage(() => import('../pages/integration/mapping-page.tsx')),
  },
  {
    id: 'int-postings',
    area: 'integration',
    path: '/integration/postings',
    morePaths: ['/integration/postings/:id'],
    label: 'nav.int.postings',
    description: 'home.int.postings.desc',
    icon: <UnorderedListOutlined />,
    scopes: ['connections:admin', 'vouchers:read'],
    ...lazyPage(() => import('../pages/integration/postings-page.tsx')),
  },
  {
    id: 'int-dead-letters',
    area: 'integration',
    path: '/integration/dead-letters',
    label: 'nav.int.deadLetters',
    description: 'home.int.deadLetters.desc',
    icon: <WarningOutlined />,
    scopes: ['connections:admin', 'vouchers:read', 'vouchers:write'],
    ...lazyPage(() => import('../pages/integration/dead-letters-page.tsx')),
  },
  {
    id: 'int-master-data',
    area: 'integration',
    path: '/integration/master-data',
    label: 'nav.int.masterData',
    description: 'home.int.masterData.desc',
    icon: <DatabaseOutlined />,
    scopes: ['connections:admin', 'master-data:read', 'master-data:write'],
    ...lazyPage(() => import('../pages/integration/master-data-page.tsx')),
  },
  // master-data governance (issue #19 item 7): finance reads, imports and checks; auditors read
  {
    id: 'gov-golden',
    area: 'governance',
    path: '/governance/golden',
    label: 'gov.nav.golden',
    description: 'gov.home.golden',
    icon: <GoldOutlined />,
    scopes: ['governance:read'],
    ...lazyPage(() => import('../pages/governance/golden-page.tsx')),
  },
  {
    id: 'gov-import',
    area: 'governance',
    path: '/governance/import',
    label: 'gov.nav.import',
    description: 'gov.home.import',
    icon: <CloudUploadOutlined />,
    scopes: ['governance:read', 'governance:write'],
    ...lazyPage(() => import('../pages/governance/import-page.tsx')),
  },
  {
    id: 'gov-changes',
    area: 'governance',
    path: '/governance/changes',
    label: 'gov.nav.changes',
    description: 'gov.home.changes',
    icon: <ChangesOutlined />,
    scopes: ['governance:read'],
    ...lazyPage(() => import('../pages/governance/changes-page.tsx')),
  },
  {
    id: 'gov-quality',
    area: 'governance',
    path: '/governance/quality',
    label: 'gov.nav.quality',
    description: 'gov.home.quality',
    icon: <FundOutlined />,
    scopes: ['governance:read'],
    ...lazyPage(() => import('../pages/governance/quality-page.tsx')),
  },
  {
    id: 'users',
    area: 'admin',
    path: '/admin/users',
    label: 'nav.users',
    description: 'home.users.desc',
    icon: <TeamOutlined />,
    scopes: ['users:admin'],
    ...lazyPage(() => import('../pages/admin/users-page.tsx')),
  },
  // administration (issue #16 items 2 and 7): companies and keys are the installation operator's
  // (platform:admin, role operator); API clients the company admin's; the audit log also the auditor's
  {
    id: 'admin-companies',
    area: 'admin',
    path: '/admin/companies',
    label: 'admin.nav.companies',
    description: 'admin.home.companies',
    icon: <BankOutlined />,
    scopes: ['companies:read', 'platform:admin'],
    ...lazyPage(() => import('../pages/admin/companies-page.tsx')),
  },
  {
    id: 'admin-clients',
    area: 'admin',
    path: '/admin/clients',
    label: 'admin.nav.clients',
    description: 'admin.home.clients',
    icon: <KeyOutlined />,
    scopes: ['clients:admin'],
    ...lazyPage(() => import('../pages/admin/clients-page.tsx')),
  },
  {
    id: 'admin-keys',
    area: 'admin',
    path: '/admin/keys',
    label: 'admin.nav.keys',
    description: 'admin.home.keys',
    icon: <SyncOutlined />,
    scopes: ['platform:admin'],
    ...lazyPage(() => import('../pages/admin/keys-page.tsx')),
  },
  {
    id: 'admin-audit',
    area: 'admin',
    path: '/admin/audit',
    label: 'admin.nav.audit',
    description: 'admin.home.audit',
    icon: <FileSearchOutlined />,
    scopes: ['audit:read'],
    ...lazyPage(() => import('../pages/admin/audit-page.tsx')),
  },
];

export function canSee(page: Page, me: WhoAmI): boolean {
  if (page.roles !== undefined && !page.roles.some((r) => me.roles.includes(r))) return false;
  return page.scopes.every((s) => me.scopes.includes(s));
}

export const visiblePages = (me: WhoAmI): Page[] => PAGES.filter((p) => canSee(p, me));

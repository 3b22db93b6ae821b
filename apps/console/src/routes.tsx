import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { ADMIN_ROLES, DECLARATION_ROLES } from './api/types.js';
import { Layout } from './components/layout.js';
import { RequireRole } from './components/require-role.js';
import { AccountPage } from './pages/account.js';
import { AuditPage } from './pages/audit.js';
import { CodesPage } from './pages/codes.js';
import { DeclarationsPage } from './pages/declarations.js';
import { SignInPage } from './pages/sign-in.js';
import { UsersPage } from './pages/users.js';
import { VenuesPage } from './pages/venues.js';

// Pages with charts and the map load on first use: ECharts and the map are most of the console's weight.
const DashboardPage = lazy(() => import('./pages/dashboard.js').then((m) => ({ default: m.DashboardPage })));
const ProvincePage = lazy(() => import('./pages/province.js').then((m) => ({ default: m.ProvincePage })));
const CampaignsPage = lazy(() => import('./pages/campaigns.js').then((m) => ({ default: m.CampaignsPage })));
const StatisticsPage = lazy(() =>
  import('./pages/statistics.js').then((m) => ({ default: m.StatisticsPage })),
);

/** The console's pages; the layout signs in first and offers each page by role. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'provinces/:iso', element: <ProvincePage /> },
      { path: 'codes', element: <CodesPage /> },
      {
        path: 'declarations',
        element: (
          <RequireRole roles={DECLARATION_ROLES}>
            <DeclarationsPage />
          </RequireRole>
        ),
      },
      { path: 'account', element: <AccountPage /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'venues', element: <VenuesPage /> },
      {
        path: 'users',
        element: (
          <RequireRole roles={ADMIN_ROLES}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={ADMIN_ROLES}>
            <AuditPage />
          </RequireRole>
        ),
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
];

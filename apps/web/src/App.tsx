import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { PublicLayout } from './components/PublicLayout';
import { StaffLayout } from './components/StaffSession';
import { AnswerPage } from './pages/public/AnswerPage';
import { ConfirmationPage } from './pages/public/ConfirmationPage';
import { IntakePage } from './pages/public/intake/IntakePage';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { StatusLookupPage } from './pages/public/StatusLookupPage';
import { StatusPage } from './pages/public/StatusPage';
import { AdminPage } from './pages/staff/AdminPage';
import { CasePage } from './pages/staff/CasePage';
import { DashboardPage } from './pages/staff/DashboardPage';
import { LoginPage } from './pages/staff/LoginPage';
import { OverviewIndexPage, OverviewPage } from './pages/staff/OverviewPage';
import { WorklistPage } from './pages/staff/WorklistPage';

// The reports page brings the chart library: loaded only when someone opens it.
const ReportsPage = lazy(() => import('./pages/staff/ReportsPage').then((module) => ({ default: module.ReportsPage })));

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <IntakePage /> },
      { path: '/bevestiging/:trackingCode', element: <ConfirmationPage /> },
      { path: '/antwoord', element: <AnswerPage /> },
      { path: '/status', element: <StatusLookupPage /> },
      { path: '/status/:trackingCode', element: <StatusPage /> },
      { path: '/medewerkers/inloggen', element: <LoginPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/medewerkers',
    element: <StaffLayout />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'werklijst/:regionCode/:team', element: <WorklistPage /> },
      { path: 'zaken/:id', element: <CasePage /> },
      { path: 'overzicht', element: <OverviewIndexPage /> },
      { path: 'overzicht/:regionCode', element: <OverviewPage /> },
      { path: 'beheer', element: <AdminPage /> },
      { path: 'rapportages', element: <Suspense fallback={null}><ReportsPage /></Suspense> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}

/**
 * Every page of the web app. Pages under RequireSignIn need a session; what
 * each shows beyond that is decided by the abilities the server sends.
 */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '../components/RequireSignIn.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { CoopPage } from '../features/coops/CoopPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { DirectoryPage } from '../features/directory/DirectoryPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';
import { Shell } from './Shell.tsx';

/** Pages few visitors open (applying, signing up, resetting a password, accepting an invitation) load on demand. */
const ApplyPage = lazy(() => import('../features/apply/ApplyPage.tsx').then((m) => ({ default: m.ApplyPage })));
const InvitationPage = lazy(() =>
  import('../features/auth/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);
const ResetConfirmPage = lazy(() =>
  import('../features/auth/ResetConfirmPage.tsx').then((m) => ({ default: m.ResetConfirmPage })),
);
const ResetRequestPage = lazy(() =>
  import('../features/auth/ResetRequestPage.tsx').then((m) => ({ default: m.ResetRequestPage })),
);
const SignUpConfirmPage = lazy(() =>
  import('../features/auth/SignUpConfirmPage.tsx').then((m) => ({ default: m.SignUpConfirmPage })),
);
const SignUpPage = lazy(() => import('../features/auth/SignUpPage.tsx').then((m) => ({ default: m.SignUpPage })));

/** Pages only some signed-in people open load on demand, keeping the public pages light. */
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const ApplicationsPage = lazy(() =>
  import('../features/applications/ApplicationsPage.tsx').then((m) => ({ default: m.ApplicationsPage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const NetworkSettingsPage = lazy(() =>
  import('../features/network/NetworkSettingsPage.tsx').then((m) => ({ default: m.NetworkSettingsPage })),
);
const OutboxPage = lazy(() => import('../features/outbox/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const ImportPage = lazy(() => import('../features/workers/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const InvitePage = lazy(() => import('../features/workers/InvitePage.tsx').then((m) => ({ default: m.InvitePage })));
const ProposalsPage = lazy(() =>
  import('../features/governance/ProposalsPage.tsx').then((m) => ({ default: m.ProposalsPage })),
);
const ProposalPage = lazy(() =>
  import('../features/governance/proposal/ProposalPage.tsx').then((m) => ({ default: m.ProposalPage })),
);
const NewProposalPage = lazy(() =>
  import('../features/governance/NewProposalPage.tsx').then((m) => ({ default: m.NewProposalPage })),
);
const GovernancePage = lazy(() =>
  import('../features/governance/GovernancePage.tsx').then((m) => ({ default: m.GovernancePage })),
);
const BylawsVersionsPage = lazy(() =>
  import('../features/governance/BylawsVersionsPage.tsx').then((m) => ({ default: m.BylawsVersionsPage })),
);
const NotificationsPage = lazy(() =>
  import('../features/notifications/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const CataloguePage = lazy(() =>
  import('../features/offers/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })),
);
const ManageOffersPage = lazy(() =>
  import('../features/offers/ManageOffersPage.tsx').then((m) => ({ default: m.ManageOffersPage })),
);
const TillPage = lazy(() => import('../features/till/TillPage.tsx').then((m) => ({ default: m.TillPage })));
const LastTill = lazy(() => import('../features/till/LastTill.tsx').then((m) => ({ default: m.LastTill })));
const CardPage = lazy(() => import('../features/card/CardPage.tsx').then((m) => ({ default: m.CardPage })));
const ReciprocityPage = lazy(() =>
  import('../features/reciprocity/ReciprocityPage.tsx').then((m) => ({ default: m.ReciprocityPage })),
);
const WorkersPage = lazy(() => import('../features/workers/WorkersPage.tsx').then((m) => ({ default: m.WorkersPage })));

export const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'directory', element: <DirectoryPage /> },
      { path: 'coops/:slug', element: <CoopPage /> },
      { path: 'apply', element: <ApplyPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'sign-up/:token', element: <SignUpConfirmPage /> },
      { path: 'reset-password', element: <ResetRequestPage /> },
      { path: 'reset-password/:token', element: <ResetConfirmPage /> },
      { path: 'invitations/:token', element: <InvitationPage /> },
      // Decisions are public: anyone may read proposals, counts, bodies and bylaws.
      { path: 'proposals', element: <ProposalsPage /> },
      { path: 'proposals/:id', element: <ProposalPage /> },
      { path: 'governance', element: <GovernancePage /> },
      { path: 'governance/bylaws', element: <BylawsVersionsPage /> },
      { path: 'offers', element: <CataloguePage /> },
      // The card and the till work offline once opened: they handle a missing session themselves.
      { path: 'card', element: <CardPage /> },
      { path: 'till', element: <LastTill /> },
      { path: 'till/:coopId', element: <TillPage /> },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'proposals/new', element: <NewProposalPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'coops/:id/workers', element: <WorkersPage /> },
          { path: 'coops/:id/offers', element: <ManageOffersPage /> },
          { path: 'reciprocity', element: <ReciprocityPage /> },
          { path: 'coops/:id/invite', element: <InvitePage /> },
          { path: 'coops/:id/import', element: <ImportPage /> },
          { path: 'admin/applications', element: <ApplicationsPage /> },
          { path: 'admin/audit', element: <AuditPage /> },
          { path: 'admin/outbox', element: <OutboxPage /> },
          { path: 'admin/network', element: <NetworkSettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/**
 * Every page of the web app. Pages under RequireSignIn need a session; what
 * each shows beyond that is decided by the abilities the server sends.
 *
 * Every page but the home page is a chunk of its own, loaded by the router:
 * a visitor downloads the pages they open, not all of them. On a first visit
 * the router asks for the page's chunk as soon as it starts, alongside the
 * language's strings and the session, so no round trip is added.
 */
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '../components/RequireSignIn.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';
import { Shell } from './Shell.tsx';

/** A page's chunk, loaded on demand: the module and the name of the page it exports. */
const page =
  <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

export const router = createBrowserRouter([
  {
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'directory', lazy: page(() => import('../features/directory/DirectoryPage.tsx'), 'DirectoryPage') },
      { path: 'programmes', lazy: page(() => import('../features/programmes/ProgrammesPage.tsx'), 'ProgrammesPage') },
      { path: 'programmes/:id', lazy: page(() => import('../features/programmes/ProgrammePage.tsx'), 'ProgrammePage') },
      { path: 'budgeting', lazy: page(() => import('../features/budgeting/BudgetingPage.tsx'), 'BudgetingPage') },
      { path: 'budgeting/:id', lazy: page(() => import('../features/budgeting/RoundPage.tsx'), 'RoundPage') },
      { path: 'ventures', lazy: page(() => import('../features/ventures/VenturesPage.tsx'), 'VenturesPage') },
      { path: 'ventures/:id', lazy: page(() => import('../features/ventures/VenturePage.tsx'), 'VenturePage') },
      { path: 'coops/:slug', lazy: page(() => import('../features/coops/CoopPage.tsx'), 'CoopPage') },
      { path: 'coops/:slug/blog', lazy: page(() => import('../features/news/CoopBlogPage.tsx'), 'CoopBlogPage') },
      {
        path: 'campaigns',
        lazy: page(() => import('../features/campaign-editor/CampaignListPage.tsx'), 'CampaignListPage'),
      },
      { path: 'campaigns/:slug', lazy: page(() => import('../features/campaigns/CampaignPage.tsx'), 'CampaignPage') },
      { path: 'pledges/:token', lazy: page(() => import('../features/campaigns/PledgePage.tsx'), 'PledgePage') },
      { path: 'apply', lazy: page(() => import('../features/apply/ApplyPage.tsx'), 'ApplyPage') },
      { path: 'sign-in', lazy: page(() => import('../features/auth/SignInPage.tsx'), 'SignInPage') },
      { path: 'sign-up', lazy: page(() => import('../features/auth/SignUpPage.tsx'), 'SignUpPage') },
      {
        path: 'sign-up/:token',
        lazy: page(() => import('../features/auth/SignUpConfirmPage.tsx'), 'SignUpConfirmPage'),
      },
      { path: 'reset-password', lazy: page(() => import('../features/auth/ResetRequestPage.tsx'), 'ResetRequestPage') },
      {
        path: 'reset-password/:token',
        lazy: page(() => import('../features/auth/ResetConfirmPage.tsx'), 'ResetConfirmPage'),
      },
      { path: 'invitations/:token', lazy: page(() => import('../features/auth/InvitationPage.tsx'), 'InvitationPage') },
      // Decisions are public: anyone may read proposals, counts, bodies and bylaws.
      { path: 'proposals', lazy: page(() => import('../features/governance/ProposalsPage.tsx'), 'ProposalsPage') },
      {
        path: 'proposals/:id',
        lazy: page(() => import('../features/governance/proposal/ProposalPage.tsx'), 'ProposalPage'),
      },
      { path: 'governance', lazy: page(() => import('../features/governance/GovernancePage.tsx'), 'GovernancePage') },
      {
        path: 'governance/bylaws',
        lazy: page(() => import('../features/governance/BylawsVersionsPage.tsx'), 'BylawsVersionsPage'),
      },
      // The fund's figures are public; its movements are shown to members.
      { path: 'fund', lazy: page(() => import('../features/fund/FundPage.tsx'), 'FundPage') },
      { path: 'news', lazy: page(() => import('../features/news/NewsPage.tsx'), 'NewsPage') },
      { path: 'news/:id', lazy: page(() => import('../features/news/PostPage.tsx'), 'PostPage') },
      { path: 'news/unfollow/:token', lazy: page(() => import('../features/news/UnfollowPage.tsx'), 'UnfollowPage') },
      {
        path: 'news/confirm/:token',
        lazy: page(() => import('../features/news/ConfirmFollowPage.tsx'), 'ConfirmFollowPage'),
      },
      { path: 'offers', lazy: page(() => import('../features/offers/CataloguePage.tsx'), 'CataloguePage') },
      // The card and the till work offline once opened: they handle a missing session themselves.
      { path: 'card', lazy: page(() => import('../features/card/CardPage.tsx'), 'CardPage') },
      { path: 'till', lazy: page(() => import('../features/till/LastTill.tsx'), 'LastTill') },
      { path: 'till/:coopId', lazy: page(() => import('../features/till/TillPage.tsx'), 'TillPage') },
      {
        element: <RequireSignIn />,
        children: [
          { path: 'dashboard', lazy: page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage') },
          {
            path: 'campaigns/new',
            lazy: page(() => import('../features/campaign-editor/CampaignEditorPage.tsx'), 'NewCampaignPage'),
          },
          {
            path: 'campaigns/:slug/edit',
            lazy: page(() => import('../features/campaign-editor/CampaignEditorPage.tsx'), 'EditCampaignPage'),
          },
          { path: 'ventures/new', lazy: page(() => import('../features/ventures/ProposeVenturePage.tsx'), 'ProposeVenturePage') },
          {
            path: 'fund/applications',
            lazy: page(() => import('../features/fund/ApplicationsPage.tsx'), 'ApplicationsPage'),
          },
          {
            path: 'fund/applications/:id',
            lazy: page(() => import('../features/fund/ApplicationPage.tsx'), 'ApplicationPage'),
          },
          { path: 'fund/loans/:id', lazy: page(() => import('../features/fund/LoanPage.tsx'), 'LoanPage') },
          { path: 'fund/contributions', lazy: page(() => import('../features/fund/ContributionsPage.tsx'), 'ContributionsPage') },
          { path: 'fund/coops/:coopId', lazy: page(() => import('../features/fund/CoopAccountPage.tsx'), 'CoopAccountPage') },
          { path: 'fund/apply', lazy: page(() => import('../features/fund/ApplyPage.tsx'), 'ApplyPage') },
          { path: 'account', lazy: page(() => import('../features/account/AccountPage.tsx'), 'AccountPage') },
          {
            path: 'proposals/new',
            lazy: page(() => import('../features/governance/NewProposalPage.tsx'), 'NewProposalPage'),
          },
          {
            path: 'notifications',
            lazy: page(() => import('../features/notifications/NotificationsPage.tsx'), 'NotificationsPage'),
          },
          { path: 'coops/:id/workers', lazy: page(() => import('../features/workers/WorkersPage.tsx'), 'WorkersPage') },
          {
            path: 'coops/:id/offers',
            lazy: page(() => import('../features/offers/ManageOffersPage.tsx'), 'ManageOffersPage'),
          },
          {
            path: 'reciprocity',
            lazy: page(() => import('../features/reciprocity/ReciprocityPage.tsx'), 'ReciprocityPage'),
          },
          { path: 'coops/:id/invite', lazy: page(() => import('../features/workers/InvitePage.tsx'), 'InvitePage') },
          { path: 'coops/:id/import', lazy: page(() => import('../features/workers/ImportPage.tsx'), 'ImportPage') },
          {
            path: 'admin/applications',
            lazy: page(() => import('../features/applications/ApplicationsPage.tsx'), 'ApplicationsPage'),
          },
          { path: 'admin/audit', lazy: page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage') },
          { path: 'admin/outbox', lazy: page(() => import('../features/outbox/OutboxPage.tsx'), 'OutboxPage') },
          {
            path: 'admin/network',
            lazy: page(() => import('../features/network/NetworkSettingsPage.tsx'), 'NetworkSettingsPage'),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { RequireAuth, RequireGuest } from './require-auth';
import { RouteError } from './routes/route-error';

/**
 * Every page is its own chunk, so the first load carries only the shell; named exports keep
 * route modules greppable, hence the small adapter to React.lazy's default-export shape.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return <Page />;
}

const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: (
          <RequireGuest>
            <PublicLayout />
          </RequireGuest>
        ),
        children: [
          { path: 'signin', element: page(() => import('@/features/auth/routes/sign-in'), 'SignInRoute') },
          { path: 'signup', element: page(() => import('@/features/auth/routes/sign-up'), 'SignUpRoute') },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: page(() => import('./routes/home'), 'HomeRoute') },
          { path: 'communities', element: page(() => import('@/features/communities/routes/directory'), 'DirectoryRoute') },
          {
            path: 'communities/new',
            element: page(() => import('@/features/communities/routes/create-community'), 'CreateCommunityRoute'),
          },
          {
            path: 'communities/:slug',
            element: page(() => import('@/features/communities/routes/community-layout'), 'CommunityLayoutRoute'),
            children: [
              { index: true, element: page(() => import('@/features/communities/routes/community-overview'), 'CommunityOverviewRoute') },
              {
                path: 'threads',
                element: page(() => import('@/features/conversations/routes/community-threads'), 'CommunityThreadsRoute'),
              },
              { path: 'threads/new', element: page(() => import('@/features/conversations/routes/new-thread'), 'NewThreadRoute') },
              {
                path: 'threads/moderation',
                element: page(() => import('@/features/conversations/routes/moderation-queue'), 'ModerationQueueRoute'),
              },
              { path: 'events', element: page(() => import('@/features/events/routes/community-events'), 'CommunityEventsRoute') },
              { path: 'events/new', element: page(() => import('@/features/events/routes/create-event'), 'CreateEventRoute') },
              { path: 'health', element: page(() => import('@/features/communities/routes/community-health'), 'CommunityHealthRoute') },
              {
                path: 'knowledge',
                element: page(() => import('@/features/knowledge/routes/community-knowledge'), 'CommunityKnowledgeRoute'),
              },
              { path: 'knowledge/new', element: page(() => import('@/features/knowledge/routes/new-page'), 'NewPageRoute') },
              {
                path: 'knowledge/:pageId',
                element: page(() => import('@/features/knowledge/routes/knowledge-page'), 'KnowledgePageRoute'),
              },
              { path: 'knowledge/:pageId/edit', element: page(() => import('@/features/knowledge/routes/edit-page'), 'EditPageRoute') },
              {
                path: 'knowledge/:pageId/history',
                element: page(() => import('@/features/knowledge/routes/page-history'), 'PageHistoryRoute'),
              },
              // Whiteboards: the editor's chunk is the only one that loads Excalidraw. Pages link to
              // knowledge/whiteboards/… (the server renders that address); whiteboards/… is the short form.
              ...['knowledge/whiteboards', 'whiteboards'].flatMap((base) => [
                {
                  path: `${base}/new`,
                  element: page(() => import('@/features/knowledge/routes/whiteboard-editor'), 'WhiteboardEditorRoute'),
                },
                {
                  path: `${base}/:whiteboardId`,
                  element: page(() => import('@/features/knowledge/routes/whiteboard-editor'), 'WhiteboardEditorRoute'),
                },
              ]),
            ],
          },
          {
            path: 'communities/:slug/edit',
            element: page(() => import('@/features/communities/routes/edit-community'), 'EditCommunityRoute'),
          },
          { path: 'proposals', element: page(() => import('@/features/proposals/routes/proposals-list'), 'ProposalsRoute') },
          { path: 'proposals/new', element: page(() => import('@/features/proposals/routes/new-proposal'), 'NewProposalRoute') },
          { path: 'proposals/:proposalId', element: page(() => import('@/features/proposals/routes/proposal'), 'ProposalRoute') },
          { path: 'people', element: page(() => import('@/features/people/routes/people-directory'), 'PeopleDirectoryRoute') },
          { path: 'search', element: page(() => import('@/features/search/routes/search-results'), 'SearchResultsRoute') },
          { path: 'threads/:threadId', element: page(() => import('@/features/conversations/routes/thread'), 'ThreadRoute') },
          { path: 'mentions', element: page(() => import('@/features/conversations/routes/my-mentions'), 'MyMentionsRoute') },
          { path: 'events/:eventId', element: page(() => import('@/features/events/routes/event'), 'EventRoute') },
          { path: 'events/:eventId/edit', element: page(() => import('@/features/events/routes/edit-event'), 'EditEventRoute') },
          {
            path: 'events/:eventId/occurrences/:occurrenceKey',
            element: page(() => import('@/features/events/routes/occurrence'), 'OccurrenceRoute'),
          },
          { path: 'profile', element: page(() => import('@/features/people/routes/profile'), 'ProfileRoute') },
          { path: 'people/:personId', element: page(() => import('@/features/people/routes/person'), 'PersonRoute') },
          { path: 'settings/tokens', element: page(() => import('@/features/tokens/routes/tokens'), 'TokensRoute') },
          { path: 'admin', element: page(() => import('./routes/admin'), 'AdminRoute') },
          { path: 'admin/audit', element: page(() => import('@/features/audit/routes/audit-log'), 'AuditLogRoute') },
          { path: '*', element: page(() => import('./routes/not-found'), 'NotFoundRoute') },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}

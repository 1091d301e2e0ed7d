import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from '../api/client.ts';
import { networkQuery, sessionKey, sessionQuery } from '../api/session.ts';
import { showcaseQuery } from '../features/showcase/showcase.api.ts';
import { router } from './routes.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A request refused for want of a session means ours has ended: ask again, and the pages that need one send the person to sign in. */
const onError = (error: unknown) => {
  if (error instanceof ApiError && error.code === 'auth.required') {
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  }
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * The reads the first screen needs, asked for while the language's strings
 * load (before the first render) instead of after it: on a slow mobile
 * network that is a round trip less before the page shows what it is for.
 */
export function startEarlyReads(): void {
  void queryClient.prefetchQuery(sessionQuery);
  void queryClient.prefetchQuery(networkQuery);
  if (window.location.pathname === '/') void queryClient.prefetchQuery(showcaseQuery);
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

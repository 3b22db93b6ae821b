import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { isApiError } from './api/client.js';
import { routes } from './routes.js';

const theme = createTheme({
  primaryColor: 'bluezone',
  colors: {
    bluezone: [
      '#e7f1fb',
      '#cfe2f6',
      '#9ec4ec',
      '#6aa4e2',
      '#3f89d9',
      '#2478d4',
      '#0b5cad',
      '#0a4f96',
      '#08437f',
      '#053665',
    ],
  },
  primaryShade: 6,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

// Dimmed text and placeholders dark enough for 4.5:1 on white (WCAG AA); Mantine's default gray is ~3.3:1.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636b', '--mantine-color-placeholder': '#5c636b' },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) does not get better by asking again.
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter(routes, { basename: '/console' });

export function App() {
  return (
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={resolver}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>
  );
}

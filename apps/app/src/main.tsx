import '@mantine/core/styles.css';
import { registerSW } from 'virtual:pwa-register';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.js';
import { initI18n } from './i18n/index.js';
import { AppProvider } from './runtime/app-context.js';

// Sizes in rem, so the phone's large-text setting scales everything; contrast ≥ 4.5:1 on the blues.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

await initI18n();
registerSW({ immediate: true });
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <BrowserRouter basename="/app">
          <AppProvider>
            <App />
          </AppProvider>
        </BrowserRouter>
      </MantineProvider>
    </StrictMode>,
  );

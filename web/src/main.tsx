import './app/mantine.css';
import './app/app.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startEarlyReads } from './app/App.tsx';
import { i18nReady } from './i18n/index.ts';
import { registerServiceWorker } from './features/card/serviceWorker.ts';

startEarlyReads();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render waits for the reader's language (one small chunk), so no page flashes untranslated keys.
// It is a transition, so React yields to the browser while it builds the page instead of holding a slow phone in one long task.
void i18nReady.then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  ),
);

// The installable app: production only, so development never serves a stale cached page.
if (import.meta.env.PROD) registerServiceWorker();

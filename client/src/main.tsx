import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/tokens.css';
import './ui/components.css';
import './ui/motion.css';
import './app.css';
import './layout/reflow.css';
import { App } from './App.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The app's own files kept for a page reloaded without a network (src/offline/serviceWorker.ts). Registered
// once the page has loaded and then been idle a while: its install reads ~6 MB into the worker's store, which
// on a 2-core Chromebook slowed a first board's load by 0.2–0.5 s when it ran alongside (bench:browser).
const REGISTER_AFTER_MS = 10_000;
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener(
    'load',
    () =>
      window.setTimeout(() => {
        const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => {});
        if ('requestIdleCallback' in window)
          window.requestIdleCallback(register, { timeout: REGISTER_AFTER_MS });
        else register();
      }, REGISTER_AFTER_MS),
    { once: true },
  );

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

// The app's own files kept for a page reloaded without a network (src/offline/serviceWorker.ts); registered
// once the page has loaded, so its install never competes with the first board's.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => {}), {
    once: true,
  });

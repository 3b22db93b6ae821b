import '@mantine/core/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { initI18n } from './i18n/index.js';

await initI18n();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);

import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import '../ui/base.css';
import '../ui/popup.css';
import { App } from './app.tsx';

// Screen readers pick their voice from the page's language: that of the catalogue in use.
document.documentElement.lang = t('lang');
const root = document.getElementById('app');
if (root) render(<App />, root);

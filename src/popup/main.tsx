import '../shared/zod-setup.ts';
// Evaluated before Preact and the views: starts reading what the first screen shows.
import '../ui/first-screen.ts';
import { render } from 'preact';
import '../ui/base.css';
import '../ui/popup.css';
import { renderAfterFirstReads } from '../ui/first-screen.ts';
import { App } from './app.tsx';

const root = document.getElementById('app');
if (root) renderAfterFirstReads(() => render(<App />, root));

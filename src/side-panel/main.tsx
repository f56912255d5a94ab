import '../shared/zod-setup.ts';
import { render } from 'preact';
import '../ui/base.css';
import '../ui/popup.css';
import { SidePanelApp } from './side-panel-app.tsx';

const root = document.getElementById('app');
if (root) render(<SidePanelApp />, root);

import '../shared/zod-setup.ts';
import { render } from 'preact';
import '../ui/base.css';
import { OptionsApp } from './options-app.tsx';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);

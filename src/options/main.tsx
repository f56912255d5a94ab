import '../shared/zod-setup.ts';
import { render } from 'preact';
import '../ui/base.css';
import { OptionsApp } from './options-app.tsx';
import { TrustSections } from './trust-sections.tsx';

const root = document.getElementById('app');
if (root) {
  render(
    <>
      <OptionsApp />
      <TrustSections />
    </>,
    root,
  );
}

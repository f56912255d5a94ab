import '../shared/zod-setup.ts';
import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { listenForChanges } from '../shared/storage.ts';
import '../ui/base.css';
// Rules this page shares with the desk's later views live there, not in base.css (the popup's
// first screen draws none of them); unlock-form.tsx brings it too.
import '../ui/views/views.css';
import './options.css';
import { OptionsApp } from './options-app.tsx';
import { TrustSections } from './trust-sections.tsx';

// Before any section subscribes to a stored item (storage.ts says why).
listenForChanges();
// Screen readers pick their voice from the page's language: that of the catalogue in use.
document.documentElement.lang = t('lang');
document.title = t('optionsTitle');
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

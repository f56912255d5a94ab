import { OpenSettingsButton } from './open-settings-button.tsx';

/** Shown instead of empty lists when no key is saved: nothing works until there is one. */
export function NoKeyNotice() {
  return (
    <div class="banner is-warn" data-testid="no-key">
      <p class="banner-text">
        <strong>No API key yet.</strong> Save a Persona sandbox key in the settings to create and
        read inquiries.
      </p>
      <div class="row banner-actions">
        <OpenSettingsButton primary />
      </div>
    </div>
  );
}

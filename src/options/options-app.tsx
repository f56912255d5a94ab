import { BackgroundStatus } from '../ui/background-status.tsx';

export function OptionsApp() {
  return (
    <div class="page">
      <h1>Inquiry Desk settings</h1>
      <BackgroundStatus />
    </div>
  );
}

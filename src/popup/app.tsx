import { BackgroundStatus } from '../ui/background-status.tsx';

export function App() {
  return (
    <div class="shell">
      <header class="topbar">
        <h1 class="brand">Inquiry Desk</h1>
      </header>
      <main class="content" />
      <footer class="footer">
        <BackgroundStatus />
      </footer>
    </div>
  );
}

import { DeskShell } from '../ui/views/desk-shell.tsx';
import { routeFromQuery } from '../ui/views/router.ts';

/** The toolbar popup: the desk, opened on the view its URL asks for (`?inquiry=inq_…`). */
export function App() {
  return <DeskShell first={routeFromQuery(location.search)} />;
}

// Loads the evidence views once, on the first detail that needs them.
import { useEffect, useState } from 'preact/hooks';

export type EvidenceModule = typeof import('./evidence-sections.tsx');

export type Evidence =
  | { state: 'loading' }
  | { state: 'loaded'; views: EvidenceModule }
  // A failed chunk load (the extension updated under the page): the detail says so and offers to
  // try again, rather than showing an inquiry without its photos, reports and activity.
  | { state: 'failed'; retry: () => void };

let loading: Promise<EvidenceModule> | undefined;

export function useEvidence(): Evidence {
  const [evidence, setEvidence] = useState<Evidence>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // Runs again for each retry: `attempt` is its trigger.
  useEffect(() => {
    loading ??= import('./evidence-sections.tsx');
    let live = true;
    loading.then(
      (views) => {
        if (live) setEvidence({ state: 'loaded', views });
      },
      () => {
        loading = undefined; // the next try asks again
        if (!live) return;
        setEvidence({
          state: 'failed',
          retry: () => {
            setEvidence({ state: 'loading' });
            setAttempt((n) => n + 1);
          },
        });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return evidence;
}

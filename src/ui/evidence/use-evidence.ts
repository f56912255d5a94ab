// Loads the evidence views once, on the first detail that needs them.
import { useEffect, useState } from 'preact/hooks';

export type EvidenceModule = typeof import('./evidence-sections.tsx');

let loading: Promise<EvidenceModule> | undefined;

export function useEvidence(): EvidenceModule | undefined {
  const [module, setModule] = useState<EvidenceModule | undefined>();
  useEffect(() => {
    loading ??= import('./evidence-sections.tsx');
    let live = true;
    loading.then(
      (loaded) => {
        if (live) setModule(loaded);
      },
      () => {
        // A failed chunk load (extension updated under the page) may succeed on the next view.
        loading = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return module;
}

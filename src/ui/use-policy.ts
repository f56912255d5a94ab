import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Policy, readPolicy } from '../shared/policy.ts';
import { onStorageChanged } from '../shared/storage.ts';

/** The organisation's policy, kept fresh; {} until read and where there is none. */
export function usePolicy(): Policy {
  return useReadPolicy() ?? {};
}

/** The same, undefined until read: for what must not be said before it is known. */
export function useReadPolicy(): Policy | undefined {
  const [policy, setPolicy] = useState<Policy>();
  useEffect(() => {
    let live = true;
    const refresh = () => void readPolicy().then((p) => live && setPolicy(p));
    const stop = onStorageChanged((_c, area) => area === 'managed' && refresh());
    refresh();
    return () => {
      live = false;
      stop();
    };
  }, []);
  return policy;
}

/** The settings the organisation sets: fields for them are shown disabled (field.tsx). */
export const ManagedContext = createContext<ReadonlySet<string>>(new Set());

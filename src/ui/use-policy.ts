import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { type Policy, readPolicy } from '../shared/policy.ts';

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
    const onChanged = (_c: unknown, area: string) => area === 'managed' && refresh();
    browser.storage.onChanged.addListener(onChanged);
    refresh();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return policy;
}

/** The settings the organisation sets: fields for them are shown disabled (field.tsx). */
export const ManagedContext = createContext<ReadonlySet<string>>(new Set());

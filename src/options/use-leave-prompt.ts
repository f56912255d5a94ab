import { useEffect } from 'preact/hooks';

/**
 * While `unsaved`, closing or reloading the tab asks first (the browser's own prompt): typed
 * settings were lost without a word. Not otherwise, so a page with nothing to lose closes at once.
 */
export function useLeavePrompt(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [unsaved]);
}

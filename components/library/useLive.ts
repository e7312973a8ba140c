import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Subscribe to a Dexie liveQuery: re-runs when any tab writes to what the query read. Subscribed in a layout
 * effect, so the read is asked for before the first paint rather than a frame after it (useEffect waits for one).
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: undefined });
  useLayoutEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error) => setState((s) => ({ value: s.value, error })),
    });
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

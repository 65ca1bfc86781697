import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Loaded<T> {
  /** The answer for the current key (undefined while it is being fetched or when it failed). */
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * Runs `load` whenever `key` (a string naming what is asked for) changes, or on `reload()`; an answer
 * that arrives after a newer request started is dropped.
 */
export function useRequest<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [round, setRound] = useState(0);
  const wanted = `${round}\u0000${key}`;
  const [state, setState] = useState<{ for: string; data: T | undefined; error: unknown }>({
    for: '',
    data: undefined,
    error: undefined,
  });
  const run = useEffectEvent(() => load());
  useEffect(() => {
    let live = true;
    run().then(
      (data) => {
        if (live) setState({ for: wanted, data, error: undefined });
      },
      (error: unknown) => {
        if (live) setState({ for: wanted, data: undefined, error });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const current = state.for === wanted;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current,
    reload,
  };
}

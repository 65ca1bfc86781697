import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { takeOpeningBody } from '../api/opening.ts';

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
 *
 * `opening`: the GET (path and query) `load` makes, when the page may be an opening page
 * (web/src/routes/openings.ts): an answer the server put into the page is then the first render's data,
 * with no request — in the browser and in the server's own render of the page alike.
 */
export function useRequest<T>(key: string, load: () => Promise<T>, opening?: string): Loaded<T> {
  const [round, setRound] = useState(0);
  const wanted = `${round}\u0000${key}`;
  const [state, setState] = useState<{ for: string; data: T | undefined; error: unknown }>(() => {
    const given = opening === undefined ? undefined : (takeOpeningBody(opening) as T | undefined);
    return { for: given === undefined ? '' : wanted, data: given, error: undefined };
  });
  // the answer the page came with is not asked for again
  const given = useRef(state.for);
  const run = useEffectEvent(() => load());
  useEffect(() => {
    if (given.current === wanted) {
      given.current = '';
      return;
    }
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

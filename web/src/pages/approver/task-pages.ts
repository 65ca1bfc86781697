import { useCallback, useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { InboxTask } from './approval-rule.tsx';

/** What the inbox asks the API for (GET /api/v1/approval-tasks): pending tasks, one filter at most. */
export interface TaskQuery {
  readonly kind?: InboxTask['document']['kind'];
  readonly risky?: true;
  readonly overdue?: true;
}

/** The first page comes quickly; the next ones, fetched as the list is scrolled, are larger. */
const FIRST_PAGE = 100;
const NEXT_PAGE = 500;

export interface TaskPages {
  /** The tasks loaded so far, oldest first (empty while the first page of a new query loads). */
  readonly items: readonly InboxTask[];
  readonly loading: boolean;
  readonly error: unknown;
  /** Every page is loaded. */
  readonly done: boolean;
  /** Fetches the next page, unless one is on its way or there is none. */
  readonly loadMore: () => void;
  /** Starts again from the first page. */
  readonly reload: () => void;
  /** Drops tasks that are no longer mine to decide (decided here or elsewhere) without reloading. */
  readonly remove: (ids: readonly string[]) => void;
}

interface Loaded {
  readonly for: string;
  readonly items: readonly InboxTask[];
  readonly next: string | null;
  readonly error: unknown;
}

/**
 * My pending tasks in keyset pages: the first page when the query changes (or on reload), the next
 * one on `loadMore` — each page starts after the last task of the one before (the API's cursor), so
 * nothing repeats or goes missing however long the list is, and an answer for a query no longer shown
 * is dropped.
 */
export function useTaskPages(query: TaskQuery): TaskPages {
  const key = JSON.stringify(query);
  const [round, setRound] = useState(0);
  const wanted = `${round}\u0000${key}`;
  const [loaded, setLoaded] = useState<Loaded>({ for: '', items: [], next: null, error: undefined });
  const [loadingFor, setLoadingFor] = useState<string | undefined>();
  const current = useRef(wanted);
  const inFlight = useRef<string | undefined>(undefined);

  const fetchPage = useCallback((forKey: string, cursor: string | null) => {
    const marker = `${forKey}\u0000${cursor ?? ''}`;
    if (inFlight.current === marker) return;
    inFlight.current = marker;
    setLoadingFor(marker);
    const q = JSON.parse(forKey.slice(forKey.indexOf('\u0000') + 1)) as TaskQuery;
    const settle = (update: (previous: Loaded) => Loaded) => {
      if (current.current === forKey) setLoaded(update);
      if (inFlight.current === marker) {
        inFlight.current = undefined;
        setLoadingFor(undefined);
      }
    };
    unwrap(
      api.GET('/api/v1/approval-tasks', {
        params: {
          query: {
            status: 'pending',
            limit: cursor === null ? FIRST_PAGE : NEXT_PAGE,
            ...q,
            ...(cursor === null ? {} : { after: cursor }),
          },
        },
      }),
    ).then(
      (page) =>
        settle((previous) => ({
          for: forKey,
          items: cursor === null || previous.for !== forKey ? page.items : [...previous.items, ...page.items],
          next: page.nextCursor,
          error: undefined,
        })),
      (error: unknown) =>
        settle((previous) => ({
          for: forKey,
          items: previous.for === forKey ? previous.items : [],
          next: previous.for === forKey ? previous.next : null,
          error,
        })),
    );
  }, []);

  useEffect(() => {
    current.current = wanted;
    fetchPage(wanted, null);
  }, [wanted, fetchPage]);

  const mine = loaded.for === wanted ? loaded : undefined;
  const next = mine?.next ?? null;
  const loadMore = useCallback(() => {
    if (next !== null && inFlight.current === undefined) fetchPage(wanted, next);
  }, [fetchPage, wanted, next]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const remove = useCallback((ids: readonly string[]) => {
    const gone = new Set(ids);
    setLoaded((previous) => ({ ...previous, items: previous.items.filter((x) => !gone.has(x.id)) }));
  }, []);
  return {
    items: mine?.items ?? [],
    loading: loadingFor !== undefined && loadingFor.startsWith(`${wanted}\u0000`),
    error: mine?.error,
    done: mine !== undefined && mine.next === null,
    loadMore,
    reload,
    remove,
  };
}

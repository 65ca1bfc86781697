import { useCallback, useEffect, useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client.ts';

export type TaskCounts = Schemas['ApprovalTaskCounts'];

/** Counts are polled this often, and fetched again at once whenever this console decides a task. */
const POLL_MS = 60_000;
const CHANGED = 'finbridge:approval-tasks-changed';

/** Tells every counter on the page (the menu badge, the inbox header) that tasks were decided. */
export function announceTaskChange(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export interface LiveCounts {
  /** The latest counts; the previous ones stay shown while they are read again. */
  readonly data: TaskCounts | undefined;
  /** The last reading failed (e.g. a user linked to no employee). */
  readonly error: unknown;
  readonly reload: () => void;
}

/** How many tasks wait for me (GET /api/v1/approval-tasks/counts), kept current. */
export function useTaskCounts(): LiveCounts {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<{ data: TaskCounts | undefined; error: unknown }>({
    data: undefined,
    error: undefined,
  });
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/v1/approval-tasks/counts', { params: { query: { soonHours: 4 } } })).then(
      (data) => {
        if (live) setState({ data, error: undefined });
      },
      (error: unknown) => {
        if (live) setState((previous) => ({ data: previous.data, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    window.addEventListener(CHANGED, reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, reload);
    };
  }, [reload]);
  return { data: state.data, error: state.error, reload };
}

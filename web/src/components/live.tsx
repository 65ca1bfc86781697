import { useEffect } from 'react';

/** The mark the console sets when the page is live (npm run bench -- console reads it). */
export const LIVE_MARK = 'finbridge:interactive';

/**
 * Placed after a page's content, inside the boundary that holds it: its effect runs once that content
 * is live — committed by the browser's render, or taken over from the server's drawing (React takes
 * the markup over boundary by boundary, the page's after the shell's). Then the page the server drew
 * stops being inert (src/api/console-openings.ts) and the moment is marked, once.
 */
export function MarkLive() {
  useEffect(() => {
    document.getElementById('root')?.removeAttribute('inert');
    if (performance.getEntriesByName(LIVE_MARK).length === 0) performance.mark(LIVE_MARK);
  }, []);
  return null;
}

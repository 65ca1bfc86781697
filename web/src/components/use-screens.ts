import { useSyncExternalStore } from 'react';

/** Ant Design's breakpoints (min widths in CSS pixels), as `Grid.useBreakpoint` names them. */
const BREAKPOINTS = { sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;
type Breakpoint = keyof typeof BREAKPOINTS;

export interface Screens {
  /** Narrower than `sm`. */
  readonly xs: boolean;
  readonly sm: boolean;
  readonly md: boolean;
  readonly lg: boolean;
  readonly xl: boolean;
  readonly xxl: boolean;
}

const ORDER: readonly Breakpoint[] = ['sm', 'md', 'lg', 'xl', 'xxl'];
const screensUpTo = (widest: Breakpoint | 'xs'): Screens => {
  const reached = widest === 'xs' ? -1 : ORDER.indexOf(widest);
  const at = (b: Breakpoint) => ORDER.indexOf(b) <= reached;
  return { xs: widest === 'xs', sm: at('sm'), md: at('md'), lg: at('lg'), xl: at('xl'), xxl: at('xxl') };
};
/** One object per width class, so that a snapshot is the same object until the class changes. */
const BY_WIDEST: Readonly<Record<Breakpoint | 'xs', Screens>> = {
  xs: screensUpTo('xs'),
  sm: screensUpTo('sm'),
  md: screensUpTo('md'),
  lg: screensUpTo('lg'),
  xl: screensUpTo('xl'),
  xxl: screensUpTo('xxl'),
};

/**
 * What a page is first drawn for before the browser's width is known (the server's render of an
 * opening page, and the render that takes it over): a desktop, where finance work is done.
 */
const FIRST_GUESS = BY_WIDEST.xl;

const queries =
  typeof window === 'undefined' || typeof window.matchMedia !== 'function'
    ? undefined
    : ORDER.map((b) => [b, window.matchMedia(`(min-width: ${BREAKPOINTS[b]}px)`)] as const);

function snapshot(): Screens {
  if (queries === undefined) return FIRST_GUESS;
  let widest: Breakpoint | 'xs' = 'xs';
  for (const [b, query] of queries) if (query.matches) widest = b;
  return BY_WIDEST[widest];
}

function subscribe(changed: () => void): () => void {
  for (const [, query] of queries ?? []) query.addEventListener('change', changed);
  return () => {
    for (const [, query] of queries ?? []) query.removeEventListener('change', changed);
  };
}

/**
 * The screen's width class, as `Grid.useBreakpoint` gives it, but known in the first render: antd's
 * hook answers `{}` (a phone) until an effect after the first render, so every page was drawn twice
 * on a desktop before its first paint — once narrow, then again wide (npm run bench -- console).
 */
export function useScreens(): Screens {
  return useSyncExternalStore(subscribe, snapshot, () => FIRST_GUESS);
}

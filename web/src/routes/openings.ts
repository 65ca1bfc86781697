/**
 * What the console's busiest opening pages need before they can paint, known ahead of the page's code:
 * the page's module (its code and what it imports) and the API answers its first render asks for.
 *
 * The build turns this table into `openings.json` beside index.html (web/vite.config.ts): each page's
 * files, by their hashed names. The server reads that file and, when a browser opens one of these
 * paths without a query, names the page's files in index.html as module preloads and — for a signed-in
 * session — puts the session check and the page's first answers into the page as a JSON block
 * (`#finbridge-opening`), so the first render has them without a round trip (src/api/console.ts; the
 * console takes them in web/src/api/opening.ts). Measured by `npm run bench -- console`.
 *
 * Keep `requests` exactly as the page asks (path and query in the order the client writes them): an
 * answer the page does not ask for is never used, and the page then asks the server as usual.
 * Plain data only: the build's config imports this file.
 */
export interface Opening {
  /** The console path, exactly (no parameters). */
  readonly path: string;
  /** The page's module, relative to web/src, as registry.tsx loads it. */
  readonly module: string;
  /** GET requests (path and query) the page makes on its first render. */
  readonly requests: readonly string[];
}

export const OPENINGS: readonly Opening[] = [
  {
    path: '/claims',
    module: 'pages/employee/my-claims-page.tsx',
    requests: ['/api/v1/expense-claims?mine=true&limit=20'],
  },
  { path: '/', module: 'pages/home/home-page.tsx', requests: [] },
];

/** The session check every signed-in opening carries. */
export const SESSION_REQUEST = '/auth/me';

/** Where the build writes the table with the files resolved (relative to web/dist). */
export const OPENINGS_FILE = 'openings.json';

/** One entry of openings.json. */
export interface BuiltOpening {
  readonly path: string;
  /** The page's JavaScript files, absolute paths under /assets/, beyond what index.html loads. */
  readonly preload: readonly string[];
  readonly requests: readonly string[];
}

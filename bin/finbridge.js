#!/usr/bin/env -S node --max-semi-space-size=16 --max-old-space-size=1024
// The CLI is TypeScript run directly by Node (type stripping); this shim is the package's bin.
import { requireNode } from './require-node.js';

requireNode();
const { main } = await import('../src/cli/main.ts');
const exitCode = await main(process.argv.slice(2));
if (exitCode !== 0) process.exitCode = exitCode;

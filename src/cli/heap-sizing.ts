/**
 * The V8 heap sizing FinBridge's processes start with: `npm start`, `npm run dev` and the `finbridge`
 * bin pass these flags to node (a test keeps the three in step with this list).
 *
 * The hub's live heap is about 25 MB whatever the load. Left to its defaults, V8 sizes the young
 * generation by the machine's memory (128 MB on a 24 GB host) and lets the old generation fill with
 * garbage to four times its live size before collecting, so a busy worker's resident memory is mostly
 * empty heap. A 16 MB semi-space and a 1 GB old-space ceiling (which lowers the growing factor) keep
 * the pipeline benchmark under 300 MB at the same throughput. See ADR 0010.
 *
 * To size differently, start node with your own flags: `node --max-old-space-size=4096 src/cli/main.ts serve`.
 */
export const NODE_HEAP_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=1024'] as const;

// One pipeline case in a process of its own (bench/run.ts starts it): only the pipeline's modules are
// loaded, through Node's compile cache as the `finbridge` command loads them, so that the case's peak
// RSS is the hub's and not the other suites' (a browser driver among them).
import { enableCompileCache } from 'node:module';

enableCompileCache();

const [, , which, json] = process.argv;
const { runPipelineCase } = await import('./pipeline.ts');
const row = await runPipelineCase(which ?? 'sqlite', JSON.parse(json ?? '{}'));
const peakRssMb = row.peakRssMb > 0 ? row.peakRssMb : process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ...row, peakRssMb }) + '\n');
process.exit(0);

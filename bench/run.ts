/**
 * `npm run bench`: the engine's figures beside anchors measured in the same run on the same machine, as a table.
 * Ingest only so far (bench/ingest.ts); see bench/README.md for what each figure means and the latest run.
 */
import os from 'node:os';
import { benchIngest, type IngestFigures } from './ingest.js';

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 0) => value.toFixed(digits).padStart(9);

function ingestTable(figures: IngestFigures[]): string {
  const durable = figures.find((f) => f.name.startsWith('durable'))!;
  const lines = [`${pad('ingest', 52)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}  vs durable`];
  for (const f of figures) {
    const ratio = f === durable ? '' : `  ${(f.requestsPerSecond / durable.requestsPerSecond).toFixed(2)}x req/s, ${(f.p99 / durable.p99).toFixed(2)}x p99`;
    lines.push(`${pad(f.name, 52)}${num(f.requestsPerSecond)}${num(f.p50, 1)}${num(f.p99, 1)}${ratio}${f.errors ? `  (${f.errors} errors)` : ''}`);
  }
  return lines.join('\n');
}

console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load: ${process.env.BENCH_CONNECTIONS ?? 50} connections, ${process.env.BENCH_DURATION_S ?? 10} s per target\n`);
console.log(ingestTable(await benchIngest()));
process.exit(0);

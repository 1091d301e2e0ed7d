#!/usr/bin/env node
// The installed `coopnet` command: runs the TypeScript entry point with tsx
// (the server runs as source, see docs/decisions/0001-stack-and-layout.md),
// passing signals through so `serve` can shut down gracefully.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'src', 'main.ts');
// Resolve tsx from the server package, so the command works from any directory.
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = spawn(process.execPath, ['--import', pathToFileURL(tsx).href, main, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});

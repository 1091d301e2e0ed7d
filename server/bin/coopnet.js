#!/usr/bin/env node
// The installed `coopnet` command: runs the TypeScript entry point in this same
// process, compiled as it loads by tsx's register API (the server runs as
// source, see docs/decisions/0001-stack-and-layout.md). One process and no
// child: a signal sent to the whole process group (systemd, Ctrl-C) reaches
// the server once, and `serve` stops gracefully.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');

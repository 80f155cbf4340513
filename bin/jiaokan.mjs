#!/usr/bin/env node
// The `jiaokan` command: a small launcher that registers tsx's ESM loader in this process and
// imports the TypeScript CLI (src/lib/cli/main.ts). It holds no CLI logic of its own.
// One process, no child: tsx/esm/api register() hooks Node's module loader (Node ≥ 20.6).
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/lib/cli/main.ts');

// Builds the reading site for the tests: `ensureSite()` gives dist/ built from content/ (reused
// when it is newer than every input: src, content, public, astro.config.mjs, package.json), built
// at most once at a time across vitest workers (a lock folder); `buildSite()` builds from any
// content folder into any output folder (the hostile and failure tests). Both run exactly what
// `npm run build` runs: astro build, then pagefind.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.jiaokan-build.json');
const INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package.json'];
const LOCK = join(tmpdir(), `jiaokan-site-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);

export interface BuildResult {
  code: number;
  output: string;
  ms: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** astro build (+ pagefind) from `content` into `outDir`. Never throws on a failed build. */
export async function buildSite(options: { content?: string; outDir: string; cacheDir?: string; pagefind?: boolean }): Promise<BuildResult> {
  const t0 = Date.now();
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'NODE_ENV' || k === 'TEST') delete env[k];
  if (options.content) env.JIAOKAN_CONTENT = options.content;
  else delete env.JIAOKAN_CONTENT;
  if (options.cacheDir) env.JIAOKAN_CACHE_DIR = options.cacheDir;
  else delete env.JIAOKAN_CACHE_DIR;
  const astro = await run(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', options.outDir], env);
  if (astro.code !== 0 || options.pagefind === false) return { ...astro, ms: Date.now() - t0 };
  const pf = await run(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', options.outDir], env);
  return { code: pf.code, output: astro.output + pf.output, ms: Date.now() - t0 };
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = info.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function fresh(): boolean {
  if (!existsSync(STAMP)) return false;
  return statSync(STAMP).mtimeMs > Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
}

/** Runs `fn` holding the build lock (waits for another worker's build to finish). */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than 15 minutes belongs to a run that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** dist/ built from content/, fresh. `JIAOKAN_DIST` points the tests at another built site. */
export async function ensureSite(): Promise<string> {
  if (process.env.JIAOKAN_DIST) return process.env.JIAOKAN_DIST;
  return withBuildLock(async () => {
    if (fresh()) return DIST;
    const r = await buildSite({ outDir: DIST });
    if (r.code !== 0) throw new Error(`site build failed (exit ${r.code}):\n${r.output}`);
    writeFileSync(STAMP, JSON.stringify({ builtAt: new Date().toISOString(), ms: r.ms }) + '\n');
    return DIST;
  });
}

/** Every .html file under `dir`, as paths relative to it with `/`. */
export function htmlFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...htmlFiles(dir, rel));
    else if (e.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site with scripts/serve.mjs on 127.0.0.1 and a free port. */
export async function serveSite(dir: string): Promise<Served> {
  const mod = (await import(pathToFileURL(join(ROOT, 'scripts/serve.mjs')).href)) as {
    serve: (o: { dir: string; port: number }) => Promise<Served>;
  };
  return mod.serve({ dir, port: 0 });
}

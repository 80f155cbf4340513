// Debian packages for the training scripts: downloaded with `apt-get download` into a temporary
// directory and unpacked there, one directory per package; nothing is installed.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Downloads and unpacks the packages; returns the directory that holds one directory per package. */
export function downloadPackages(packages: readonly string[], prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  execFileSync('apt-get', ['download', ...packages], { cwd: dir, stdio: 'inherit' });
  for (const deb of readdirSync(dir).filter((f) => f.endsWith('.deb'))) {
    const into = join(dir, 'x', deb.split('_')[0]!);
    mkdirSync(into, { recursive: true });
    execFileSync('dpkg-deb', ['-x', join(dir, deb), into]);
  }
  return join(dir, 'x');
}

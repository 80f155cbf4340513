// The files under a directory, for the training and audit scripts: depth first, in name order
// (the same order on every file system, so a rebuild reads its sources the same way).

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, depth first in name order; a dangling link is skipped. */
export function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) yield* filesUnder(p);
    else if (st.isFile()) yield p;
  }
}

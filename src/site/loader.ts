// Astro content-layer loaders of the reading site. `articlesLoader` runs the pipeline over the
// content folder (`$JIAOKAN_CONTENT`, else `<root>/content`) and stores one entry per article
// folder, built or failed; failures are logged as errors naming file, place and problem, and the
// build goes on without them. Only when every article fails does it throw (the build exits
// non-zero). `stringsLoader` stores the interface text in both scripts.

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { buildArticles, convertStrings, describeFailure } from './pipeline.ts';
import { UI_HANS } from './strings.ts';

/** The content folder the site is built from. */
export function contentDir(root: URL): string {
  const env = process.env.JIAOKAN_CONTENT;
  return env && env.trim() !== '' ? resolve(env) : resolve(fileURLToPath(root), 'content');
}

export function articlesLoader(): Loader {
  return {
    name: 'jiaokan-articles',
    load: async ({ store, logger, config }) => {
      const dir = contentDir(config.root);
      logger.info(`building editions from ${dir}`);
      const records = await buildArticles(dir);
      store.clear();
      let failed = 0;
      for (const r of records) {
        if (r.status === 'failed') {
          failed++;
          logger.error(`skipped article “${r.slug}”: ${describeFailure({ ...r, file: join(dir, r.file) })}`);
        } else {
          logger.info(`${r.slug}: ${r.editions['zh-Hans'].apparatus.length} emendations, ${r.ms} ms`);
        }
        store.set({ id: r.slug, data: r as unknown as Record<string, unknown> });
      }
      if (records.length > 0 && failed === records.length) {
        throw new Error(`every article in ${dir} failed (${failed} of ${failed}); see the errors above`);
      }
      if (records.length === 0) logger.warn(`${dir}/articles has no article folders: the site lists none`);
      else if (failed > 0) logger.warn(`${failed} of ${records.length} articles skipped; they are listed on /zh-Hans/errors/`);
    },
  };
}

export function stringsLoader(): Loader {
  return {
    name: 'jiaokan-strings',
    load: async ({ store }) => {
      store.clear();
      store.set({ id: 'zh-Hans', data: { ...UI_HANS } as unknown as Record<string, unknown> });
      store.set({ id: 'zh-Hant', data: convertStrings({ ...UI_HANS }) as unknown as Record<string, unknown> });
    },
  };
}

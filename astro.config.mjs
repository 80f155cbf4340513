// Astro configuration of the Jiaokan reading site: a static site in dist/ (or --outDir) with
// directory URLs ending in `/`, and no inlined scripts or stylesheets (all assets are files).
// JIAOKAN_CACHE_DIR moves Astro's cache (so a test build from another content folder never
// shares the data store with the main build); JIAOKAN_SITE sets the absolute site URL.

import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  site: process.env.JIAOKAN_SITE || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  cacheDir: process.env.JIAOKAN_CACHE_DIR || './node_modules/.astro',
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  vite: { build: { assetsInlineLimit: 0 } },
});

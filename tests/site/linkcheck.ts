// The link checker over a built site folder (plain file reads): every internal href/src must
// resolve to a file, a fragment to an id on that page; ids unique per page; ARIA id references
// resolvable; external links http(s) only. Returns the problems found, one line each.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './build.ts';
import { tags, type Tag } from './html.ts';

export interface SiteCheck {
  pages: Map<string, Tag[]>;
  /** Internal links checked. */
  checked: number;
  broken: string[];
  duplicateIds: string[];
  aria: string[];
  external: string[];
}

/** The page URL of a file: `zh-Hans/index.html` → `/zh-Hans/`. */
export const urlOf = (file: string): string => '/' + file.replace(/(^|\/)index\.html$/, '$1');

export function idsOf(t: Tag[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const tag of t) {
    const id = tag.attrs.get('id');
    if (id !== undefined) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return ids;
}

export function checkSite(dist: string): SiteCheck {
  const pages = new Map<string, Tag[]>();
  for (const file of htmlFiles(dist)) pages.set(file, tags(readFileSync(join(dist, file), 'utf8')));
  const ids = new Map([...pages].map(([f, t]) => [f, idsOf(t)]));
  const fileFor = (path: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path).replace(/^\//, '');
    } catch {
      return null;
    }
    const full = join(dist, decoded);
    if (decoded === '' || decoded.endsWith('/')) return existsSync(join(full, 'index.html')) ? `${decoded}index.html` : null;
    return existsSync(full) && statSync(full).isFile() ? decoded : null;
  };
  const out: SiteCheck = { pages, checked: 0, broken: [], duplicateIds: [], aria: [], external: [] };
  for (const [file, t] of pages) {
    const pageIds = ids.get(file)!;
    for (const [id, n] of pageIds) if (n > 1) out.duplicateIds.push(`${file}: #${id} ×${n}`);
    const base = new URL(urlOf(file), 'http://site.invalid');
    for (const tag of t) {
      for (const attr of ['href', 'src']) {
        const value = tag.attrs.get(attr);
        if (value === undefined) continue;
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) {
          if (!/^https?:\/\//i.test(value)) out.external.push(`${file}: <${tag.name} ${attr}="${value}">`);
          continue;
        }
        out.checked++;
        const url = new URL(value, base);
        const target = fileFor(url.pathname);
        if (target === null) {
          out.broken.push(`${file}: ${attr}="${value}" → no file for ${url.pathname}`);
          continue;
        }
        if (url.hash.length > 1) {
          const id = decodeURIComponent(url.hash.slice(1));
          const targetIds = ids.get(target);
          if (targetIds && !targetIds.has(id)) out.broken.push(`${file}: ${attr}="${value}" → no #${id} in ${target}`);
        }
      }
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
        for (const id of (tag.attrs.get(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!pageIds.has(id)) out.aria.push(`${file}: <${tag.name} ${attr}="${id}">`);
        }
      }
    }
  }
  return out;
}

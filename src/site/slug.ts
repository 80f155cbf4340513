// Names that become URL path segments: article folder names (checked, never changed) and keyword
// page slugs (made from the keyword: letters and digits of any script kept, everything else a
// hyphen, so no `/`, `.`, `?`, `#`, `%` or markup can reach a path).

/** Article folder names the site accepts as slugs. */
export const ARTICLE_SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A path segment for a keyword: Han characters stay, separators and symbols become `-`. */
export function keywordSlug(keyword: string): string {
  const s = keyword
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return s === '' ? 'keyword' : s;
}

/** Gives each key a distinct slug, in the order given: `a`, `a-2`, `a-3`… */
export function uniqueSlugs(keys: readonly string[], slug: (key: string) => string): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const key of keys) {
    if (out.has(key)) continue;
    const base = slug(key);
    let s = base;
    for (let k = 2; used.has(s.toLowerCase()); k++) s = `${base}-${k}`;
    used.add(s.toLowerCase());
    out.set(key, s);
  }
  return out;
}

// Layer 2 of the damage model: simplified → traditional conversion one character at a time, with
// no phrase dictionary (`关系` → `關系`, `干部` stays `干部`, `着` → `著`).

import { s2tw } from '../script/opencc.ts';

/**
 * Characters the family's per-character table leaves alone although OpenCC's `cn` → `tw` table has
 * a different first choice for them. Observed on the seed page (each occurs there unconverted):
 * the simplified form is itself a traditional character, so a table without phrases keeps it.
 */
export const KEPT_BY_PAGE_TABLE: ReadonlySet<string> = new Set([
  '干', '系', '并', '于', '后', '范', '愿', '征', '厘', '占', '伙', '采', '筑', '涌',
]);

/** Where the page's table differs from OpenCC's first choice (seen on the seed page: `续签` → `續簽`). */
export const PAGE_TABLE_OVERRIDES: ReadonlyMap<string, string> = new Map([['签', '簽']]);

const cache = new Map<string, string>();

/** The traditional form the page's table gives one simplified character. */
export function toTraditionalChar(ch: string, keep: ReadonlySet<string> = KEPT_BY_PAGE_TABLE): string {
  if (keep.has(ch)) return ch;
  const fixed = PAGE_TABLE_OVERRIDES.get(ch);
  if (fixed !== undefined) return fixed;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const out = s2tw()(ch);
  // The table is character to character: keep anything that would not stay one code point.
  const result = [...out].length === 1 ? out : ch;
  cache.set(ch, result);
  return result;
}

/** Converts simplified text to traditional character by character (no phrases, no context). */
export function convertCharByChar(text: string, keep: ReadonlySet<string> = KEPT_BY_PAGE_TABLE): string {
  let out = '';
  for (const ch of text) out += toTraditionalChar(ch, keep);
  return out;
}

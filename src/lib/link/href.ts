// Which hrefs the linking plugins may write: a fragment (`#ref-2`) or a relative path
// (`../keywords/基层政府/`). It never lets through a scheme (`javascript:`, `data:`, `http:`),
// a protocol-relative `//host`, a backslash or a control character.

/** The href if it is a fragment or a relative path, else `null`. */
export function safeHref(href: string): string | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (h === '') return null;
  // Browsers drop control characters and whitespace inside a scheme (`java\tscript:`).
  if (/[\u0000-\u001f\u007f\\]/u.test(h)) return null;
  if (h.startsWith('//')) return null;
  // A colon before the first `/`, `?` or `#` is a scheme (or reads as one).
  const firstPart = h.split(/[/?#]/u, 1)[0]!;
  if (firstPart.includes(':')) return null;
  return h;
}

/** `#` + the id, percent-encoded where an id needs it. */
export function fragment(id: string): string {
  return `#${encodeURIComponent(id)}`;
}

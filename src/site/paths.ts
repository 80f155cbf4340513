// The reading site's URLs, in one place: every page is `/<script>/…/` with a trailing slash, and
// every path segment that comes from data is percent-encoded. Pages and tests use these.

import type { Script } from './types.ts';

const seg = (s: string): string => encodeURIComponent(s);

export const homeUrl = (script: Script): string => `/${script}/`;
export const articleUrl = (script: Script, slug: string): string => `/${script}/articles/${seg(slug)}/`;
export const apparatusUrl = (script: Script, slug: string): string => `/${script}/articles/${seg(slug)}/apparatus/`;
export const keywordsUrl = (script: Script): string => `/${script}/keywords/`;
export const keywordUrl = (script: Script, slug: string): string => `/${script}/keywords/${seg(slug)}/`;
export const aboutUrl = (script: Script): string => `/${script}/about/`;
export const searchUrl = (script: Script): string => `/${script}/search/`;
export const errorsUrl = (script: Script): string => `/${script}/errors/`;

/** An http(s) URL from the source as a safe external href, or null (no `javascript:`, `data:`…). */
export function externalHref(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A DOI as a doi.org link, or null when it does not look like one. */
export function doiHref(doi: string | null): string | null {
  if (doi === null) return null;
  const d = doi.trim();
  return /^10\.\d{4,9}\/[^\s]+$/u.test(d) ? `https://doi.org/${d.split('/').map(encodeURIComponent).join('/')}` : null;
}

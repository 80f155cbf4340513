// The link checker over the whole built site (plain file reads, no browser): every internal href
// and src resolves to a file, every fragment to an id on its page, ids are unique per page,
// every ARIA id reference resolves, and every page has <html lang> in one of the two scripts.

import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSite } from './build.ts';
import type { Tag } from './html.ts';
import { checkSite, idsOf, type SiteCheck } from './linkcheck.ts';

let site: SiteCheck;
let pages: Map<string, Tag[]>;

beforeAll(async () => {
  site = checkSite(await ensureSite());
  pages = site.pages;
});

describe('built site: links and ids', () => {
  it('has the pages of both scripts', () => {
    const files = [...pages.keys()];
    expect(files).toContain('index.html');
    for (const s of ['zh-Hans', 'zh-Hant']) {
      expect(files).toContain(`${s}/index.html`);
      expect(files).toContain(`${s}/about/index.html`);
      expect(files).toContain(`${s}/keywords/index.html`);
      expect(files.some((f) => f.startsWith(`${s}/articles/`) && f.endsWith('/apparatus/index.html'))).toBe(true);
      expect(files.some((f) => new RegExp(`^${s}/keywords/[^/]+/index\\.html$`).test(f))).toBe(true);
    }
  });

  it('gives every page a lang in one of the two scripts', () => {
    for (const [file, t] of pages) {
      const html = t.find((x) => x.name === 'html');
      expect(html?.attrs.get('lang'), file).toMatch(/^zh-Han[st]$/);
    }
  });

  it('keeps ids unique on every page', () => {
    expect(site.duplicateIds).toEqual([]);
  });

  it('resolves every internal href and src, with its fragment; lets only http(s) out', () => {
    expect(site.broken).toEqual([]);
    expect(site.external).toEqual([]);
    expect(site.checked).toBeGreaterThan(500);
  });

  it('resolves every ARIA id reference on its page', () => {
    expect(site.aria).toEqual([]);
  });

  it('loads scripts from files only, never inline, and never blocking', () => {
    for (const [file, t] of pages) {
      for (const s of t.filter((x) => x.name === 'script')) {
        expect(s.attrs.get('src'), `${file}: inline script`).toMatch(/^\/(?:js|pagefind)\//);
        expect((s.content ?? '').trim(), file).toBe('');
        expect(s.attrs.get('type') === 'module' || s.attrs.has('defer') || s.attrs.has('async'), `${file}: ${s.attrs.get('src')} blocks`).toBe(true);
      }
    }
  });

  it('links each article page to the same page in the other script (hreflang) and to its apparatus', () => {
    const articles = [...pages.keys()].filter((f) => /^zh-Han[st]\/articles\/[^/]+\/index\.html$/.test(f));
    expect(articles.length).toBeGreaterThanOrEqual(2);
    for (const file of articles) {
      const t = pages.get(file)!;
      const alternates = t.filter((x) => x.name === 'link' && x.attrs.get('rel') === 'alternate').map((x) => `${x.attrs.get('hreflang')} ${x.attrs.get('href')}`);
      const slug = file.split('/')[2]!;
      expect(alternates).toContain(`zh-Hans /zh-Hans/articles/${slug}/`);
      expect(alternates).toContain(`zh-Hant /zh-Hant/articles/${slug}/`);
      expect(t.some((x) => x.name === 'a' && x.attrs.get('href') === `/${file.split('/')[0]}/articles/${slug}/apparatus/`)).toBe(true);
    }
  });

  it('gives both scripts of an article the same ids', () => {
    const hans = [...pages.keys()].filter((f) => /^zh-Hans\/articles\//.test(f));
    for (const file of hans) {
      const other = file.replace(/^zh-Hans/, 'zh-Hant');
      expect([...idsOf(pages.get(other)!).keys()].sort(), other).toEqual([...idsOf(pages.get(file)!).keys()].sort());
    }
  });
});

// Builds the site from a temporary content folder (JIAOKAN_CONTENT) holding the hostile fixture
// page (markup, event handlers and javascript: URLs in every part of an article) beside articles
// that cannot be built, and checks that the source's markup is only ever text, that the failures
// are logged and listed without taking the good article down, and that a content folder whose
// articles all fail makes the build exit non-zero.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, htmlFiles, ROOT, serveSite, withBuildLock, type BuildResult } from './build.ts';
import { tags } from './html.ts';
import { checkSite } from './linkcheck.ts';

const work = mkdtempSync(join(tmpdir(), 'jiaokan-hostile-'));
const content = join(work, 'content');
const out = join(work, 'dist');
let build: BuildResult;

function article(slug: string, bytes?: Uint8Array | string): void {
  mkdirSync(join(content, 'articles', slug), { recursive: true });
  if (bytes !== undefined) writeFileSync(join(content, 'articles', slug, 'source.txt'), bytes);
}

beforeAll(async () => {
  article('hostile', readFileSync(join(ROOT, 'tests/fixtures/hostile/source.txt')));
  article('seed-copy', readFileSync(join(ROOT, 'content/articles/000_4e65b573a0795869/source.txt')));
  article('broken', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  article('no-source');
  article('bad name', '标题\n');
  build = await withBuildLock(() => buildSite({ content, outDir: out, cacheDir: join(work, 'cache') }));
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const JS_URL = /^[\s\u0000-\u001f]*j[\s\u0000-\u001f]*a[\s\u0000-\u001f]*v[\s\u0000-\u001f]*a[\s\u0000-\u001f]*s[\s\u0000-\u001f]*c[\s\u0000-\u001f]*r[\s\u0000-\u001f]*i[\s\u0000-\u001f]*p[\s\u0000-\u001f]*t[\s\u0000-\u001f]*:/i;

describe('a hostile source page', () => {
  it('builds, skipping only the articles that cannot be built', () => {
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(out, 'zh-Hans/articles/hostile/index.html'))).toBe(true);
    expect(existsSync(join(out, 'zh-Hant/articles/hostile/index.html'))).toBe(true);
    expect(existsSync(join(out, 'zh-Hans/articles/broken'))).toBe(false);
    expect(existsSync(join(out, 'zh-Hant/articles/seed-copy/apparatus/index.html'))).toBe(true);
  });

  it('lists both good articles on the home page, and each keyword page the articles carrying it', () => {
    const home = readFileSync(join(out, 'zh-Hans/index.html'), 'utf8');
    expect(home).toContain('href="/zh-Hans/articles/hostile/"');
    expect(home).toContain('href="/zh-Hans/articles/seed-copy/"');
    const kw = readFileSync(join(out, 'zh-Hant/keywords', '基層政府', 'index.html'), 'utf8');
    expect(kw).toContain('href="/zh-Hant/articles/seed-copy/"');
    expect(kw).not.toContain('href="/zh-Hant/articles/hostile/"');
    expect(kw).toContain('href="/zh-Hant/articles/seed-copy/#s2-1-p1"');
  });

  it('logs each failure with file, place and problem', () => {
    expect(build.output).toContain(`skipped article “broken”: ${join(content, 'articles/broken/source.txt')}: byte 0: this is a PNG image`);
    expect(build.output).toContain(`skipped article “no-source”: ${join(content, 'articles/no-source/source.txt')}: no such file`);
    expect(build.output).toMatch(/skipped article “bad name”: .*cannot be a URL/);
  });

  it('lists the failures on the errors page and notes them on the home page', () => {
    const errors = readFileSync(join(out, 'zh-Hans/errors/index.html'), 'utf8');
    expect(errors).toContain('articles/broken/source.txt');
    expect(errors).toContain('articles/no-source/source.txt');
    expect(errors).toContain('第 0 字节');
    const home = readFileSync(join(out, 'zh-Hans/index.html'), 'utf8');
    expect(home).toContain('href="/zh-Hans/errors/"');
    expect(home).toContain('/zh-Hans/articles/hostile/');
  });

  it('renders the markup as text: no script, no event handler, no javascript: URL anywhere in dist', () => {
    const files = htmlFiles(out);
    expect(files.length).toBeGreaterThan(10);
    let shown = 0;
    for (const file of files) {
      const html = readFileSync(join(out, file), 'utf8');
      for (const t of tags(html)) {
        if (t.name === 'script') {
          expect(t.attrs.get('src'), `${file}: inline script`).toMatch(/^\/(?:js|pagefind)\//);
          expect((t.content ?? '').trim()).toBe('');
        }
        expect(['iframe', 'img', 'svg', 'object', 'embed', 'b', 'style', 'base', 'form'], `${file}: <${t.name}>`).not.toContain(t.name);
        for (const [name, value] of t.attrs) {
          expect(name.startsWith('on'), `${file}: <${t.name} ${name}="${value}">`).toBe(false);
          if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name)) {
            expect(JS_URL.test(value), `${file}: <${t.name} ${name}="${value}">`).toBe(false);
          }
        }
      }
      if (/articles\/hostile\/index\.html$/.test(file)) {
        expect(html).toMatch(/&#x3C;script>alert\(/);
        expect(html).toMatch(/&#x3C;img src=x onerror=/);
        shown++;
      }
    }
    expect(shown).toBe(2);
  });

  it('prints the notes as text, after the body, with their markers linked both ways', () => {
    for (const script of ['zh-Hans', 'zh-Hant']) {
      const html = readFileSync(join(out, script, 'articles/hostile/index.html'), 'utf8');
      expect(html).toContain('<a href="#endnote-1" id="endnoteref-1-1" class="noteref-link" data-note="1">①</a>');
      expect(html).toMatch(/<li id="endnote-1" value="1"><span class="note-label">①<\/span> <span class="note-text" id="endnote-1-text">[注註]文&#x3C;script>alert\(17\)/);
      expect(html).toMatch(/<a href="#endnoteref-1-1" class="backlink" aria-label="返回第1[处處]注[号號]">/);
      expect(html.indexOf('id="endnotes"')).toBeGreaterThan(html.indexOf('id="s1"'));
      expect(html.indexOf('id="endnotes"')).toBeLessThan(html.indexOf('id="references"'));
      // The English title, abstract and key words after the references: a section of their own, as text.
      expect(html).toMatch(/<section class="abstract-en" id="abstract-en" lang="en"[^>]*>.*<p class="title-en">On &lt;script&gt;alert\(19\)&lt;\/script&gt; governance<\/p>/s);
      expect(html).toContain('It &lt;img src=x onerror=alert(20)&gt; works');
      expect(html).toContain('governance; &lt;b onmouseover=alert(22)&gt;order&lt;/b&gt;');
    }
  });

  it('keeps every internal link and id sound', () => {
    const site = checkSite(out);
    expect(site.broken).toEqual([]);
    expect(site.duplicateIds).toEqual([]);
    expect(site.aria).toEqual([]);
    expect(site.external).toEqual([]);
  });

  it('gives a hostile keyword a safe page path', () => {
    const kw = htmlFiles(out).filter((f) => f.startsWith('zh-Hans/keywords/') && f !== 'zh-Hans/keywords/index.html');
    expect(kw.length).toBeGreaterThanOrEqual(3);
    for (const f of kw) expect(f).toMatch(/^zh-Hans\/keywords\/[\p{L}\p{N}-]+\/index\.html$/u);
  });

  it('runs none of it in a browser', async () => {
    if (!existsSync('/usr/bin/chromium')) return;
    const { chromium } = await import('playwright-core');
    const server = await serveSite(out);
    const profile = mkdtempSync(join(tmpdir(), 'jiaokan-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const dialogs: string[] = [];
      for (const script of ['zh-Hans', 'zh-Hant']) {
        const page = await context.newPage();
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(`${server.url}${script}/articles/hostile/`);
        // Every link a reader can point at (the folded phone contents are not shown on a desk).
        for (const el of await page.$$('main a:visible, main [tabindex]:visible')) await el.hover().catch(() => undefined);
        const state = await page.evaluate(() => ({
          title: document.title,
          inline: document.querySelectorAll('script:not([src])').length,
          handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
          jsLinks: [...document.querySelectorAll('a')].filter((a) => a.protocol === 'javascript:').length,
          text: document.querySelector('main')!.textContent ?? '',
        }));
        expect(state.title).not.toContain('pwned');
        expect(state.inline).toBe(0);
        expect(state.handlers).toEqual([]);
        expect(state.jsLinks).toBe(0);
        expect(state.text).toContain('<script>alert(');
        await page.close();
      }
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

describe('a content folder whose articles all fail', () => {
  it('makes the build exit non-zero, naming the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaokan-allfail-'));
    try {
      mkdirSync(join(dir, 'content/articles/only'), { recursive: true });
      writeFileSync(join(dir, 'content/articles/only/source.txt'), new Uint8Array(0));
      const r = await withBuildLock(() => buildSite({ content: join(dir, 'content'), outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), pagefind: false }));
      expect(r.code).not.toBe(0);
      expect(r.output).toMatch(/articles\/only\/source\.txt: (?:byte 0: )?empty file/);
      expect(r.output).toMatch(/every article in .* failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

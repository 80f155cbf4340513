// End-to-end tests of the reading site in Debian's Chromium (playwright-core): the built dist/
// served by scripts/serve.mjs on 127.0.0.1; both scripts of the article, citation → reference →
// back, the script switch landing on the same section and remembering it, emendation marks and
// apparatus entries, keyboard-only navigation, axe-core, reading without JavaScript, search, and
// a screenshot per page type kept in tests/artifacts/.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSite, ROOT, serveSite, type Served } from '../site/build.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = join(ROOT, 'tests/artifacts');
const SLUG = '000_4e65b573a0795869';
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

let server: Served;
let context: BrowserContext;
let noJs: BrowserContext;
const profiles: string[] = [];
const problems: string[] = [];

function launch(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'jiaokan-chromium-'));
  profiles.push(profile);
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    ...options,
  });
}

/** A page that records console errors, CSP violations and uncaught exceptions. */
async function open(ctx: BrowserContext, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${path}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
  if (viewport) await page.setViewportSize(viewport);
  const response = await page.goto(server.url + path.replace(/^\//, ''));
  expect(response?.status(), path).toBe(200);
  return page;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

const article = (script: string): string => `/${script}/articles/${SLUG}/`;
const apparatus = (script: string): string => `/${script}/articles/${SLUG}/apparatus/`;

/** Whether the element's top is inside the viewport. */
const inView = (page: Page, selector: string): Promise<boolean> =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight;
  });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const dist = await ensureSite();
  server = await serveSite(dist);
  context = await launch();
  noJs = await launch({ javaScriptEnabled: false });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await noJs?.close();
  await server?.close();
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

describe('reading site in Chromium', () => {
  it('opens the article in both scripts, with lang, alternates and CJK typography', async () => {
    const titles: string[] = [];
    for (const script of ['zh-Hans', 'zh-Hant']) {
      const page = await open(context, article(script));
      expect(await page.getAttribute('html', 'lang')).toBe(script);
      titles.push((await page.textContent('h1#title'))!.trim());
      const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
      expect(alternates).toEqual(expect.arrayContaining([`zh-Hans ${article('zh-Hans')}`, `zh-Hant ${article('zh-Hant')}`]));
      const type = await page.$eval('#body p', (p) => {
        const s = getComputedStyle(p);
        const size = parseFloat(s.fontSize);
        return { family: s.fontFamily, lineHeight: parseFloat(s.lineHeight) / size, perLine: p.clientWidth / size, lineBreak: s.lineBreak };
      });
      expect(type.family).toContain(script === 'zh-Hans' ? 'Noto Serif CJK SC' : 'Noto Serif CJK TC');
      expect(type.lineHeight).toBeGreaterThan(1.7);
      expect(type.lineHeight).toBeLessThan(1.9);
      expect(type.perLine).toBeGreaterThanOrEqual(34);
      expect(type.perLine).toBeLessThanOrEqual(40);
      expect(type.lineBreak).toBe('strict');
      // The witness in a mark's preview is the traditional page.
      expect(await page.$$eval('.em-tip .witness', (qs) => qs.every((q) => q.getAttribute('lang') === 'zh-Hant'))).toBe(true);
      // How to cite: the online form, with this page's address and today as the date cited.
      expect(await page.textContent('#cite-text')).toMatch(/\[J\/OL\]\. .*\[\d{4}-\d{2}-\d{2}\]\. http:\/\/127\.0\.0\.1:\d+\/zh-Han[st]\/articles\//);
      await shot(page, `article-${script}-desk`);
      await page.close();
    }
    expect(titles[0]).not.toBe(titles[1]);
  });

  it('follows a citation to its reference, previews it, and comes back', async () => {
    const page = await open(context, article('zh-Hans'));
    await page.hover('#cite-1-1');
    const tip = await page.$eval('#cite-1-1 + .cite-tip', (el) => ({ shown: getComputedStyle(el).display !== 'none', text: el.textContent }));
    expect(tip.shown).toBe(true);
    expect(tip.text).toMatch(/^\[1\]/);
    await page.click('#cite-1-1');
    await page.waitForFunction(() => location.hash === '#ref-1');
    expect(await inView(page, '#ref-1')).toBe(true);
    expect(await page.$eval('#ref-1', (el) => el.matches(':target'))).toBe(true);
    await page.click('#ref-1 a.backlink[href="#cite-1-1"]');
    await page.waitForFunction(() => location.hash === '#cite-1-1');
    expect(await inView(page, '#cite-1-1')).toBe(true);
    await page.close();
  });

  it('switches script onto the same section and remembers the choice', async () => {
    const page = await open(context, article('zh-Hans'));
    await page.evaluate(() => localStorage.clear());
    await page.$eval('#s2', (el) => el.scrollIntoView());
    await page.click('.script-switch a[data-switch-script="zh-Hant"]');
    await page.waitForURL(/\/zh-Hant\/articles\/[^/]+\/#s2$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    expect(await inView(page, '#s2')).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('jiaokan.script'))).toBe('zh-Hant');
    await shot(page, 'article-switched-zh-Hant');
    // The root page follows the remembered choice.
    await page.goto(server.url);
    await page.waitForURL(/\/zh-Hant\/$/);
    // Switching back from a paragraph keeps that paragraph.
    await page.goto(server.url + article('zh-Hant').slice(1) + '#s3-1-p1');
    await page.click('.script-switch a[data-switch-script="zh-Hans"]');
    await page.waitForURL(/\/zh-Hans\/articles\/[^/]+\/#s3-1-p1$/);
    expect(await page.evaluate(() => localStorage.getItem('jiaokan.script'))).toBe('zh-Hans');
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('offers traditional script on the root page to a reader whose browser prefers it', async () => {
    const tw = await launch({ locale: 'zh-TW' });
    try {
      const page = await tw.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-script-hint]:not([hidden])');
      await page.click('[data-script-hint] a');
      await page.waitForURL(/\/zh-Hant\/$/);
      expect(await page.evaluate(() => localStorage.getItem('jiaokan.script'))).toBe('zh-Hant');
    } finally {
      await tw.close();
    }
    // Without that preference, no hint.
    const page = await open(context, '/zh-Hans/');
    expect(await page.isHidden('[data-script-hint]')).toBe(true);
    await page.close();
  });

  it('shows an emendation where it happened and opens its apparatus entry', async () => {
    const page = await open(context, article('zh-Hans'));
    const mark = '.em-realign .em-mark';
    await page.hover(mark);
    const tip = await page.$eval(`${mark} + .em-tip`, (el) => ({ shown: getComputedStyle(el).display !== 'none', text: el.textContent ?? '' }));
    expect(tip.shown).toBe(true);
    expect(tip.text).toMatch(/底本.*校作.*置信度 \d/);
    const href = (await page.getAttribute(mark, 'href'))!;
    const id = href.split('#')[1]!;
    await page.click(mark);
    await page.waitForURL(new RegExp(`/apparatus/#${id}$`));
    expect(await inView(page, `tr#${id}`)).toBe(true);
    const row = await page.$eval(`tr#${id}`, (tr) => ({
      witnessLang: tr.querySelector('.witness .w')?.getAttribute('lang'),
      text: tr.textContent,
      target: tr.matches(':target'),
    }));
    expect(row.witnessLang).toBe('zh-Hant');
    expect(row.target).toBe(true);
    expect(row.text).toMatch(/%/);
    await shot(page, 'apparatus-zh-Hans-entry');
    // An entry inside the collapsed full list (pinyin) opens when linked to.
    const first = (await page.getAttribute('#kind-pinyin table.summary a', 'href'))!;
    await page.click(`#kind-pinyin table.summary a[href="${first}"]`);
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLElement | null)?.offsetParent !== null, `tr${first}`);
    expect(await page.$eval(`tr${first}`, (tr) => tr.closest('details')?.open)).toBe(true);
    expect(await inView(page, `tr${first}`)).toBe(true);
    await page.close();
  });

  it('can be read with the keyboard alone: skip link, contents, citations, visible focus', async () => {
    const page = await open(context, article('zh-Hans'));
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { cls: el.className, visible: r.top >= 0 && r.height > 0, outline: getComputedStyle(el).outlineStyle };
    });
    expect(skip.cls).toBe('skip-link');
    expect(skip.visible).toBe(true);
    expect(skip.outline).not.toBe('none');
    await shot(page, 'keyboard-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const reached = new Set<string>();
    let unfocused = 0;
    for (let i = 0; i < 150 && !(reached.has('toc') && reached.has('citation')); i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return {
          toc: !!el.closest('.toc'),
          citation: el.classList.contains('citation-link'),
          ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        };
      });
      if (f.toc) reached.add('toc');
      if (f.citation) {
        reached.add('citation');
        await shot(page, 'keyboard-citation-focus');
      }
      if (!f.ring) unfocused++;
    }
    expect([...reached].sort()).toEqual(['citation', 'toc']);
    expect(unfocused).toBe(0);
    // Enter on a focused citation follows it.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^#ref-\d+$/.test(location.hash));
    await page.close();
  });

  it('has no serious or critical axe-core violations on any page type', async () => {
    const pages: Array<[string, { width: number; height: number }?, 'dark'?]> = [
      ['/'],
      ['/zh-Hant/'],
      [article('zh-Hans')],
      [article('zh-Hant'), { width: 390, height: 844 }, 'dark'],
      [apparatus('zh-Hans')],
      [apparatus('zh-Hant'), { width: 390, height: 844 }],
      ['/zh-Hans/keywords/'],
      [`/zh-Hans/keywords/${encodeURIComponent('基层政府')}/`],
      [`/zh-Hant/keywords/${encodeURIComponent('基層政府')}/`, undefined, 'dark'],
      ['/zh-Hans/about/'],
      ['/zh-Hant/search/'],
      ['/zh-Hans/errors/'],
    ];
    const found: string[] = [];
    for (const [path, viewport, scheme] of pages) {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
      if (viewport) await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme === 'dark' ? 'dark' : 'light' });
      await page.goto(server.url + path.slice(1));
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}${scheme ? ' (dark)' : ''}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(', ')}`);
      }
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('reads fully without JavaScript', async () => {
    const page = await open(noJs, article('zh-Hant'), { width: 390, height: 844 });
    expect(await page.$$eval('#body p[id]', (ps) => ps.length)).toBeGreaterThan(10);
    expect(await page.isVisible('#body p[id]')).toBe(true);
    expect(await page.isHidden('button.copy')).toBe(true);
    expect(await page.getAttribute('.script-switch a', 'href')).toBe(article('zh-Hans'));
    await shot(page, 'article-zh-Hant-phone-nojs');
    await page.click('#cite-1-1');
    await page.waitForFunction(() => location.hash === '#ref-1');
    const search = await open(noJs, '/zh-Hans/search/');
    expect(await search.textContent('main')).toContain('JavaScript');
    await search.close();
    const root = await open(noJs, '/');
    expect(await root.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await root.$$eval('.article-list a', (as) => as.length)).toBeGreaterThan(0);
    await root.close();
    await page.close();
  });

  it('searches either script with Pagefind', async () => {
    const page = await open(context, `/zh-Hans/search/?q=${encodeURIComponent('基层政府')}`);
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
    const hrefs = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.startsWith(article('zh-Hans')))).toBe(true);
    await shot(page, 'search-zh-Hans');
    await page.close();
    const hant = await open(context, `/zh-Hant/search/?q=${encodeURIComponent('基層政府')}`);
    await hant.waitForSelector('.pagefind-ui__result-link', { timeout: 20_000 });
    const hantHrefs = await hant.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href')));
    expect(hantHrefs.some((h) => h?.startsWith(article('zh-Hant')))).toBe(true);
    await hant.close();
  });

  it('keeps a screenshot of every page type (phone and desk, light and dark, print)', async () => {
    const views: Array<[string, string, { width: number; height: number }, 'light' | 'dark' | 'print']> = [
      ['home-desk', '/', { width: 1280, height: 900 }, 'light'],
      ['home-zh-Hant-phone-dark', '/zh-Hant/', { width: 390, height: 844 }, 'dark'],
      ['article-zh-Hans-phone', article('zh-Hans'), { width: 390, height: 844 }, 'light'],
      ['article-zh-Hant-desk-dark', article('zh-Hant'), { width: 1280, height: 900 }, 'dark'],
      ['article-zh-Hans-print', article('zh-Hans'), { width: 1280, height: 900 }, 'print'],
      ['apparatus-zh-Hans-desk', apparatus('zh-Hans'), { width: 1280, height: 900 }, 'light'],
      ['apparatus-zh-Hant-phone-dark', apparatus('zh-Hant'), { width: 390, height: 844 }, 'dark'],
      ['keyword-zh-Hans-desk', `/zh-Hans/keywords/${encodeURIComponent('基层政府')}/`, { width: 1280, height: 900 }, 'light'],
      ['keywords-zh-Hant-phone', '/zh-Hant/keywords/', { width: 390, height: 844 }, 'light'],
      ['about-zh-Hant-desk', '/zh-Hant/about/', { width: 1280, height: 900 }, 'light'],
      ['errors-zh-Hans-desk', '/zh-Hans/errors/', { width: 1280, height: 900 }, 'light'],
    ];
    for (const [name, path, viewport, mode] of views) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.emulateMedia(mode === 'print' ? { media: 'print', colorScheme: 'light' } : { media: 'screen', colorScheme: mode });
      await page.goto(server.url + path.slice(1));
      if (mode === 'print') {
        const hidden = await page.$$eval('.site-header, .toc, .em-mark', (els) => els.every((el) => getComputedStyle(el).display === 'none'));
        expect(hidden).toBe(true);
        expect(await page.isVisible('#references li')).toBe(true);
      }
      await shot(page, name, mode === 'print');
      await page.close();
    }
  });

  it('logged no script errors or content-security-policy violations', () => {
    expect(problems).toEqual([]);
  });
});

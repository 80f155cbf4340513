// The site's build data without Astro: the pipeline over content/ (and over folders that fail),
// the apparatus placed on the page (every inline mark's offsets point at its reading, in both
// scripts), the rendered body keeping the text and the model's ids, and the URL helpers.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allParagraphs, allSections } from '../../src/lib/model/index.ts';
import { marksByElement, MARKED_KINDS } from '../../src/site/apparatus.ts';
import { buildArticles } from '../../src/site/pipeline.ts';
import { doiHref, externalHref, keywordUrl } from '../../src/site/paths.ts';
import { citeArticle, keywordPassages, renderBody, renderReferences } from '../../src/site/render.ts';
import { keywordSlug, uniqueSlugs } from '../../src/site/slug.ts';
import { UI_HANS, type UiStrings } from '../../src/site/strings.ts';
import type { Article, ArticleOk, ArticleRecord, Script } from '../../src/site/types.ts';
import { decodeEntities } from './html.ts';
import { ROOT } from './build.ts';

let records: ArticleRecord[] = [];
let seed: ArticleOk;

beforeAll(async () => {
  records = await buildArticles(join(ROOT, 'content'));
  seed = records.find((r): r is ArticleOk => r.status === 'ok')!;
}, 120_000);

/** The text of the element an anchor names, as the article page renders it. */
function elementText(article: Article, anchor: string): string | null {
  if (anchor === 'title') return article.meta.title;
  const abs = /^abstract-(\d+)$/.exec(anchor);
  if (abs) return (article.abstract ?? '').split('\n')[Number(abs[1]) - 1] ?? null;
  const p = allParagraphs(article).find((x) => x.id === anchor);
  if (p) return p.text;
  const s = allSections(article).find((x) => x.id === anchor);
  if (s) return s.heading;
  const r = article.references.find((x) => x.id === anchor);
  return r ? r.raw : null;
}

const ui = UI_HANS as unknown as UiStrings;

describe('pipeline over content/', () => {
  it('builds every bundled article', () => {
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(records.filter((r) => r.status === 'failed')).toEqual([]);
    expect(seed.editions['zh-Hans'].article.script).toBe('zh-Hans');
    expect(seed.editions['zh-Hant'].article.script).toBe('zh-Hant');
    expect(seed.editions['zh-Hant'].article.meta.title).not.toBe(seed.editions['zh-Hans'].article.meta.title);
  });

  it('places every emendation, with the same ids in both scripts', () => {
    const hans = seed.editions['zh-Hans'].apparatus;
    const hant = seed.editions['zh-Hant'].apparatus;
    expect(hans.length).toBeGreaterThan(100);
    expect(hant.map((e) => e.id)).toEqual(hans.map((e) => e.id));
    for (const e of hans) {
      if (e.kind === 'furniture') expect(e.place.block).toBe('furniture');
      else {
        expect(e.place.line, e.id).not.toBeNull();
        expect(e.excerpt, e.id).not.toBeNull();
      }
    }
    // Pinyin and punctuation mostly stand in the body.
    const inBody = hans.filter((e) => e.kind === 'pinyin' && e.place.block === 'paragraph').length;
    expect(inBody / hans.filter((e) => e.kind === 'pinyin').length).toBeGreaterThan(0.8);
  });

  for (const script of ['zh-Hans', 'zh-Hant'] as Script[]) {
    it(`points each inline mark at its reading (${script})`, () => {
      const edition = seed.editions[script];
      const marks = marksByElement(edition.apparatus);
      let n = 0;
      for (const [anchor, list] of marks) {
        const text = elementText(edition.article, anchor);
        expect(text, anchor).not.toBeNull();
        for (const e of list) {
          expect(MARKED_KINDS.has(e.kind)).toBe(true);
          expect(text!.slice(e.place.start!, e.place.end!), `${e.id} in ${anchor}`).toBe(e.shown);
          n++;
        }
      }
      expect(n).toBeGreaterThan(5);
    });
  }

  it('labels places as a reader counts them', () => {
    const labels = new Set(seed.editions['zh-Hans'].apparatus.map((e) => e.place.label));
    expect([...labels].some((l) => /^开篇第\d+段$/.test(l))).toBe(true);
    expect([...labels].some((l) => /^[一二三四五六七八九十]+（[一二三四五六七八九十]+）第\d+段$/.test(l))).toBe(true);
    const hant = new Set(seed.editions['zh-Hant'].apparatus.map((e) => e.place.label));
    expect([...hant].some((l) => /^開篇第\d+段$/.test(l))).toBe(true);
  });

  it('gives keywords a page slug per script, aligned with the model', () => {
    for (const script of ['zh-Hans', 'zh-Hant'] as Script[]) {
      const ed = seed.editions[script];
      expect(ed.keywords.map((k) => k.text)).toEqual(ed.article.keywords);
      for (const k of ed.keywords) expect(k.slug).toMatch(/^[\p{L}\p{N}-]+$/u);
    }
    expect(seed.editions['zh-Hant'].keywords.map((k) => k.key)).toEqual(seed.editions['zh-Hans'].article.keywords);
  });
});

describe('rendering the body', () => {
  const strip = (html: string): string =>
    decodeEntities(html.replace(/<span class="(?:em|cite)-tip"[^>]*>.*?<\/span>/gs, '').replace(/<[^>]+>/g, ''));

  it('keeps every paragraph’s text, in order, and the model’s ids', () => {
    const edition = seed.editions['zh-Hans'];
    const html = renderBody({ edition, ui, slug: seed.slug });
    const text = strip(html);
    let at = 0;
    for (const p of allParagraphs(edition.article)) {
      const i = text.indexOf(p.text, at);
      expect(i, p.id).toBeGreaterThanOrEqual(0);
      at = i + p.text.length;
      expect(html).toContain(`id="${p.id}"`);
    }
    for (const c of edition.article.citations) for (const a of c.anchors) expect(html).toContain(`id="${a.id}"`);
    for (const e of marksByElement(edition.apparatus).values()) {
      for (const m of e) {
        if (m.place.block === 'paragraph' || m.place.block === 'heading') {
          expect(html).toContain(`href="/zh-Hans/articles/${seed.slug}/apparatus/#${m.id}"`);
          expect(html).toContain(`id="tip-${m.id}"`);
        }
      }
    }
    // No link inside a link.
    expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /s);
  });

  it('links citations to references and references back', () => {
    const edition = seed.editions['zh-Hant'];
    const body = renderBody({ edition, ui, slug: seed.slug });
    const refs = renderReferences({ edition, ui, slug: seed.slug });
    for (const r of edition.article.references) {
      expect(refs).toContain(`id="${r.id}"`);
      for (const id of r.citedBy) {
        expect(refs).toContain(`href="#${id}"`);
        expect(body).toContain(`id="${id}"`);
      }
    }
    expect(body).toMatch(/<a href="#ref-1" id="cite-1-1" class="citation-link" data-ref="1" aria-describedby="tip-c1">1<\/a><span class="cite-tip" role="tooltip" id="tip-c1"/);
  });

  it('finds keyword passages with the keyword marked', () => {
    const edition = seed.editions['zh-Hans'];
    const k = edition.keywords[2]!;
    const passages = keywordPassages(edition.article, k.text);
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect(p.html).toContain(`<mark class="keyword" data-keyword="${k.text}">${k.text}</mark>`);
    expect(keywordUrl('zh-Hans', k.slug)).toBe(`/zh-Hans/keywords/${encodeURIComponent(k.slug)}/`);
  });

  it('cites the article GB/T 7714-style', () => {
    const cite = citeArticle(seed.editions['zh-Hans'].article, 'https://example.org/a/');
    expect(cite).toBe('吴欢欢. 国家与社会关系视角下基层社会治理的逻辑和路径[J/OL]. 宁夏党校学报, 2021(1): 95-100. https://example.org/a/.');
    expect(citeArticle(seed.editions['zh-Hans'].article, 'https://example.org/a/', '2025-03-08')).toBe(
      '吴欢欢. 国家与社会关系视角下基层社会治理的逻辑和路径[J/OL]. 宁夏党校学报, 2021(1): 95-100[2025-03-08]. https://example.org/a/.',
    );
    expect(citeArticle(seed.editions['zh-Hans'].article, null)).toBe('吴欢欢. 国家与社会关系视角下基层社会治理的逻辑和路径[J]. 宁夏党校学报, 2021(1): 95-100.');
  });
});

describe('failing folders', () => {
  it('become failure records naming file, place and problem, and leave the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaokan-fail-'));
    try {
      const put = (slug: string, bytes?: Uint8Array | string): void => {
        mkdirSync(join(dir, 'articles', slug), { recursive: true });
        if (bytes !== undefined) writeFileSync(join(dir, 'articles', slug, 'source.txt'), bytes);
      };
      put('a-binary', new Uint8Array([0x41, 0x42, 0x00, 0x43]));
      put('b-missing');
      put('c bad');
      put('d-gbk', new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xff, 0xff]));
      const r = await buildArticles(dir);
      expect(r.map((x) => [x.slug, x.status])).toEqual([
        ['a-binary', 'failed'],
        ['b-missing', 'failed'],
        ['c bad', 'failed'],
        ['d-gbk', 'failed'],
      ]);
      const [bin, missing, bad] = r as Array<Extract<ArticleRecord, { status: 'failed' }>>;
      expect(bin).toMatchObject({ stage: 'decode', offset: 2, file: 'articles/a-binary/source.txt' });
      expect(bin!.problem).toMatch(/control character 0x00/);
      expect(missing).toMatchObject({ stage: 'read', offset: null, problem: 'no such file' });
      expect(bad!.stage).toBe('folder');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws when there is no articles folder', async () => {
    await expect(buildArticles(join(tmpdir(), 'jiaokan-no-such-folder'))).rejects.toThrow(/no articles folder/);
  });
});

describe('slugs and hrefs', () => {
  it('makes keyword slugs that cannot leave a path segment', () => {
    expect(keywordSlug('基层政府')).toBe('基层政府');
    expect(keywordSlug('国家与社会的关系')).toBe('国家与社会的关系');
    expect(keywordSlug('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(keywordSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(keywordSlug('a/b?c#d%e')).toBe('a-b-c-d-e');
    expect(keywordSlug('？！')).toBe('keyword');
    expect(keywordSlug('COVID-19 疫情')).toBe('COVID-19-疫情');
    expect([...uniqueSlugs(['a b', 'a-b', 'A b'], keywordSlug).values()]).toEqual(['a-b', 'a-b-2', 'A-b-3']);
  });

  it('lets only http(s) and DOIs out', () => {
    expect(externalHref('https://example.org/x?y=1')).toBe('https://example.org/x?y=1');
    expect(externalHref('javascript:alert(1)')).toBeNull();
    expect(externalHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(externalHref('data:text/html,<script>')).toBeNull();
    expect(externalHref('//evil.example/')).toBeNull();
    expect(doiHref('10.1000/xyz123')).toBe('https://doi.org/10.1000/xyz123');
    expect(doiHref('10.1000/a"><script>')).toBe('https://doi.org/10.1000/a%22%3E%3Cscript%3E');
    expect(doiHref('javascript:alert(1)')).toBeNull();
  });
});

// The linking plugins, each on its own with small hast inputs, then together on the seed model.

import type { Element, ElementContent, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified, type Plugin } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  bodyHast,
  paragraphHast,
  referencesHast,
  rehypeAnchors,
  rehypeCitations,
  rehypeKeywords,
  rehypeNoteRefs,
  safeHref,
  type Backlinks,
} from '../../src/lib/link/index.ts';
import { allParagraphs, parseArticle } from '../../src/lib/model/index.ts';
import { seedRepair } from '../fixtures/model/seed.ts';

const t = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], ...children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const root = (...children: Element[]): Root => ({ type: 'root', children });
const p = (id: string, text: string): Element => el('p', { id }, t(text));

/** Run one plugin over a tree (in place) and give the HTML. */
function run(plugin: Plugin<any[], Root>, options: unknown, tree: Root): string {
  const processor = unified().use(plugin, options).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
}

/** Run one plugin and give the resulting tree and the file's messages. */
function runWithMessages(plugin: Plugin<any[], Root>, options: unknown, tree: Root): Promise<{ html: string; messages: string[] }> {
  const processor = unified().use(plugin, options);
  return new Promise((resolve, reject) => {
    processor.run(tree, (error, out, file): undefined => {
      if (error || !out || !file) reject(error ?? new Error('no result'));
      else resolve({ html: unified().use(rehypeStringify).stringify(out), messages: file.messages.map((m) => m.reason) });
    });
  });
}

describe('rehypeCitations', () => {
  it('links a marker to its reference and gives the place an id', () => {
    const html = run(rehypeCitations, { references: [1] }, root(p('p1', '正如所说[1]。')));
    expect(html).toBe(
      '<p id="p1">正如所说<sup class="citation">[<a href="#ref-1" id="cite-1-1" class="citation-link" data-ref="1">1</a>]</sup>。</p>',
    );
  });

  it('numbers the places citing a reference in document order and hands back the back-links', () => {
    let backlinks: Backlinks | null = null;
    const html = run(
      rehypeCitations,
      { references: [1, 2, 3, 4], onBacklinks: (b: Backlinks) => (backlinks = b) },
      root(p('p1', '甲[1]，乙。[2-4]丙[1,3]'), p('p2', '丁”[1]的')),
    );
    expect(backlinks).toEqual(
      new Map([
        [1, ['cite-1-1', 'cite-1-2', 'cite-1-3']],
        [2, ['cite-2-1']],
        [3, ['cite-3-1', 'cite-3-2']],
        [4, ['cite-4-1']],
      ]),
    );
    // The range links its printed ends; the number it implies gets an empty anchor.
    expect(html).toContain(
      '<sup class="citation">[<a href="#ref-2" id="cite-2-1" class="citation-link" data-ref="2">2</a>-<span id="cite-3-1" class="citation-implied" data-ref="3"></span><a href="#ref-4" id="cite-4-1" class="citation-link" data-ref="4">4</a>]</sup>',
    );
    expect(html).toContain('”<sup class="citation">[<a href="#ref-1" id="cite-1-3"');
    // The visible text is unchanged.
    expect(html.replace(/<[^>]+>/g, '')).toBe('甲[1]，乙。[2-4]丙[1,3]丁”[1]的');
  });

  it('marks a citation of a missing reference without linking it', () => {
    const html = run(rehypeCitations, { references: [1] }, root(p('p1', '见[9]。')));
    expect(html).toBe(
      '<p id="p1">见<sup class="citation">[<span id="cite-9-1" class="citation-missing" data-ref="9" title="No reference 9 in the list">9</span>]</sup>。</p>',
    );
    expect(html).not.toContain('href');
  });

  it('leaves markers inside links, code and headings alone, and is idempotent', () => {
    const tree = root(
      el('h2', { id: 's1' }, t('标题[1]')),
      el('p', { id: 'p1' }, el('a', { href: '#x' }, t('[1]')), el('code', {}, t('a[1]')), t('正文[1]')),
    );
    const once = run(rehypeCitations, { references: [1] }, tree);
    expect(once).toBe(
      '<h2 id="s1">标题[1]</h2><p id="p1"><a href="#x">[1]</a><code>a[1]</code>正文<sup class="citation">[<a href="#ref-1" id="cite-1-1" class="citation-link" data-ref="1">1</a>]</sup></p>',
    );
    const twice = run(rehypeCitations, { references: [1] }, tree);
    expect(twice).toBe(once);
  });

  it('keeps numbering across pieces when given a shared counter', () => {
    const counter = new Map<number, number>();
    const a = run(rehypeCitations, { references: [1], counter }, root(p('p1', '[1]')));
    const b = run(rehypeCitations, { references: [1], counter }, root(p('p2', '[1]')));
    expect(a).toContain('id="cite-1-1"');
    expect(b).toContain('id="cite-1-2"');
  });

  it('does not take years or non-numbers for citations', () => {
    const html = run(rehypeCitations, { references: [1] }, root(p('p1', '[J][2018]和[a]以及[0]')));
    expect(html).toBe('<p id="p1">[J][2018]和[a]以及[0]</p>');
  });

  it('keeps source text escaped', () => {
    const html = run(rehypeCitations, { references: [1] }, root(p('p1', '<script>alert(1)</script>&[1]')));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>&#x26;<sup');
  });
});

describe('rehypeNoteRefs', () => {
  it('links a circled number after what it annotates to its note, and leaves list items alone', () => {
    const html = run(rehypeNoteRefs, { notes: [1] }, root(p('p1', '刊载了《老人与海》①，标准：①存在症状；③未知。')));
    expect(html).toBe(
      '<p id="p1">刊载了《老人与海》<sup class="noteref"><a href="#endnote-1" id="endnoteref-1-1" class="noteref-link" data-note="1">①</a></sup>，标准：①存在症状；③未知。</p>',
    );
  });

  it('renders the notes after the body, with back-links to every marker, and links them in order', () => {
    const article = parseArticle({
      text: ['题目', '甲①乙②。', '丙①。', '注释：', '①注一，见[1]。', '②注二。', '参考文献：', '[1] 张三.论甲[J].甲刊，2019(2)：1-5.'].join('\n'),
      sourceText: '',
      apparatus: [],
      furniture: [],
      lines: [],
    } as unknown as Parameters<typeof parseArticle>[0]);
    const processor = unified()
      .use(rehypeNoteRefs, { notes: article.endnotes.map((n) => n.number) })
      .use(rehypeCitations, { references: article.references.map((r) => r.number) });
    const html = unified().use(rehypeStringify).stringify(processor.runSync(bodyHast(article)) as Root);
    const ids = [...html.matchAll(/id="(endnote[^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['endnoteref-1-1', 'endnoteref-2-1', 'endnoteref-1-2', 'endnotes', 'endnotes-h', 'endnote-1', 'endnote-1-text', 'endnote-2', 'endnote-2-text']);
    expect(html).toContain('<li id="endnote-1" value="1"><span class="note-label">①</span> <span class="note-text" id="endnote-1-text">注一，见<sup class="citation">[<a href="#ref-1" id="cite-1-1"');
    expect(html).toContain('<a href="#endnoteref-1-2" class="backlink"');
    // The plugin's ids are the model's.
    expect(ids.slice(0, 3)).toEqual(article.noteRefs.map((r) => r.id));
  });
});

describe('rehypeKeywords', () => {
  it('marks keyword occurrences and links them to the keyword page', () => {
    const html = run(
      rehypeKeywords,
      { keywords: { 基层政府: '../keywords/基层政府/', 社会组织: null } },
      root(p('p1', '基层政府与社会组织，基层政府。')),
    );
    expect(html).toBe(
      '<p id="p1"><a href="../keywords/基层政府/" class="keyword-link"><mark class="keyword" data-keyword="基层政府">基层政府</mark></a>与<mark class="keyword" data-keyword="社会组织">社会组织</mark>，<a href="../keywords/基层政府/" class="keyword-link"><mark class="keyword" data-keyword="基层政府">基层政府</mark></a>。</p>',
    );
  });

  it('prefers the longest keyword at a position', () => {
    const html = run(
      rehypeKeywords,
      { keywords: new Map([['社会', null], ['社会治理', null]]) },
      root(p('p1', '社会治理和社会')),
    );
    expect(html).toBe(
      '<p id="p1"><mark class="keyword" data-keyword="社会治理">社会治理</mark>和<mark class="keyword" data-keyword="社会">社会</mark></p>',
    );
  });

  it('marks only the first occurrence when asked', () => {
    const html = run(rehypeKeywords, { keywords: { 甲: null }, firstOnly: true }, root(p('p1', '甲乙甲'), p('p2', '甲')));
    expect(html.match(/<mark/g)).toHaveLength(1);
  });

  it('never writes an unsafe href: highlights without a link and reports it', async () => {
    const { html, messages } = await runWithMessages(
      rehypeKeywords,
      { keywords: { 甲: 'javascript:alert(1)', 乙: '//evil.example/', 丙: 'https://example.com/', 丁: 'java\tscript:x' } },
      root(p('p1', '甲乙丙丁')),
    );
    expect(html).not.toMatch(/href/);
    expect(html.match(/<mark/g)).toHaveLength(4);
    expect(messages).toHaveLength(4);
    expect(messages[0]).toMatch(/javascript:alert/);
  });

  it('does not enter links, citation markers or code, and keeps text escaped', () => {
    const tree = root(
      el(
        'p',
        { id: 'p1' },
        el('a', { href: '#x' }, t('甲')),
        el('sup', { className: ['citation'] }, t('甲')),
        el('code', {}, t('甲')),
        t('<b>甲</b>'),
      ),
    );
    const html = run(rehypeKeywords, { keywords: { 甲: '#kw-甲' } }, tree);
    expect(html).toBe(
      '<p id="p1"><a href="#x">甲</a><sup class="citation">甲</sup><code>甲</code>&#x3C;b><a href="#kw-甲" class="keyword-link"><mark class="keyword" data-keyword="甲">甲</mark></a>&#x3C;/b></p>',
    );
  });

  it('treats keywords as text, not patterns', () => {
    const html = run(rehypeKeywords, { keywords: { 'a.b': null, '': null } }, root(p('p1', 'axb a.b')));
    expect(html).toBe('<p id="p1">axb <mark class="keyword" data-keyword="a.b">a.b</mark></p>');
  });
});

describe('rehypeAnchors', () => {
  it('gives headings and paragraphs with ids a permalink anchor', () => {
    const html = run(rehypeAnchors, undefined, root(el('section', {}, el('h2', { id: 's1' }, t('一、标题')), p('s1-p1', '正文'))));
    expect(html).toBe(
      '<section><h2 id="s1">一、标题<a href="#s1" class="anchor" aria-label="Permalink to s1">¶</a></h2><p id="s1-p1">正文<a href="#s1-p1" class="anchor" aria-label="Permalink to s1-p1">¶</a></p></section>',
    );
  });

  it('skips elements without ids and other tags, and is idempotent', () => {
    const tree = root(el('p', {}, t('无')), el('div', { id: 'd' }, t('块')), p('p1', '有'));
    const once = run(rehypeAnchors, {}, tree);
    expect(once).toBe('<p>无</p><div id="d">块</div><p id="p1">有<a href="#p1" class="anchor" aria-label="Permalink to p1">¶</a></p>');
    expect(run(rehypeAnchors, {}, tree)).toBe(once);
  });

  it('can prepend, with its own class and symbol', () => {
    const html = run(rehypeAnchors, { position: 'prepend', className: 'perma', symbol: '#' }, root(p('p1', '文')));
    expect(html).toBe('<p id="p1"><a href="#p1" class="perma" aria-label="Permalink to p1">#</a>文</p>');
  });

  it('encodes odd ids into a fragment and escapes attributes', () => {
    const html = run(rehypeAnchors, {}, root(p('a"b <c>', '文')));
    expect(html).toContain('href="#a%22b%20%3Cc%3E"');
    expect(html).toContain('id="a&#x22;b <c>"');
  });
});

describe('safeHref', () => {
  it('allows fragments and relative paths only', () => {
    for (const ok of ['#ref-1', '../keywords/甲/', 'keywords/甲.html', './x?y=1#z', '/abs/path']) expect(safeHref(ok)).toBe(ok);
    for (const bad of ['javascript:alert(1)', ' JavaScript:x', 'data:text/html,x', 'http://x', '//x', 'java\nscript:x', '\\\\x', '']) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('the plugins together on the seed model', () => {
  const article = parseArticle(seedRepair(), { slug: '000' });

  it('link every citation the model resolved, with the model’s ids', () => {
    let backlinks: Backlinks = new Map();
    const processor = unified()
      .use(rehypeCitations, { references: article.references.map((r) => r.number), onBacklinks: (b) => (backlinks = b) })
      .use(rehypeKeywords, { keywords: Object.fromEntries(article.keywords.map((k) => [k, `../keywords/${k}/`])) })
      .use(rehypeAnchors)
      .use(rehypeStringify);
    const tree = processor.runSync(bodyHast(article));
    const html = processor.stringify(tree);
    for (const r of article.references) expect(backlinks.get(r.number)).toEqual(r.citedBy);
    for (const c of article.citations) for (const a of c.anchors) expect(html).toContain(`id="${a.id}"`);
    for (const p of allParagraphs(article)) expect(html).toContain(`<a href="#${p.id}" class="anchor"`);
    expect(html).toContain('<h2 id="s1">一、演进');
    expect(html).toContain('<h4 id="s3-2-4">4.增强造血功能');
    expect(html).toContain('<mark class="keyword" data-keyword="基层政府">基层政府</mark>');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.every((h) => h.startsWith('#') || h.startsWith('../'))).toBe(true);
    const list = unified().use(rehypeStringify).stringify({ type: 'root', children: [referencesHast(article.references, backlinks)] });
    expect(list).toContain('<li id="ref-2" value="2">[2] 汤金金，孙 荣.');
    expect(list).toContain('<a href="#cite-2-1" class="backlink" aria-label="Back to citation 1">↩</a>');
  });

  it('renders paragraph text as text, never as HTML', () => {
    const html = unified().use(rehypeStringify).stringify({ type: 'root', children: [paragraphHast({ id: 'p1', text: '<img src=x onerror=alert(1)>', line: 0 })] });
    expect(html).toBe('<p id="p1">&#x3C;img src=x onerror=alert(1)></p>');
  });
});

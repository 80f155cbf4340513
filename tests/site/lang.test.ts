// Japanese quoted in a Chinese article is marked lang="ja" on the reading site, so that its kanji
// are drawn with Japanese glyphs: the plugin over small trees, text escaped as ever.

import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeJapanese } from '../../src/site/lang.ts';

const html = (text: string, cornerBrackets: boolean): string => {
  const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] };
  const processor = unified().use(rehypeJapanese, { cornerBrackets }).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree) as Root);
};

describe('rehypeJapanese', () => {
  it('marks what 「」 hold and the kanji around kana as Japanese, and nothing else', () => {
    expect(html('漱石在「現代日本の開化」中说：<代助>', true)).toBe('<p>漱石在「<span lang="ja">現代日本の開化</span>」中说：&#x3C;代助></p>');
    expect(html('江藤淳.漱石とその時代[M].东京：新潮社', true)).toBe('<p>江藤淳.<span lang="ja">漱石とその時代</span>[M].东京：新潮社</p>');
    // A title in 『』 without kana is Japanese only in an article that quotes Japanese.
    expect(html('读『文学論』', true)).toBe('<p>读『<span lang="ja">文学論</span>』</p>');
    expect(html('他说「东西」', false)).toBe('<p>他说「东西」</p>');
  });
});

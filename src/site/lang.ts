// A rehype plugin of the reading site: marks Japanese quoted in a Chinese article
// (「西洋の開化は内発的であって」, 漱石とその時代) as `lang="ja"`, so that a browser draws its kanji
// with Japanese glyphs and a screen reader reads it as Japanese. The spans are the ones the
// script stage keeps out of the Chinese conversion (lib/script/japanese.ts).

import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { replaceText, text } from '../lib/link/text.ts';
import { japaneseSpans } from '../lib/script/index.ts';

export interface JapaneseOptions {
  /** The article quotes Japanese (it has kana somewhere): 「」 and 『』 hold Japanese. */
  cornerBrackets: boolean;
}

/** Elements left as they are: code, and whatever already says its language (a witness). */
const skip = (el: Element): boolean => ['code', 'pre', 'script', 'style'].includes(el.tagName) || el.properties?.lang !== undefined;

export const rehypeJapanese: Plugin<[JapaneseOptions], Root> = function (options) {
  return (tree) => {
    replaceText(tree, skip, (node) => {
      const spans = japaneseSpans(node.value, { cornerBrackets: options.cornerBrackets });
      if (spans.length === 0) return null;
      const out: Element['children'] = [];
      let at = 0;
      for (const [a, b] of spans) {
        if (a > at) out.push(text(node.value.slice(at, a)));
        out.push({ type: 'element', tagName: 'span', properties: { lang: 'ja' }, children: [text(node.value.slice(a, b))] });
        at = b;
      }
      if (at < node.value.length) out.push(text(node.value.slice(at)));
      return out;
    });
  };
};

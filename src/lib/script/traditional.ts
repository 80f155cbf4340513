// Makes a traditional edition afresh from the restored simplified text: opencc-js's own
// conversion for the variant, with the entries of corrections.tsv taking part in it. It never
// starts from the damaged page's traditional characters and never swaps vocabulary (软件 stays
// 軟件 in zh-TW: an edition changes the script of the author's words, not the words).

import { corrections, type TraditionalVariant } from './corrections.ts';
import { convertAroundGlosses } from './glosses.ts';
import { japaneseSpans } from './japanese.ts';
import { keepSurnames } from './names.ts';
import { converterWith, t2hk, t2tw, type Converter } from './opencc.ts';

export type { TraditionalVariant } from './corrections.ts';

/**
 * The opencc-js config for each variant:
 * - zh-Hant: `s2t`, OpenCC standard traditional (爲, 着 for the particle, 裏): the form OpenCC
 *   converts through, neutral between regions;
 * - zh-TW: `s2tw`, characters plus Taiwan variant forms (為, 著, 裡). Not `s2twp`, whose phrase
 *   table also replaces mainland words with Taiwan ones (软件 → 軟體, 信息 → 資訊);
 * - zh-HK: `s2hk`, characters plus Hong Kong variant forms (台, 着, 裏). Not `s2hkp`, for the
 *   same reason.
 */
export const OPENCC_CONFIG: Record<TraditionalVariant, string> = {
  'zh-Hant': 's2t',
  'zh-TW': 's2tw',
  'zh-HK': 's2hk',
};

const built = new Map<TraditionalVariant, Converter>();
// one array per set of entries, so that variants with the same entries share their tries
const extras = new Map<string, ReadonlyArray<readonly [string, string]>>();

function converterFor(variant: TraditionalVariant): Converter {
  let c = built.get(variant);
  if (!c) {
    const entries = corrections()
      .filter((e) => e.variants.includes(variant))
      .map((e) => [e.simplified, e.traditional] as const);
    const key = JSON.stringify(entries);
    let extra = extras.get(key);
    if (!extra) extras.set(key, (extra = entries));
    c = converterWith(OPENCC_CONFIG[variant], extra);
    built.set(variant, c);
  }
  return c;
}

/** A correction's traditional phrase as the given variant writes it (OpenCC's regional stage). */
export function variantForm(traditional: string, variant: TraditionalVariant): string {
  if (variant === 'zh-TW') return t2tw()(traditional);
  if (variant === 'zh-HK') return t2hk()(traditional);
  return traditional;
}

/**
 * The traditional edition of a simplified text in the given variant. `names`: the people the
 * article names (simplified, as printed or without pad: `孙 荣`, `孙荣`), whose surnames keep
 * their form (范秋白, not 範秋白). The author's reading glosses do not split a word for the
 * conversion (叶（xié）音 → 叶（xié）音, as 叶音 → 叶音). Japanese quoted in the text keeps its forms
 * (`quotesJapanese`: the article has kana somewhere, so its 「」 and 『』 hold Japanese).
 */
export function toTraditional(simplified: string, variant: TraditionalVariant, names: readonly string[] = [], { quotesJapanese }: { quotesJapanese?: boolean } = {}): string {
  const converted = keepJapanese(simplified, convertAroundGlosses(simplified, converterFor(variant)), quotesJapanese);
  return names.length === 0 ? converted : keepSurnames(simplified, converted, names, converterFor(variant));
}

/** Japanese quoted in the text (it has kana) as the author wrote it: no Chinese script applies to it. */
function keepJapanese(simplified: string, converted: string, quotesJapanese: boolean | undefined): string {
  const spans = japaneseSpans(simplified, { cornerBrackets: quotesJapanese });
  if (spans.length === 0 || converted.length !== simplified.length) return converted;
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    out += converted.slice(at, a) + simplified.slice(a, b);
    at = b;
  }
  return out + converted.slice(at);
}

// The one place that touches opencc-js: builds each converter and table once, on first use, and
// hands them out. It never decides anything about a text itself (that is restore.ts and
// traditional.ts) and never writes conversion tables by hand: every table here is OpenCC's.

import OpenCC from 'opencc-js';

/** A string → string converter as opencc-js builds it. */
export type Converter = (text: string) => string;

/** The dictionary strings opencc-js bundles, in its `"key value|key value"` form. */
type DictString = string;

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/**
 * OpenCC `t2s`: OpenCC standard traditional → mainland simplified, with OpenCC's phrase table
 * (TSPhrases) before its character table (TSCharacters). We use `t`, not `tw`, as the source
 * locale: the pages are not Taiwan text, only their 著 is Taiwan-style, and `tw2s` would also
 * apply TWVariantsRev (e.g. 么 → 幺, 才 → 纔 before TS) to characters the page left simplified.
 * 著 gets its own rule (zhe.ts).
 */
export const t2s = lazy<Converter>(() => OpenCC.Converter({ from: 't', to: 'cn' }));

/** opencc-js's own simplified → traditional converters, one per edition variant. */
export const s2t = lazy<Converter>(() => OpenCC.Converter({ from: 'cn', to: 't' }));
// zh-TW uses `tw` (s2tw: characters and Taiwan variant forms, e.g. 着 → 著, 裏 → 裡), NOT `twp`
// (s2twp), which also swaps vocabulary (软件 → 軟體, 信息 → 資訊, 打印 → 列印). An edition
// changes the script of the author's words, never the words themselves.
export const s2tw = lazy<Converter>(() => OpenCC.Converter({ from: 'cn', to: 'tw' }));
// zh-HK uses `hk` (characters and Hong Kong variant forms), not `hkp`, for the same reason.
export const s2hk = lazy<Converter>(() => OpenCC.Converter({ from: 'cn', to: 'hk' }));
/** OpenCC traditional → Japanese shinjitai (學 → 学, 說 → 説; 東 and 時 stay): for Japanese quoted in an article. */
export const t2jp = lazy<Converter>(() => OpenCC.Converter({ from: 't', to: 'jp' }));

function dictEntries(dict: DictString): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const item of dict.split('|')) {
    const sp = item.indexOf(' ');
    if (sp > 0) out.push([item.slice(0, sp), item.slice(sp + 1)]);
  }
  return out;
}

/** The dictionaries of one opencc-js locale stage, e.g. `to.cn` = [[TSPhrases, TSCharacters]]. */
function localeDicts(stage: 'from' | 'to', locale: string): DictString[] {
  const groups = (OpenCC.Locale as unknown as Record<string, Record<string, unknown[][]>>)[stage]?.[
    locale
  ];
  if (!groups) throw new Error(`opencc-js has no ${stage}.${locale} locale`);
  return groups.flat().filter((d): d is string => typeof d === 'string');
}

/** True when every key of a dictionary string is a single code point (a character table). */
function isCharacterTable(dict: DictString): boolean {
  const first = dict.slice(0, dict.indexOf(' '));
  return [...first].length === 1;
}

/**
 * OpenCC's traditional → simplified character table (TSCharacters) as a map: the plain
 * one-character default that `t2s` falls back to where no phrase matches.
 */
export const tsCharacters = lazy<Map<string, string>>(() => {
  const dict = localeDicts('to', 'cn').find(isCharacterTable);
  if (!dict) throw new Error('opencc-js to.cn has no character table');
  return new Map(dictEntries(dict));
});

/**
 * The same table for BMP characters as an array indexed by UTF-16 unit: the simplified unit,
 * 0 for a character not in the table, 1 for one whose counterpart is not a single unit.
 */
export const tsCharacterCodes = lazy<Uint16Array>(() => {
  const codes = new Uint16Array(0x10000);
  for (const [from, to] of tsCharacters()) {
    if (from.length !== 1) continue;
    codes[from.charCodeAt(0)] = to.length === 1 ? to.charCodeAt(0) : 1;
  }
  return codes;
});

/** The simplified form of one character by OpenCC's character table (itself if it has none). */
export function simplifiedCharOf(ch: string): string {
  return tsCharacters().get(ch) ?? ch;
}

/**
 * OpenCC's Taiwan-variant phrase exceptions (TWVariantsRevPhrases), i.e. the Taiwan phrases in
 * which a Taiwan variant form does NOT go back to the OpenCC standard form. For 著 these are the
 * words where 著 reads zhù (著作, 顯著, 昭著 …): the table zhe.ts starts from.
 */
export const twVariantPhraseExceptions = lazy<Array<[string, string]>>(() => {
  const dict = localeDicts('from', 'tw').find((d) => !isCharacterTable(d));
  if (!dict) throw new Error('opencc-js from.tw has no phrase table');
  return dictEntries(dict);
});

/**
 * OpenCC's simplified → traditional character table (STCharacters) as a map: a character that
 * it changes is one a traditional text would not use.
 */
export const stCharacters = lazy<Map<string, string>>(() => {
  const dict = localeDicts('from', 'cn').find(isCharacterTable);
  if (!dict) throw new Error('opencc-js from.cn has no character table');
  return new Map(dictEntries(dict));
});

/**
 * Taiwan forms that OpenCC's traditional → simplified conversion does not know (簷, 暱, 睪, 痺),
 * by UTF-16 unit: for each simplified character that its character table (STCharacters: 昵 →
 * 暱) or its Taiwan variant table (TWVariants: 檐 → 簷) changes, if `t2s` leaves its Taiwan form
 * (s2tw) as it is, that form → the character. A form that is itself a simplified character of
 * STCharacters (么, the Taiwan form of 幺) or that two characters share is left out.
 */
export const taiwanOnlyForms = lazy<Map<number, number>>(() => {
  const variants = localeDicts('to', 'tw').find(isCharacterTable);
  if (!variants) throw new Error('opencc-js to.tw has no character table');
  const simplified = stCharacters();
  const candidates = new Set([...simplified.keys(), ...dictEntries(variants).map(([standard]) => t2s()(standard))]);
  const forms = new Map<number, number>();
  const shared = new Set<number>();
  for (const s of candidates) {
    const t = s2tw()(s);
    if (s.length !== 1 || t.length !== 1 || t === s || simplified.has(t) || t2s()(t) !== t) continue;
    const form = t.charCodeAt(0);
    if (forms.has(form) && forms.get(form) !== s.charCodeAt(0)) shared.add(form);
    forms.set(form, s.charCodeAt(0));
  }
  for (const form of shared) forms.delete(form);
  return forms;
});

/** OpenCC standard traditional → a region's forms: the second stage of s2tw / s2hk. */
export const t2tw = lazy<Converter>(() => OpenCC.Converter({ from: 't', to: 'tw' }));
export const t2hk = lazy<Converter>(() => OpenCC.Converter({ from: 't', to: 'hk' }));

type DictLike = string | ReadonlyArray<readonly [string, string]>;

/** One of opencc-js's built-in conversion configs (`s2t`, `s2tw`, `s2hk` …). */
interface ConversionConfig {
  normalizationChain?: DictLike[][];
  segmentation?: DictLike | DictLike[];
  conversionChain: DictLike[][];
}

function config(name: string): ConversionConfig {
  const configs = (OpenCC.Locale as unknown as { configs?: Record<string, ConversionConfig> }).configs;
  const c = configs?.[name];
  if (!c) throw new Error(`opencc-js has no ${name} config`);
  return c;
}

type Trie = InstanceType<typeof OpenCC.Trie>;

// The variants share most of their dictionaries (s2t, s2tw and s2hk have the same first stage),
// so each trie is built once for one list of dictionaries, told apart by identity.
const dictIds = new Map<DictLike, number>();
const tries = new Map<string, Trie>();

function trieOf(dicts: readonly DictLike[]): Trie {
  const key = dicts
    .map((d) => {
      let id = dictIds.get(d);
      if (id === undefined) dictIds.set(d, (id = dictIds.size));
      return id;
    })
    .join(',');
  let t = tries.get(key);
  if (!t) {
    t = new OpenCC.Trie();
    // loadDictGroup lets an earlier dictionary override a later one for the same key
    t.loadDictGroup(dicts as Parameters<Trie['loadDictGroup']>[0]);
    tries.set(key, t);
  }
  return t;
}

/**
 * The converter opencc-js builds for a config (`s2t`, `s2tw`, `s2hk`), the same way its
 * `Converter` does (normalisation, segmentation, conversion chain), with `extra` phrases put in
 * front of the first stage and of the segmentation: they win a tie with OpenCC's phrases and
 * take part in its longest-match, so a longer OpenCC phrase still wins over them.
 */
export function converterWith(configName: string, extra: ReadonlyArray<readonly [string, string]>): Converter {
  const c = config(configName);
  const normalize: Converter = c.normalizationChain
    ? OpenCC.ConverterFactory(...(c.normalizationChain as Parameters<typeof OpenCC.ConverterFactory>))
    : (s: string) => s;
  const segmentation: DictLike[] =
    c.segmentation === undefined
      ? []
      : Array.isArray(c.segmentation) && c.segmentation.every((d) => typeof d === 'string')
        ? (c.segmentation as string[])
        : [c.segmentation as DictLike];
  const seg = segmentation.length > 0 ? trieOf([extra, ...segmentation]) : null;
  const stages = c.conversionChain.map((group, i) => trieOf(i === 0 ? [extra, ...group] : group));
  return (text: string) => {
    const normalized = normalize(text);
    let segments: string[] = seg ? seg.segment(normalized) : [normalized];
    for (const t of stages) segments = segments.map((s: string) => t.convert(s));
    return segments.join('');
  };
}

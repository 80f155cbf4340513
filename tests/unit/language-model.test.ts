// The language model the repair scores readings with: the running-text counts (their file format
// and estimate) and the mixture with the dictionary.

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chineseModel, CLASSICAL_FILE, OPENGRAM_WORDS_FILE, pageModel, RUNNING_TEXT_FILE, WORD_BIGRAMS_FILE } from '../../src/lib/lm/chinese-model.ts';
import { backoffPairKey, BackoffWordModel, encodeBackoffWords } from '../../src/lib/lm/word-backoff.ts';
import { encodeWordBigrams, WordBigramModel } from '../../src/lib/lm/word-bigrams.ts';
import type { WordSegmenter } from '../../src/lib/lm/word-segmenter.ts';
import { COUNTED_PUNCTUATION, encodeCounts, RunningTextModel, type NgramCounts } from '../../src/lib/lm/ngram-table.ts';

/** Counts of the text's lines; `punctuated` false: a corpus without punctuation, as libpinyin's is. */
function countsOf(text: string, into?: NgramCounts, punctuated = true): NgramCounts {
  const c: NgramCounts = into ?? {
    unigrams: new Map(),
    bigrams: new Map(),
    trigrams: new Map(),
    punctuated: { context: new Map(), punctuation: new Map() },
  };
  const bump = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const seq of text.split('\n')) {
    for (let i = 0; i < seq.length; i++) {
      const c0 = seq.charCodeAt(i);
      bump(c.unigrams, c0);
      if (i > 0) {
        bump(c.bigrams, seq.charCodeAt(i - 1) * 65536 + c0);
        if (punctuated) {
          bump(c.punctuated.context, seq.charCodeAt(i - 1));
          if (COUNTED_PUNCTUATION.includes(seq[i]!)) bump(c.punctuated.punctuation, seq.charCodeAt(i - 1));
        }
      }
      if (i > 1) bump(c.trigrams, (seq.charCodeAt(i - 2) * 65536 + seq.charCodeAt(i - 1)) * 65536 + c0);
    }
  }
  return c;
}

const SAMPLE = '政府购买服务。政府购买公共服务。\n社会组织承接服务，政府监督。\n政社互动，政府购买。';

describe('running-text counts', () => {
  const counts = countsOf(SAMPLE);
  const model = new RunningTextModel(encodeCounts(counts), 'sample');
  const vocab = [...counts.unigrams.keys()];

  it('reads back what was written, and its estimates are distributions', () => {
    expect(model.vocabulary).toBe(counts.unigrams.size);
    const code = (ch: string): number => ch.charCodeAt(0);
    for (const ctx of ['政', '服', '。']) {
      const sum = vocab.reduce((s, c) => s + model.pair(c, code(ctx)), 0);
      expect(sum).toBeGreaterThan(0.98);
      expect(sum).toBeLessThanOrEqual(1.0001);
    }
    const sum3 = vocab.reduce((s, c) => s + model.triple(c, code('府'), code('政')), 0);
    expect(sum3).toBeGreaterThan(0.98);
    expect(sum3).toBeLessThanOrEqual(1.0001);
    // What followed 政府 most is likeliest after it; a character never seen has only the floor.
    expect(model.triple(code('购'), code('府'), code('政'))).toBeGreaterThan(model.triple(code('监'), code('府'), code('政')));
    expect(model.pair(code('龘'), code('政'))).toBeLessThan(1e-6);
  });

  it('gives punctuation the share the punctuated text shows, however large the unpunctuated part', () => {
    const code = (ch: string): number => ch.charCodeAt(0);
    const marksAfter = (m: RunningTextModel, ch: string): number =>
      [...COUNTED_PUNCTUATION].reduce((s, p) => s + m.pair(code(p), code(ch)), 0);
    // 服务 ends a clause every time in the punctuated text; a corpus ten times its size without
    // punctuation (words only, as libpinyin's counts are) must not drown that.
    const alone = new RunningTextModel(encodeCounts(countsOf(SAMPLE)), 'alone');
    const mixed = countsOf(SAMPLE);
    countsOf(Array.from({ length: 30 }, () => '购买服务项目').join('\n'), mixed, false);
    const m = new RunningTextModel(encodeCounts(mixed), 'mixed');
    expect(marksAfter(m, '务')).toBeCloseTo(marksAfter(alone, '务'), 9);
    // Read as plain counts (no record of the punctuated part), the words drown it.
    const plain = new RunningTextModel(encodeCounts({ ...mixed, punctuated: { context: new Map(), punctuation: new Map() } }), 'plain');
    expect(marksAfter(m, '务')).toBeGreaterThan(3 * marksAfter(plain, '务'));
    // Among the marks, the order is the counts' own: 。 followed 服务 twice, ， once.
    expect(m.pair(code('。'), code('务'))).toBeGreaterThan(m.pair(code('，'), code('务')));
    // What is not punctuation keeps its own order too, and the estimates stay distributions.
    expect(m.pair(code('项'), code('务'))).toBeGreaterThan(m.pair(code('政'), code('务')));
    for (const [b, a] of [['务', '服'], ['买', '购'], ['务', '']] as const) {
      const sum = [...mixed.unigrams.keys()].reduce((s, c) => s + (a ? m.triple(c, code(b), code(a)) : m.pair(c, code(b))), 0);
      expect(sum).toBeGreaterThan(0.98);
      expect(sum).toBeLessThanOrEqual(1.0001);
    }
  });

  it('refuses a file that is not its format, naming it', () => {
    expect(() => new RunningTextModel(Buffer.from('not gzip'), 'bad.gz')).toThrow();
    expect(() => new RunningTextModel(gzipSync(Buffer.from('XXXXX')), 'other.gz')).toThrow(/other\.gz: not a Jiaokan n-gram file/);
    const whole = encodeCounts(counts);
    const cut = gzipSync(gunzipSync(whole).subarray(0, 40));
    expect(() => new RunningTextModel(cut, 'cut.gz')).toThrow(/cut\.gz: truncated/);
  });
});

describe('the shipped model', () => {
  const running = new RunningTextModel(readFileSync(RUNNING_TEXT_FILE), 'shipped');
  const code = (ch: string): number => ch.charCodeAt(0);

  it('knows how words follow one another in running text', () => {
    expect(running.vocabulary).toBeGreaterThan(1500);
    // 退出 is a word; 了 rarely begins one with 出.
    expect(running.pair(code('出'), code('退'))).toBeGreaterThan(10 * running.pair(code('出'), code('了')));
    // Chinese punctuation habits: a comma follows 然而 far more often than 的 does, and the
    // word counts, which hold no punctuation, do not drown it (P(，| 而) was 0.5 % before the balance).
    expect(running.triple(code('，'), code('而'), code('然'))).toBeGreaterThan(running.triple(code('的'), code('而'), code('然')));
    expect(running.pair(code('，'), code('而'))).toBeGreaterThan(0.02);
  });

  it('makes the mixed model prefer the sentence a Chinese writer would write', () => {
    const m = chineseModel();
    expect(m.score('准入和退出机制')).toBeGreaterThan(m.score('准入和了出机制') + 2);
    expect(m.score('迫切需要新的载体')).toBeGreaterThan(m.score('迫切需要下的载体'));
    // Lost-lead choices the dictionary alone got wrong (有 and 了 are frequent everywhere).
    expect(m.score('大多数省市在支持')).toBeGreaterThan(m.score('大多数省有在支持'));
    expect(m.score('发展中不断凸显')).toBeGreaterThan(m.score('发展有不断凸显'));
  });

  it('reads a page\'s 著 as the particle 着 or as 著, whichever the context wants', () => {
    const m = chineseModel();
    // The page wrote the author's 承担着 as 承担著; a converter back to simplified keeps 著.
    expect(m.score('著公共服务', '共同承担')).toBeCloseTo(m.score('着公共服务', '共同承担'), 0);
    expect(m.score('著公共服务', '共同承担')).toBeGreaterThan(m.score('而公共服务', '共同承担'));
    expect(m.wordScore('意味著')).toBeCloseTo(m.wordScore('意味着'), 6);
    // 著名 is still 著名.
    expect(m.score('著名学者')).toBeGreaterThan(m.score('着名学者'));
    expect(m.wordScore('著名学者')).toBeGreaterThan(m.wordScore('着名学者'));
  });

  it('reads Latin letters, digits and formulas in Chinese text as a class, not as unseen characters', () => {
    const m = chineseModel();
    // Entering is rare, staying cheap, and no member likelier than another.
    expect(m.logP('R', '，')).toBeGreaterThan(-12);
    expect(m.logP('R', '，')).toBeLessThan(m.logP('的', '是'));
    expect(m.logP('0', '=')).toBeGreaterThan(-5);
    expect(m.logP('0', '=')).toBeCloseTo(m.logP('x', 'b'), 6);
    // A formula reads far better than as many characters of mojibake that swallowed its bytes.
    expect(m.score('，R=0.4，调整后')).toBeGreaterThan(m.score('，琑悖扑樱，调整后') + 10);
    // Unseen characters would cost about 20 nats each, 180 for these nine.
    expect(m.score('HbA1c为7.58%')).toBeGreaterThan(-75);
    // So are the GBK signs of numbers and units: 平均值±标准差 reads better than a sentence break
    // and another character (平均值。严标准差, what a vanished pair there would make of it).
    for (const sign of '±×÷≤≥℃‰∵∴∠⊥△≌√π°→') expect(m.logP(sign, '9')).toBeCloseTo(m.logP('x', 'b'), 6);
    expect(m.score('以平均值±标准差表示')).toBeGreaterThan(m.score('以平均值。严标准差表示'));
  });

  it('reads the marks NFKC folded to ASCII as the full-width marks they were', () => {
    const m = chineseModel();
    expect(m.score('數據流轉,應當由平臺')).toBeCloseTo(m.score('數據流轉，應當由平臺'), 6);
    expect(m.score('(一)政社互動')).toBeCloseTo(m.score('（一）政社互動'), 6);
    // A comma after a Han character is ordinary text, not a step into Latin.
    expect(m.logP(',', '轉')).toBeGreaterThan(-8);
  });

  it('reads ○, which GB2312 text writes for the numeral 〇, as 〇, and knows 〇 from running text', () => {
    const m = chineseModel();
    expect(m.score('二○三五年')).toBeCloseTo(m.score('二〇三五年'), 6);
    // jieba's words never hold 〇; the running text has it in numbers, so it is no unseen character.
    expect(m.logUnigram('〇')).toBeGreaterThan(-16);
    // The lost-lead choice of a run over a year: ○ (A1 F0), not 佛 or 戰.
    expect(m.score('二○三五年')).toBeGreaterThan(m.score('二佛三五年') + 3);
  });
});

describe('the model adapted to a page', () => {
  // A page that says 政社互动 three times and shows one stretch of mojibake once.
  const page = '政社互动是基层治理的关键。推进政社互动，需要制度保障。\n皇且跃用裥枨鬄閷颍瑢\n政社互动的机制有待完善。';
  const m = pageModel(page);
  const base = chineseModel();

  it('learns the page\'s own phrases', () => {
    expect(m.score('政社互动', '推进')).toBeGreaterThan(base.score('政社互动', '推进') + 1);
  });

  it('knows the one form its conversion writes each simplified character in', () => {
    // The seed page keeps 干 (干部) and 后 (成立后): its one-character table wrote them as they
    // are, so 幹, 乾 and 後 never stood on it. Characters it shows, and those whose simplified
    // form it never shows, are not ruled out; nor is anything where it shows two forms.
    const p = pageModel('基層干部在新中國成立后的作用。關系。');
    expect(['幹', '乾', '後'].map((ch) => p.otherFormOnPage!(ch))).toEqual([true, true, true]);
    expect(['干', '后', '關', '髮', '國'].map((ch) => p.otherFormOnPage!(ch))).toEqual([false, false, false, false, false]);
    expect(pageModel('干部與幹部').otherFormOnPage!('乾')).toBe(false);
  });

  it('does not vouch for a stretch because the page shows it, when asked to leave it out', () => {
    const junk = '皇且跃用裥枨鬄閷颍瑢';
    // Counted as evidence for itself, the mojibake reads far better than it should…
    expect(m.score(junk)).toBeGreaterThan(base.score(junk) + 10);
    // …left out, it reads no better than the general model reads it.
    expect(m.scoreLeavingOut!(junk)).toBeLessThanOrEqual(base.score(junk) + 1e-9);
    // A phrase the page shows elsewhere keeps the support of its other occurrences.
    expect(m.scoreLeavingOut!('政社互动', '推进')).toBeGreaterThan(base.score('政社互动', '推进'));
  });
});

/**
 * A word-model file of another format, one with a bad first word, and a whole file cut short are
 * refused with errors that name the file.
 */
function expectsRefusals(load: (gz: Buffer, source: string) => unknown, f: { other: Buffer; notIt: RegExp; badWord: Buffer; whole: Buffer }): void {
  expect(() => load(gzipSync(f.other), 'other.gz')).toThrow(new RegExp(`other\\.gz: ${f.notIt.source}`));
  expect(() => load(gzipSync(f.badWord), 'bad.gz')).toThrow(/bad\.gz: bad word entry 1/);
  expect(() => load(gzipSync(f.whole.subarray(0, f.whole.length - 1)), 'cut.gz')).toThrow(/cut\.gz: truncated/);
}

/** The shared model's character scores, which a word model falls back on for a character it does not know. */
const charOf = (): ((code: number) => number) => {
  const m = chineseModel();
  return (code) => m.logPCode(code, -1);
};

/** Lost-lead choices the character model and the dictionary's unigrams got wrong on simulated pages. */
function expectsWritersWords(shipped: WordSegmenter): void {
  const c = charOf();
  expect(shipped.score('流动人口涌入城市', c)).toBeGreaterThan(shipped.score('流动人口部入城市', c) + 2);
  expect(shipped.score('共建共治共享', c)).toBeGreaterThan(shipped.score('共建共治共理', c) + 2);
}

describe('the word bigram model', () => {
  const words = [
    { word: '居民', count: 50 },
    { word: '搜集', count: 10 },
    { word: '意愿', count: 20 },
    { word: '搜', count: 5 },
    { word: '集', count: 5 },
  ];
  const id = (w: string): number => words.findIndex((x) => x.word === w);
  const pairs = new Map([
    [id('搜集') * 65536 + id('居民'), 8],
    [id('居民') * 65536 + id('意愿'), 15],
    [id('搜') * 65536 + id('集'), 1],
  ]);
  const model = new WordBigramModel(encodeWordBigrams({ words, pairs }), 'sample');
  const char = (): number => -12;

  it('reads back what was written, and its estimates are distributions', () => {
    expect(model.vocabulary).toBe(5);
    for (const prev of [-1, id('搜集'), id('居民'), id('意愿')]) {
      const sum = words.reduce((t, w) => t + Math.exp(model.logP(id(w.word), prev)), 0);
      expect(sum).toBeGreaterThan(0.999);
      expect(sum).toBeLessThan(1.001);
    }
    // What followed 搜集 is likeliest after it.
    expect(model.logP(id('居民'), id('搜集'))).toBeGreaterThan(model.logP(id('意愿'), id('搜集')));
  });

  it('segments a text into its likeliest words, pairs included', () => {
    // One segmentation: 搜集 居民 意愿, every pair seen.
    const best = model.score('搜集居民意愿', char);
    const expected = model.logP(id('搜集'), -1) + model.logP(id('居民'), id('搜集')) + model.logP(id('意愿'), id('居民'));
    expect(best).toBeCloseTo(expected, 9);
    // A character outside the vocabulary is scored by the character model, with no pair after it.
    expect(model.score('搜集x居民', char)).toBeCloseTo(model.logP(id('搜集'), -1) - 12 + model.logP(id('居民'), -1), 9);
    expect(model.score('', char)).toBe(0);
  });

  it('takes words the pair counts lack, known only by their own frequency', () => {
    const more = new WordBigramModel(encodeWordBigrams({ words, pairs }), 'sample');
    more.addWords([['意愿', 0.5], ['集居', 0.01], ['民意', 0.02]]);
    // A word it had keeps its counts; a new one is a word with its own probability, which after a
    // word with pairs gets that word's back-off share (it has no pairs of its own, and its id is
    // never looked up in the pair table: 居民 was followed by one word, 15 times).
    expect(more.logP(more.idOf('意愿')!, id('居民'))).toBeCloseTo(model.logP(id('意愿'), id('居民')), 12);
    expect(more.logP(more.idOf('民意')!, -1)).toBeCloseTo(Math.log(0.02), 12);
    expect(more.logP(more.idOf('民意')!, id('居民'))).toBeCloseTo(Math.log(((0.75 * 1) / 15) * 0.02), 12);
    expect(more.logP(id('居民'), more.idOf('民意')!)).toBeCloseTo(model.logP(id('居民'), -1), 12);
    expect(more.score('民意', char)).toBeCloseTo(Math.log(0.02), 12);
    // Before, 民 and 意 were characters it did not know: −12 each.
    expect(model.score('民意', char)).toBe(-24);
    expect(more.idOf('集居')).toBeGreaterThanOrEqual(more.vocabulary);
  });

  it('refuses a file that is not its format, naming it', () => {
    expectsRefusals((gz, source) => new WordBigramModel(gz, source), {
      other: Buffer.from('JKNG2....'),
      notIt: /not a Jiaokan word-bigram file/,
      badWord: Buffer.from('JKWB1居民\tx\0'),
      whole: gunzipSync(encodeWordBigrams({ words, pairs })),
    });
  });

  it('ships a model that knows which words writers put together', () => {
    const shipped = new WordBigramModel(readFileSync(WORD_BIGRAMS_FILE), 'shipped');
    expect(shipped.vocabulary).toBeGreaterThan(50000);
    expectsWritersWords(shipped);
    expect(shipped.score('从类型上来看', charOf())).toBeGreaterThan(shipped.score('从类型上来源', charOf()) + 2);
  });
});

describe('the classical counts', () => {
  it('know the poems and classics articles quote, which modern counts barely hold', () => {
    const classical = new RunningTextModel(readFileSync(CLASSICAL_FILE), 'classical');
    const modern = new RunningTextModel(readFileSync(RUNNING_TEXT_FILE), 'modern');
    const p = (m: RunningTextModel, [a, b, c]: string): number => m.triple(c!.charCodeAt(0), b!.charCodeAt(0), a!.charCodeAt(0));
    // Lu You's 楼船夜雪瓜洲渡, the Analects' 子曰：, 何足道哉.
    for (const t of ['瓜洲渡', '子曰：', '何足道']) expect(p(classical, t)).toBeGreaterThan(10 * p(modern, t));
    // Their characters are simplified, as the model's codes are.
    expect(classical.unigram('樓'.charCodeAt(0))).toBeLessThan(classical.unigram('楼'.charCodeAt(0)) / 100);
  });
});

describe('the word back-off model', () => {
  // A consistent model: after 搜集 the pair to 居民 has 0.8, and the back-off weight 0.4 spreads
  // the other 0.2 over the words 搜集 never listed, by their own probabilities (0.3 + 0.2).
  const words = [
    { word: '', logP: Math.log(0.001), logBackoff: 0 },
    { word: '居民', logP: Math.log(0.5), logBackoff: 0 },
    { word: '意愿', logP: Math.log(0.3), logBackoff: 0 },
    { word: '搜集', logP: Math.log(0.199), logBackoff: Math.log(0.2 / 0.5) },
  ];
  const pairs = new Map([[backoffPairKey(3, 1), Math.log(0.8)]]);
  const model = new BackoffWordModel(encodeBackoffWords({ words, pairs }), 'sample');
  const char = (): number => -12;

  it('reads back what was written: listed pairs, and the back-off for the rest', () => {
    expect(model.vocabulary).toBe(4);
    expect(model.idOf('')).toBeUndefined(); // the sentence boundary is no text
    expect(model.logP(1, 3)).toBeCloseTo(Math.log(0.8), 2); // stored in hundredths of a nat
    expect(model.logP(2, 3)).toBeCloseTo(Math.log(0.4 * 0.3), 3);
    expect(model.logP(2, 1)).toBeCloseTo(Math.log(0.3), 3); // 居民 lists no pairs and backs off by 1
    expect(model.logP(2, -1)).toBeCloseTo(Math.log(0.3), 3);
    const sum = [1, 2, 3].reduce((t, id) => t + Math.exp(model.logP(id, 3)), 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1.01);
  });

  it('segments with the pair where it is listed, and takes added words by their frequency', () => {
    expect(model.score('搜集居民', char)).toBeCloseTo(model.logP(3, -1) + model.logP(1, 3), 9);
    const more = new BackoffWordModel(encodeBackoffWords({ words, pairs }), 'sample');
    more.addWords([['民意', 0.02]]);
    // After 搜集 the new word gets 搜集's back-off share, as any word 搜集 did not list.
    expect(more.logP(more.idOf('民意')!, 3)).toBeCloseTo(Math.log(0.4 * 0.02), 3);
    expect(more.score('民意', char)).toBeCloseTo(Math.log(0.02), 9);
    expect(model.score('民意', char)).toBe(-24);
  });

  it('refuses a file that is not its format, naming it', () => {
    expectsRefusals((gz, source) => new BackoffWordModel(gz, source), {
      other: gunzipSync(encodeWordBigrams({ words: [{ word: '居民', count: 1 }], pairs: new Map() })),
      notIt: /not a Jiaokan word back-off file/,
      badWord: Buffer.from('JKWL1居民\tx\t0\0'),
      whole: gunzipSync(encodeBackoffWords({ words, pairs })),
    });
  });

  it('ships open-gram, which also knows which words writers put together', () => {
    const shipped = new BackoffWordModel(readFileSync(OPENGRAM_WORDS_FILE), 'shipped');
    expect(shipped.vocabulary).toBeGreaterThan(70000);
    expectsWritersWords(shipped);
    const c = charOf();
    // Unlike libpinyin's words, it knows the marks of Chinese prose as words.
    expect(shipped.score('然而，', c)).toBeGreaterThan(shipped.score('然而的', c));
  });
});

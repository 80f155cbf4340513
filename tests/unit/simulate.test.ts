// Unit tests of the damage simulator: each layer does what the damage model says, the seed page's
// three mojibake runs are reproduced byte for byte from the clean edition, every run's record is
// consistent with its bytes, and the whole page is deterministic per seed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodePair, gbkBytes, isPrivateUse } from '../../src/lib/simulate/gbk.ts';
import {
  addFurniture,
  addPinyinTags,
  chooseTags,
  convertCharByChar,
  createRng,
  foldWidth,
  isTaggable,
  loseSpaces,
  markNoBreakSpaces,
  misalignRuns,
  parseCleanEdition,
  renderLines,
  rngFor,
  simulatePage,
  simulateRun,
  traceClean,
  truthFor,
  type ReadUnit,
  type SimulatedRun,
} from '../../src/lib/simulate/index.ts';
import {
  diffMiddle,
  judgeTrial,
  lacunaMatches,
  makePageTrial,
  makeTrial,
  sentences,
  summarize,
  type RepairFn,
} from '../../src/lib/simulate/evaluate.ts';
import type { RepairResult } from '../../src/lib/repair/types.ts';

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8');
const seedPage = fixture('seed-000.txt');
const cleanText = fixture('clean/000.zh-Hans.txt');
const meta = JSON.parse(fixture('clean/000.meta.json'));
const article = parseCleanEdition(cleanText, meta);
const cleanLines = article.lines;
const esc = (s: string): string =>
  s.replace(/[\uE000-\uF8FF]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);

/** The tags the seed page shows (type → reading). */
function seedTags(): Map<string, string> {
  const tags = new Map<string, string>();
  const body = seedPage.split('\n').slice(2, 85).join('\n');
  for (const m of body.matchAll(/(\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)\)/gu)) {
    tags.set(m[1] as string, m[2] as string);
  }
  return tags;
}

/** A clean line as the seed page would show it undamaged, before the width fold. */
const undamagedLine = (line: string, tags: Map<string, string>): string =>
  loseSpaces(addPinyinTags(convertCharByChar(markNoBreakSpaces(line)), tags));

const seedLines = seedPage.split('\n').map((l) => l.trim());

describe('layer 2: char-by-char traditional script', () => {
  it('converts one character at a time, without phrases', () => {
    expect(convertCharByChar('干')).toBe('干');
    expect(convertCharByChar('系')).toBe('系');
    expect(convertCharByChar('并')).toBe('并');
    expect(convertCharByChar('于')).toBe('于');
    expect(convertCharByChar('后')).toBe('后');
    expect(convertCharByChar('着')).toBe('著');
    expect(convertCharByChar('关系')).toBe('關系');
    expect(convertCharByChar('干部')).toBe('干部');
    expect(convertCharByChar('发展')).toBe('發展');
    expect(convertCharByChar('续签')).toBe('續簽');
    expect(convertCharByChar('，。“”')).toBe('，。“”');
  });
});

describe('layer 5 and the partial NFKC', () => {
  it('folds only full-width forms and the ideographic space', () => {
    expect(foldWidth('，：；（）！？')).toBe(',:;()!?');
    expect(foldWidth('。、“”《》——⒉⒌○')).toBe('。、“”《》——⒉⒌○');
    expect(foldWidth('孙\u3000荣ＡＢ１２')).toBe('孙 荣AB12');
    // Artefacts of misreading fold too: A3A1 is ！, A3BB is ；.
    expect(foldWidth(decodePair(0xa3, 0xa1) + decodePair(0xa3, 0xbb))).toBe('!;');
  });

  it('loses no-break spaces as ?', () => {
    const line = '中图分类号：C916  文献标志码：A  文章编号：1008-2991(2021)01-095-006';
    expect(markNoBreakSpaces(line)).toBe('中图分类号：C916\u00a0 文献标志码：A\u00a0 文章编号：1008-2991(2021)01-095-006');
    expect(foldWidth(loseSpaces(convertCharByChar(markNoBreakSpaces(line))))).toBe(
      '中圖分類號:C916? 文獻標志碼:A? 文章編號:1008-2991(2021)01-095-006',
    );
  });
});

describe('layer 3: pinyin tags', () => {
  it('tags every occurrence of a tagged type with the same reading', () => {
    const tags = new Map([['關', 'guān'], ['發', 'fā']]);
    expect(addPinyinTags('國家與社會關系的發展,關鍵', tags)).toBe('國家與社會關(guān)系的發(fā)展,關(guān)鍵');
  });

  it('chooses only traditional characters outside GB2312, each with one reading', () => {
    const trad = convertCharByChar(cleanText);
    const tags = chooseTags(trad, createRng(7), { fraction: 1 });
    expect(tags.size).toBeGreaterThan(100);
    for (const [ch, reading] of tags) {
      expect(isTaggable(ch)).toBe(true);
      expect(reading).toMatch(/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿɡ]+$/);
    }
    expect(tags.has('關')).toBe(true);
    expect(tags.has('的')).toBe(false); // in GB2312
    expect(tags.has('著')).toBe(false); // converted, but in GB2312
    const some = chooseTags(trad, createRng(7), { fraction: 0.3 });
    expect(some.size).toBeLessThan(tags.size * 0.5);
  });

  it('reproduces every line of the seed page that has no run, from the clean edition', () => {
    const tags = seedTags();
    const missing: string[] = [];
    for (const line of cleanLines) {
      const page = foldWidth(undamagedLine(line, tags));
      if (!seedLines.includes(page)) missing.push(line.slice(0, 12));
    }
    // Only the three paragraphs holding the seed's runs differ.
    expect(missing).toEqual(['基层社会治理作为国家治理', '新中国成立后，在我国城市', '一是基层政府对社会组织的']);
  });
});

describe('layer 4: byte-level mojibake runs (the seed worked examples)', () => {
  const tags = seedTags();
  const seedLineWith = (needle: string): string => seedLines.find((l) => l.includes(needle)) as string;
  const cleanLineWith = (needle: string): string => cleanLines.find((l) => l.includes(needle)) as string;

  it('run 1: a lost lead byte, PUA pairs (one with a wrong trail), and an in-step ASCII trail `C`', () => {
    const line = undamagedLine(cleanLineWith('作为政府的代理机构'), tags);
    const at = line.indexOf('。“單位”作為政府');
    const { text, run } = simulateRun(line, at, {
      decide: { perturb: (l, t) => (l === 0xfa && t === 0xc0 ? 0xb1 : undefined) },
    });
    expect(foldWidth(text)).toBe(seedLineWith('頇C(jī)構'));
    expect(esc(foldWidth(run.witness))).toBe('?!皢挝弧弊鳛檎\\uE47F\\uE18C拇\\uE300頇C');
    expect(run.undamaged).toBe('。“單位”作為政府的代理機');
    expect(run.end).toBe('ascii-trail');
    expect(run.length).toBe(13);
    expect(run.features).toMatchObject({ pua: 2, perturbed: 1, vanished: 0 });
    expect(run.bytes).toBe('A1 A3 A1 B0 86 CE CE BB A1 B1 D7 F7 9E E9 D5 FE B8 AE B5 C4 B4 FA C0 ED 99 43');
    const perturbed = run.reads.find((r) => r.kind === 'perturbed') as ReadUnit;
    expect(perturbed.bytes).toEqual([0xfa, 0xc0]);
    expect(perturbed.shownTrail).toBe(0xb1);
    // Without the wrong trail the pair shows its own private-use character.
    const plain = simulateRun(line, at).run;
    expect(esc(plain.witness)).toContain('拇\\uE30F頇C');
  });

  it('run 2: PUA pairs shown, or vanished, each vanished pair hiding two bytes', () => {
    const line = undamagedLine(cleanLineWith('基层政府对于社会组织参与'), tags);
    const at = line.indexOf('。基層政府對于');
    const shown = simulateRun(line, at);
    expect(foldWidth(shown.text)).toBe(seedLineWith('鶎诱'));
    expect(esc(foldWidth(shown.run.witness))).toBe('?;鶎诱\\uE47F畬τ谏鐣\\uE484M');
    expect(shown.run.undamaged).toBe('。基層政府對于社會組');

    const gone = simulateRun(line, at, { decide: { vanish: () => true } });
    expect(foldWidth(gone.run.witness)).toBe('?;鶎诱畬τ谏鐣M');
    const vanished = gone.run.reads.filter((r) => r.kind === 'vanished');
    expect(vanished.map((r) => r.bytes)).toEqual([[0xfe, 0xb8], [0xfe, 0xbd]]);
    // The page holds four bytes fewer than the damaged characters did.
    const shownBytes = [...gone.run.witness].flatMap((c) => gbkBytes(c)).length;
    expect(shownBytes).toBe(gone.run.bytes.split(' ').length - 4);
    expect(gone.run.features.vanished).toBe(2);
  });

  it('run 3: a tag on the misread pair before the run; the lost lead swallows the tag’s `(`', () => {
    const line = undamagedLine(cleanLineWith('社会治理从理论走向实践并在基层'), tags);
    const at = line.indexOf('實踐并在');
    const { text, run } = simulateRun(line, at, { start: 'tag-start', decide: { swallow: () => true } });
    expect(foldWidth(text)).toBe(seedLineWith('嵺`'));
    expect(run.witness).toBe('?qū)嵺`');
    expect(run.start).toBe('tag-start');
    expect(run.features).toMatchObject({ tagStart: true, swallowedStart: true });
    expect(run.undamaged).toBe('實踐');
    // Without swallowing, the `?` and the whole tag show.
    expect(simulateRun(line, at, { start: 'tag-start' }).run.witness).toBe('?(qū)嵺`');
  });

  it('ends at a broken pair (`?`), swallowing the ASCII byte or not; at 0x80 (`€`); on an ASCII letter', () => {
    // 發 is 0x B0 6C… pick characters by their bytes so the test states the rule, not a table.
    const han = (pred: (b: number[]) => boolean): string => {
      for (let c = 0x4e00; c < 0x9fa6; c++) {
        const ch = String.fromCharCode(c);
        const b = gbkBytes(ch);
        if (b.length === 2 && pred(b)) return ch;
      }
      throw new Error('none');
    };
    const hi = han((b) => (b[0] as number) >= 0xb0 && (b[1] as number) >= 0xa1); // GB2312, trail ≥ 0xA1
    const euro = han((b) => b[1] === 0x80);

    const broken = simulateRun(`${hi}${hi}1${hi}`, 0);
    expect(broken.run.end).toBe('broken');
    expect(broken.text).toBe(`?${decodePair(gbkBytes(hi)[1] as number, gbkBytes(hi)[0] as number)}?1${hi}`);
    const swallowed = simulateRun(`${hi}${hi}1${hi}`, 0, { decide: { swallow: () => true } });
    expect(swallowed.run.end).toBe('broken-swallowed');
    expect(swallowed.text.endsWith(`?${hi}`)).toBe(true);
    expect(swallowed.run.undamaged).toBe(`${hi}${hi}1`);

    const e = simulateRun(`${hi}${euro}${hi}`, 0);
    expect(e.run.end).toBe('euro');
    expect(e.text.endsWith(`€${hi}`)).toBe(true);

    const pair = simulateRun(`${hi}${hi}qq`, 0);
    expect(pair.run.end).toBe('ascii-pair');
    expect(pair.text.endsWith('q')).toBe(true);
    expect(pair.text).not.toContain('qq');

    const end = simulateRun(`${hi}${hi}`, 0);
    expect(end.run.end).toBe('text-end');
    expect(end.text.endsWith('?')).toBe(true);
  });

  it('puts a tag on a misread character inside a run, and reading goes on out of step after it', () => {
    const line = undamagedLine(cleanLineWith('作为政府的代理机构'), tags);
    const at = line.indexOf('。“單位”作為政府');
    const { run } = simulateRun(line, at, { decide: { tagMisread: (ch) => (ch === '皢' ? 'xiǎo' : undefined) } });
    expect(run.witness.startsWith('?！皢(xiǎo)挝弧')).toBe(true);
    expect(run.features.taggedMisread).toBe(1);
    expect(run.undamaged).toBe('。“單位”作為政府的代理機');
  });
});

/** Bytes a run really consumed from the text (tag insertions taken out). */
const realBytes = (reads: ReadUnit[]): number[] =>
  reads.flatMap((r) => r.bytes.slice(0, r.bytes.length - (r.inserted ?? 0)));

/** Checks one run against the model: the bytes behind it are the undamaged text's, read one out of step. */
function checkRunBytes(run: SimulatedRun, undamaged: string): void {
  const bytes = realBytes(run.reads);
  expect(Buffer.from(bytes).equals(iconv.encode(undamaged, 'gbk'))).toBe(true);
  for (const r of run.reads) {
    const [a, b] = r.bytes as [number, number];
    if (r.kind === 'pair') expect(r.shown).toBe(decodePair(a, b));
    if (r.kind === 'pua') expect(isPrivateUse(r.shown) && r.shown === decodePair(a, b)).toBe(true);
    if (r.kind === 'perturbed') {
      expect(r.shownTrail).not.toBe(b);
      expect(r.shown).toBe(decodePair(a, r.shownTrail as number));
      expect(isPrivateUse(r.shown)).toBe(true);
    }
    if (r.kind === 'vanished') {
      expect(r.shown).toBe('');
      expect(isPrivateUse(decodePair(a, b))).toBe(true);
    }
  }
  // The shown text is the reads' shown text, in order.
  expect(run.reads.map((r) => r.shown).join('')).toBe(run.witness);
  // The first read is the lost lead byte of the first character.
  expect(run.reads[0]?.bytes[0]).toBe(gbkBytes([...undamaged][0] as string)[0]);
}

describe('random runs', () => {
  it('are consistent with their bytes, whatever the seed', () => {
    const tags = seedTags();
    const text = cleanLines.slice(4, 12).map((l) => undamagedLine(l, tags)).join('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { text: out, runs } = misalignRuns(traceClean(text), createRng(seed), {
          runs: 4,
          vanish: 0.4,
          perturb: 0.4,
          tagMisread: 0.3,
          tagStart: 1,
        });
        expect(runs.length).toBe(4);
        for (const run of runs) {
          expect(out.text.slice(run.page.start, run.page.end)).toBe(run.witness);
          expect(run.length).toBeGreaterThanOrEqual(2);
          expect(run.length).toBeLessThanOrEqual(20);
          // Here the tags are part of the traced text, so a swallowed `(` is a real character.
          expect(text.slice(run.clean.start, run.clean.end)).toBe(run.undamaged);
          checkRunBytes(run, run.undamaged);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a page with runs is the page without them, each witness in place of what it hides', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sim = simulatePage(article, seed, { misalign: { runs: [3, 8] } });
      const control = simulatePage(article, seed, { misalign: { runs: 0 } });
      expect(control.runs).toHaveLength(0);
      let rebuilt = '';
      let at = 0;
      for (const run of sim.runs) {
        expect(run.page.start).toBeGreaterThanOrEqual(at);
        rebuilt += sim.page.slice(at, run.page.start) + run.undamaged;
        at = run.page.end;
        expect(run.truth).toBe(sim.clean.slice(run.clean.start, run.clean.end));
        expect(run.edition).not.toBeNull();
        expect(sim.edition.slice(run.edition?.start, run.edition?.end)).toBe(run.truth);
        expect(truthFor(sim, run.page)).toBe(run.truth);
        expect(foldWidth(convertCharByChar(run.truth))).toBe(run.undamaged.replace(/\([^)]*$/, ''));
      }
      rebuilt += sim.page.slice(at);
      expect(rebuilt).toBe(control.page);
    }
  });

  it('start at any double-byte character and show every variant of the model', () => {
    const seen = new Map<string, number>();
    const before = new Map<string, number>();
    const lengths: number[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const sim = simulatePage(article, seed, { furniture: false, misalign: { runs: 8 } });
      for (const run of sim.runs) {
        lengths.push(run.length);
        const f = run.features;
        const keys: string[] = [run.start, run.end];
        if (f.pua) keys.push('pua');
        if (f.perturbed) keys.push('perturbed');
        if (f.vanished) keys.push('vanished');
        if (f.taggedMisread) keys.push('tag-on-misread');
        if (f.swallowedStart) keys.push('swallowed-start');
        if (f.swallowedEnd) keys.push('swallowed-end');
        for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
        const prev = sim.clean[run.clean.start - 1] ?? '';
        before.set(prev, (before.get(prev) ?? 0) + 1);
      }
    }
    for (const k of ['lost-lead', 'tag-start', 'ascii-trail', 'broken', 'broken-swallowed', 'euro', 'ascii-pair', 'pua', 'perturbed', 'vanished', 'tag-on-misread', 'swallowed-start', 'swallowed-end']) {
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    }
    // Starts are spread over many preceding characters, not only after 。
    expect(before.size).toBeGreaterThan(100);
    expect((before.get('。') ?? 0) / lengths.length).toBeLessThan(0.2);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBe(20);
    expect(lengths.filter((l) => l >= 10).length / lengths.length).toBeGreaterThan(0.25);
  });
});

describe('layer 1: page furniture', () => {
  it('lays the page out like the seed: spam, ?, title, chrome, byline, body, related, spam', () => {
    const sim = simulatePage(article, 3, { misalign: { runs: 0 } });
    const lines = sim.page.split('\n');
    expect(lines[0]).toMatch(/^[^ ].*,.*,/);
    expect(lines[2]).toBe('        ?');
    const untag = (l: string): string => l.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿɡ]+\)/g, '');
    expect(untag(lines[4] as string)).toBe('        國家與社會關系視角下基層社會治理的邏輯和路徑');
    expect(untag(lines[6] as string)).toBe('        2021-03-08 06:21:08吳歡歡');
    expect(untag(lines[7] as string)).toBe('        寧夏黨校學報 2021年1期');
    expect(untag(lines[8] as string)).toBe('        關鍵詞:基層社會治理基層政府社會組織');
    expect(untag(lines[10] as string)).toBe('        吳歡歡');
    expect(lines.some((l) => untag(l) === '        猜你喜歡')).toBe(true);
    expect(lines.some((l) => /^ {8}\S+\(\d{4}年\d+期\)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(untag(l)))).toBe(true);
    expect(lines.at(-1)).toMatch(/^[^ ].*\| .*\|$/);
    expect(sim.page.endsWith('\n')).toBe(false);
    // The spam lines are not converted.
    expect(lines[0]).toBe(foldWidth(sim.clean.split('\n')[0] as string));
    // The edition is the clean article.
    expect(sim.edition).toBe(cleanLines.join('\n'));
    const roles = sim.lines.map((l) => l.role);
    expect(roles.filter((r) => r === 'article')).toHaveLength(cleanLines.length - 1);
  });

  it('a body-only page is the article lines, indented, between blank lines', () => {
    const lines = addFurniture({ lines: ['甲', '乙'] }, createRng(1), { bodyOnly: true });
    expect(renderLines(lines)).toBe('        甲\n\n        乙');
    const sim = simulatePage({ lines: ['关系'] }, 1, { furniture: false, tags: { map: new Map([['關', 'guān']]) } });
    expect(sim.page).toBe('        關(guān)系\n');
  });
});

describe('the whole page', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = simulatePage(article, 42);
    const b = simulatePage(article, 42);
    const c = simulatePage(article, 43);
    expect(a.page).toBe(b.page);
    expect(a.runs).toEqual(b.runs);
    expect([...a.tags]).toEqual([...b.tags]);
    expect(c.page).not.toBe(a.page);
  });

  it('keeps the same tags with and without runs (independent random streams)', () => {
    const a = simulatePage(article, 9, { misalign: { runs: 5 } });
    const b = simulatePage(article, 9, { misalign: { runs: 0 } });
    expect([...a.tags]).toEqual([...b.tags]);
    expect(rngFor(9, 'tags').next()).toBe(rngFor(9, 'tags').next());
    expect(rngFor(9, 'tags').next()).not.toBe(rngFor(9, 'runs').next());
  });
});

describe('the scoring harness', () => {
  const result = (text: string, apparatus: RepairResult['apparatus'] = []): RepairResult => ({
    text,
    sourceText: text,
    apparatus,
    furniture: [],
    lines: [],
  });

  it('splits windows at sentence ends and matches lacunae', () => {
    expect(sentences('甲。乙！丙“丁。”戊')).toEqual(['甲。', '乙！', '丙“丁。”', '戊']);
    expect(diffMiddle('abXYcd', 'abZcd')).toEqual({ a: 'XY', b: 'Z', at: 2 });
    expect(lacunaMatches('作□政府', '作为政府')).toBe(true);
    expect(lacunaMatches('作□政', '作为政府')).toBe(false);
    expect(lacunaMatches('作为政府', '作为政府')).toBe(false);
  });

  it('calls a perfect repair exact, a marked one lacuna, garbage wrong, and a confident misreading wrong', () => {
    const trials = Array.from({ length: 20 }, (_, n) => makeTrial(cleanLines, n + 1));
    const byPage = new Map(trials.map((t) => [t.sim.page, t]));
    const perfect: RepairFn = (page) => result((byPage.get(page)?.sim.edition ?? '') + '\n');
    const marked: RepairFn = (page) => {
      const { sim } = byPage.get(page) as (typeof trials)[number];
      const run = sim.runs[0] as (typeof sim.runs)[number];
      const span = run.edition as { start: number; end: number };
      const text = sim.edition.slice(0, span.start) + '□' + sim.edition.slice(span.end);
      return result(text, [
        { id: 'e1', kind: 'lacuna', witness: run.witness, reading: '□', page: run.page, edition: { start: span.start, end: span.start + 1 }, confidence: 1, note: '' },
      ]);
    };
    const garbage: RepairFn = (page) => {
      const { sim } = byPage.get(page) as (typeof trials)[number];
      const run = sim.runs[0] as (typeof sim.runs)[number];
      const span = run.edition as { start: number; end: number };
      return result(sim.edition.slice(0, span.start) + run.witness + sim.edition.slice(span.end));
    };
    const confident: RepairFn = (page) => {
      const { sim } = byPage.get(page) as (typeof trials)[number];
      const run = sim.runs[0] as (typeof sim.runs)[number];
      return result(sim.edition, [
        { id: 'e1', kind: 'realign', witness: run.witness, reading: '错' + run.truth.slice(1), page: run.page, edition: run.edition ?? { start: 0, end: 0 }, confidence: 0.95, note: '' },
      ]);
    };
    const tally = (repair: RepairFn) => summarize(trials.map((t) => judgeTrial(t, repair))).all;
    expect(tally(perfect)).toEqual({ runs: 20, exact: 20, lacuna: 0, wrong: 0, confidentWrong: 0 });
    expect(tally(marked)).toMatchObject({ lacuna: 20 });
    expect(tally(garbage)).toMatchObject({ wrong: 20 });
    expect(tally(confident)).toMatchObject({ exact: 20, confidentWrong: 20 });
  });

  it('judges each run of a whole page on its own line', () => {
    const trial = makePageTrial(article, 5);
    expect(trial.sim.runs.length).toBeGreaterThanOrEqual(4);
    const lines = new Set(trial.sim.runs.map((r) => trial.sim.edition.slice(0, r.edition?.start).split('\n').length));
    expect(lines.size).toBe(trial.sim.runs.length);
    const v = judgeTrial(trial, () => result(trial.sim.edition));
    expect(v.runs.every((r) => r.outcome === 'exact')).toBe(true);
  });
});

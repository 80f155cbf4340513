// Scoring a repair against simulated damage: builds trials (a window of a clean article damaged
// with exactly one mojibake run, or a whole page with furniture and one run per paragraph), runs
// the repair, and says per run whether it was restored exactly, marked as a lacuna, or got wrong
// — and whether any confident `realign` reading disagrees with the truth for its page span.

import type { Emendation } from '../repair/apparatus.ts';
import type { RepairResult } from '../repair/types.ts';
import { simulatePage, truthFor, type PageRun, type SimulatedPage, type SimulateOptions } from './index.ts';
import type { CleanArticle } from './furniture.ts';
import { rngFor, type Rng } from './prng.ts';
import { foldWidth, inGbk } from './width.ts';

export type RepairFn = (pageText: string, options?: { source?: string }) => RepairResult;

export interface Trial {
  id: string;
  seed: number;
  /** The clean lines the page was made from (the article's lines for a full page). */
  window: string[];
  /** The damaged page and its truth. */
  sim: SimulatedPage;
}

export interface TrialOptions {
  /** Options for the runs (for a window the count is forced to 1). */
  misalign?: SimulateOptions['misalign'];
  /** Tag options. */
  tags?: SimulateOptions['tags'];
}

/** Splits a paragraph after 。！？； (keeping the mark), the places a window may start or end. */
export function sentences(line: string): string[] {
  return line.match(/[^。！？；]+[。！？；]?[”’）]?|[。！？；]+/g) ?? [line];
}

/** A random window of the article: a whole line, a few sentences of one, or two lines. */
export function pickWindow(lines: readonly string[], rng: Rng): string[] {
  const n = rng.int(0, lines.length - 1);
  const line = lines[n] as string;
  const r = rng.next();
  if (r < 0.3 || line.length < 40) return [line];
  if (r < 0.9) {
    const ss = sentences(line);
    const from = rng.int(0, ss.length - 1);
    const to = Math.min(ss.length, from + rng.int(1, 4));
    return [ss.slice(from, to).join('')];
  }
  return lines.slice(n, Math.min(lines.length, n + 2));
}

/** A body-only page of a random window of the article, with exactly one run. */
export function makeTrial(lines: readonly string[], seed: number, options: TrialOptions = {}): Trial {
  const rng = rngFor(seed, 'window');
  for (let attempt = 0; attempt < 50; attempt++) {
    const window = pickWindow(lines, rng);
    const pageSeed = seed * 64 + attempt;
    const sim = simulatePage({ lines: window }, pageSeed, {
      furniture: false,
      tags: options.tags,
      misalign: { ...options.misalign, runs: 1 },
    });
    if (sim.runs.length === 1) return { id: `w${seed}`, seed: pageSeed, window, sim };
  }
  throw new Error(`no window took a run for seed ${seed}`);
}

/**
 * A body-only page of several windows, one per line, each with one run: the same trial as
 * `makeTrial` several times over, for one repair call (the repair's cost is mostly per page).
 */
export function makeWindowsTrial(
  lines: readonly string[],
  seed: number,
  options: TrialOptions & { windows?: [number, number] } = {},
): Trial {
  const rng = rngFor(seed, 'windows');
  const [lo, hi] = options.windows ?? [4, 8];
  const count = rng.int(lo, hi);
  const window: string[] = [];
  while (window.length < count) window.push(...pickWindow(lines, rng).slice(0, 1));
  const sim = simulatePage({ lines: window }, seed, {
    furniture: false,
    tags: options.tags,
    misalign: { ...options.misalign, runs: count, maxPerRegion: 1 },
  });
  return { id: `m${seed}`, seed, window, sim };
}

/** A whole page with furniture and several runs, at most one per article line. */
export function makePageTrial(article: CleanArticle, seed: number, options: TrialOptions = {}): Trial {
  const sim = simulatePage(article, seed, {
    tags: options.tags,
    misalign: { runs: [4, 10], ...options.misalign, maxPerRegion: 1 },
  });
  return { id: `p${seed}`, seed, window: article.lines, sim };
}

export type Outcome = 'exact' | 'lacuna' | 'wrong';

export interface ConfidentWrong {
  emendation: Emendation;
  truth: string;
}

export interface RunVerdict {
  trial: Trial;
  run: PageRun;
  outcome: Outcome;
  /** What the edition printed where it differs from the truth around the run (□ for a lacuna). */
  reading: string;
  /** What the truth has there. */
  expected: string;
  /** `realign` emendations over this run with confidence ≥ 0.9 whose reading is not the truth for their span. */
  confidentWrong: ConfidentWrong[];
  /** The run's line differs from the truth somewhere away from the run (other damage left a trace). */
  otherDiff: boolean;
  /** Why a run that is not exact was not accepted as a lacuna. */
  why?: string;
}

export interface TrialVerdict {
  runs: RunVerdict[];
  /** Confident realign readings that are wrong and lie over no run (false alarms on clean text). */
  strayConfidentWrong: ConfidentWrong[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** The differing middles of two texts after their common prefix and suffix. */
export function diffMiddle(a: string, b: string): { a: string; b: string; at: number } {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { a: a.slice(p, a.length - s), b: b.slice(p, b.length - s), at: p };
}

/** Whether `marked` (with □ standing for any text) can be `full`. */
export function lacunaMatches(marked: string, full: string): boolean {
  if (!marked.includes('□')) return false;
  const pieces = marked.split(/□+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('[^]*')}$`).test(full);
}

const trimLine = (s: string): string => s.replace(/[ \t]+$/, '');

/**
 * The edition a repair can reach from a simulated page: a character GBK could not hold (χ²,
 * 100%−MPR) reached the page as `?`, and nothing says which it was, so the edition marks it □;
 * right after Chinese text a `?` reads as a question mark (身高？), the likelier reading there.
 */
export function reachableEdition(edition: string): string {
  return [...edition].map((ch, i, all) => (ch === '\n' || inGbk(ch) ? ch : /\p{Script=Han}/u.test(all[i - 1] ?? '') ? '？' : '□')).join('');
}

/** Runs the repair on a trial's page and judges every run on it. */
export function judgeTrial(trial: Trial, repair: RepairFn): TrialVerdict {
  const { sim } = trial;
  const result = repair(sim.page, { source: `simulated:${trial.id}` });
  const got = result.text.replace(/\n+$/, '').split('\n').map(trimLine);
  const want = reachableEdition(sim.edition).split('\n').map(trimLine);
  const sameShape = got.length === want.length;

  // Confident realign readings, checked against the truth of their own page span.
  const wrongs: Array<ConfidentWrong & { used: boolean }> = [];
  for (const e of result.apparatus) {
    if (e.kind !== 'realign' || e.confidence < 0.9) continue;
    const truth = truthFor(sim, e.page);
    if (foldWidth(e.reading) !== foldWidth(truth)) wrongs.push({ emendation: e, truth, used: false });
  }

  // Edition line starts, to put each run on its line.
  const lineStarts: number[] = [];
  let at = 0;
  for (const l of sim.edition.split('\n')) {
    lineStarts.push(at);
    at += l.length + 1;
  }

  const runs: RunVerdict[] = sim.runs.map((run) => {
    const confidentWrong = wrongs.filter((w) => overlaps(w.emendation.page, run.page));
    for (const w of confidentWrong) w.used = true;
    const cw = confidentWrong.map(({ emendation, truth }) => ({ emendation, truth }));
    const base = { trial, run, confidentWrong: cw, otherDiff: false };
    if (!run.edition) return { ...base, outcome: 'wrong' as const, reading: '', expected: run.truth, why: 'run outside the article' };
    let line = lineStarts.length - 1;
    while (line > 0 && (lineStarts[line] as number) > run.edition.start) line--;
    if (!sameShape) {
      return { ...base, outcome: 'wrong' as const, reading: '', expected: run.truth, why: `edition has ${got.length} lines, truth ${want.length}` };
    }
    const y = got[line] as string;
    const x = want[line] as string;
    const rs = run.edition.start - (lineStarts[line] as number);
    const re = run.edition.end - (lineStarts[line] as number);
    if (y === x) return { ...base, outcome: 'exact' as const, reading: run.truth, expected: run.truth };
    const d = diffMiddle(y, x);
    // A difference that does not touch the run is other damage's trace, not the run's.
    if (d.at > re || d.at + d.b.length < rs) {
      return { ...base, otherDiff: true, outcome: 'exact' as const, reading: run.truth, expected: run.truth };
    }
    const verdict = { ...base, reading: d.a, expected: d.b };
    if (!d.a.includes('□')) return { ...verdict, outcome: 'wrong' as const, why: 'no □ where the edition differs' };
    if (!lacunaMatches(d.a, d.b)) return { ...verdict, outcome: 'wrong' as const, why: 'text around the □ differs' };
    const lacuna = result.apparatus.find((e) => e.kind === 'lacuna' && overlaps(e.page, run.page));
    if (!lacuna) return { ...verdict, outcome: 'wrong' as const, why: 'no lacuna emendation over the run' };
    if (lacuna.witness !== sim.page.slice(lacuna.page.start, lacuna.page.end)) {
      return { ...verdict, outcome: 'wrong' as const, why: 'lacuna witness is not the page text at its span' };
    }
    return { ...verdict, outcome: 'lacuna' as const };
  });
  const strayConfidentWrong = wrongs.filter((w) => !w.used).map(({ emendation, truth }) => ({ emendation, truth }));
  return { runs, strayConfidentWrong };
}

export interface Tally {
  runs: number;
  exact: number;
  lacuna: number;
  wrong: number;
  /** Runs with at least one confident (≥ 0.9) realign reading that is not the truth. */
  confidentWrong: number;
}

export interface Summary {
  all: Tally;
  byFeature: Map<string, Tally>;
  /** Runs judged exact whose line still differs from the truth away from the run. */
  otherDiff: number;
  /** Confident wrong realign readings over no run. */
  stray: ConfidentWrong[];
  worst: RunVerdict[];
}

/** The run features the breakdown uses (a run can have several). */
export function featureLabels(run: PageRun): string[] {
  const f = run.features;
  const labels = [`start:${run.start}`, `end:${run.end}`];
  if (f.pua > 0) labels.push('pua');
  if (f.perturbed > 0) labels.push('pua-perturbed');
  if (f.vanished > 0) labels.push('vanished-pair');
  if (f.unreadable > 0) labels.push('unreadable-pair');
  if (f.taggedMisread > 0) labels.push('tag-on-misread');
  if (f.tagStart) labels.push('tag-start');
  if (f.swallowedStart) labels.push('swallowed-by-?-start');
  if (f.swallowedEnd) labels.push('swallowed-ascii');
  const l = run.length;
  labels.push(l <= 4 ? 'len:2-4' : l <= 9 ? 'len:5-9' : l <= 14 ? 'len:10-14' : 'len:15+');
  return labels;
}

const emptyTally = (): Tally => ({ runs: 0, exact: 0, lacuna: 0, wrong: 0, confidentWrong: 0 });

function add(t: Tally, v: RunVerdict): void {
  t.runs++;
  t[v.outcome]++;
  if (v.confidentWrong.length > 0) t.confidentWrong++;
}

export function summarize(trials: readonly TrialVerdict[], worst = 10): Summary {
  const verdicts = trials.flatMap((t) => t.runs);
  const all = emptyTally();
  const byFeature = new Map<string, Tally>();
  let otherDiff = 0;
  for (const v of verdicts) {
    add(all, v);
    if (v.otherDiff) otherDiff++;
    for (const label of featureLabels(v.run)) {
      const t = byFeature.get(label) ?? emptyTally();
      add(t, v);
      byFeature.set(label, t);
    }
  }
  const rank = (v: RunVerdict): number =>
    (v.confidentWrong.length > 0 ? 4 : 0) + (v.outcome === 'wrong' ? 2 : v.outcome === 'lacuna' ? 1 : 0);
  const sorted = verdicts.filter((v) => rank(v) > 0).sort((a, b) => rank(b) - rank(a) || b.run.length - a.run.length);
  return {
    all,
    byFeature: new Map([...byFeature].sort(([a], [b]) => a.localeCompare(b))),
    otherDiff,
    stray: trials.flatMap((t) => t.strayConfidentWrong),
    worst: sorted.slice(0, worst),
  };
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

const showPua = (s: string): string =>
  s.replace(/[\uE000-\uF8FF]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`).replace(/\n/g, '⏎');

export function formatSummary(s: Summary): string {
  const row = (label: string, t: Tally): string =>
    `${label.padEnd(26)} ${String(t.runs).padStart(6)}  ${pct(t.exact, t.runs)}  ${pct(t.lacuna, t.runs)}  ${pct(t.wrong, t.runs)}  ${pct(t.confidentWrong, t.runs)}`;
  const out = [
    `${'runs'.padEnd(26)} ${'n'.padStart(6)}  ${'exact'.padStart(6)}  ${'lacuna'.padStart(6)}  ${'wrong'.padStart(6)}  ${'wrong≥.9'.padStart(6)}`,
    row('all', s.all),
    '',
    ...[...s.byFeature].map(([k, t]) => row(k, t)),
    '',
    `runs judged exact whose line still differs away from the run (other damage): ${s.otherDiff}`,
    `confident (≥ 0.9) wrong realign readings over no run: ${s.stray.length}`,
    ...s.stray.slice(0, 5).map((w) => `    ${showPua(w.emendation.witness)} → ${w.emendation.reading} (conf ${w.emendation.confidence}) but truth ${w.truth}`),
  ];
  if (s.worst.length > 0) {
    out.push('', 'worst examples:');
    for (const v of s.worst) {
      out.push(
        `- ${v.trial.id} ${v.outcome}${v.why ? ` (${v.why})` : ''}${v.confidentWrong.length ? `, ${v.confidentWrong.length} confident wrong realign` : ''} [${featureLabels(v.run).join(' ')}]`,
        `    witness: ${showPua(v.run.witness)}`,
        `    truth:   ${v.run.truth}`,
        `    reading: ${showPua(v.reading)}   (expected: ${v.expected})`,
        ...v.confidentWrong.map(
          (w) => `    realign ${showPua(w.emendation.witness)} → ${w.emendation.reading} (conf ${w.emendation.confidence}) but truth ${w.truth}`,
        ),
      );
    }
  }
  return out.join('\n');
}

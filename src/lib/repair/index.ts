// The repair stage: a decoded source page → the author's simplified text and an apparatus.
// Stages run in the order the damage was done, undone last-first: mojibake runs are realigned
// (their bytes included the pinyin tags), then pinyin tags removed, lost spaces and folded
// punctuation restored, the script restored to simplified, and last the page furniture taken out.
// Every change but whitespace is recorded. It never rewrites the source and never guesses: what
// it cannot restore is printed as □ with the witness kept.

import { pageModel } from '../lm/chinese-model.ts';
import { authorGlossed, findPinyinTags, stripPinyinTags } from '../pinyin/index.ts';
import { hasKana, restoreSimplified, SCRIPT_RULES } from '../script/index.ts';
import type { Emendation } from './apparatus.ts';
import { classifyFurniture, splitLines, type PageLine } from './furniture.ts';
import { inGB2312 } from './gbk.ts';
import { punctuationEdits, spaceEdits } from './punctuation.ts';
import { realignLine, withoutSuspects, type RealignOptions } from './realign/index.ts';
import { Transcript, type Edit } from './transcript.ts';
import type { FurnitureLine, FurnitureRole, RepairResult } from './types.ts';

export type { RepairResult, FurnitureLine, FurnitureRole } from './types.ts';
export type { Emendation, EmendationKind, Span } from './apparatus.ts';

export interface RepairOptions {
  /** The file name, for messages. */
  source?: string;
  realign?: RealignOptions;
}

/** Roles whose lines are never repaired (they are not Chinese text of the article). */
const UNTOUCHED: ReadonlySet<FurnitureRole> = new Set(['spam', 'placeholder']);

/** Lines of the current transcript text, with the same indices as the page's lines. */
function currentLines(t: Transcript): PageLine[] {
  return splitLines(t.text);
}

function stage(t: Transcript, roles: Map<number, FurnitureRole>, propose: (line: PageLine) => Edit[]): void {
  const edits: Edit[] = [];
  for (const line of currentLines(t)) {
    const role = roles.get(line.index);
    if (role && UNTOUCHED.has(role)) continue;
    edits.push(...propose(line));
  }
  t.apply(edits);
}

/**
 * Whether the page's one-character table keeps a simplified character as it is, judged by the
 * page's body text with its runs realigned or marked: the page shows it there at least twice, and
 * at least as often as the traditional form in question. Where the table converts it, the page
 * shows the traditional form everywhere and the simplified one only by accident (a misread
 * character left in the text), which once let 僵臥 stand for 僵卧 on a simulated page. A tie
 * is the author's: 全汉昇 twice beside 升斗 and 上升 (a table that made 昇 of 升 would show 昇
 * four times and 升 by accident).
 */
function tableKeeps(inStep: string): (simplified: string, traditional: string) => boolean {
  const counts = new Uint32Array(65536);
  for (let i = 0; i < inStep.length; i++) counts[inStep.charCodeAt(i)]!++;
  const count = (ch: string): number => (ch.length === 1 ? counts[ch.charCodeAt(0)]! : 0);
  return (simplified, traditional) => count(simplified) >= 2 && count(simplified) >= count(traditional);
}

/** Repair a decoded page. */
export function repairPage(page: string, options: RepairOptions = {}): RepairResult {
  const pageLines = splitLines(page);
  const roles = classifyFurniture(pageLines);
  const t = new Transcript(page);

  // 1. Mojibake runs, read in step again, scored by a model that knows this page's own text.
  const bodyLines = pageLines.filter((l) => !roles.has(l.index)).map((l) => l.text);
  // Tags the site did not put there are the author's glosses: they stay. The site tags only
  // characters outside GB2312 (every tag on the bundled page, 65 characters).
  const bodyTags = bodyLines.flatMap((l) => findPinyinTags(l));
  const glossed = authorGlossed(bodyLines.map(withoutSuspects), {
    siteTaggable: (ch) => !inGB2312(ch),
    alsoTagged: bodyTags.map((tag) => tag.char),
  });
  const siteTag = (tag: { char: string }): boolean => !glossed.has(tag.char);
  const tagged = new Set(bodyTags.filter(siteTag).map((tag) => tag.char));
  const body = bodyLines.map((l) => withoutSuspects(stripPinyinTags(l))).join('\n');
  const realignOptions: RealignOptions = { model: pageModel(body), tagged, ...options.realign };
  stage(t, roles, (line) =>
    realignLine(line.text, realignOptions).map((fix) => ({
      start: line.start + fix.start,
      end: line.start + fix.end,
      reading: fix.reading,
      kind: fix.lacunae > 0 ? 'lacuna' : 'realign',
      confidence: fix.confidence,
      note: fix.lacunae > 0 ? `${fix.note}; ${fix.lacunae} character(s) could not be restored and are printed as □` : fix.note,
    })),
  );

  // 2. Pinyin tags that read the character in front of them.
  stage(t, roles, (line) =>
    findPinyinTags(line.text).filter(siteTag).map((tag) => ({
      start: line.start + tag.start - tag.char.length,
      end: line.start + tag.end,
      reading: tag.char,
      kind: 'pinyin',
      confidence: tag.confidence,
      note: `pinyin tag (${tag.reading}) after ${tag.char} removed`,
    })),
  );

  // 3. Lost no-break spaces, then 4. folded punctuation.
  stage(t, roles, (line) => spaceEdits(line.text, line.start));
  stage(t, roles, (line) => punctuationEdits(line.text, line.start));

  // 5. The author's simplified script (same length, so every place carries over).
  const untouched = new Set([...roles].filter(([, r]) => UNTOUCHED.has(r)).map(([i]) => i));
  const lines = currentLines(t);
  // Counted on the body as repaired so far: a run's mojibake, which may repeat where the author
  // repeats a phrase (产教融合 misread holds 献 each time), is no evidence of the page's table.
  const keepsAsIs = tableKeeps(lines.filter((l) => !roles.has(l.index)).map((l) => l.text).join('\n'));
  const quotesJapanese = hasKana(body);
  let simplified = '';
  for (const line of lines) {
    const restored = untouched.has(line.index) ? { text: line.text, decisions: [] } : restoreSimplified(line.text, { keepsAsIs, quotesJapanese });
    for (const d of restored.decisions) {
      if (d.witness === d.reading) continue; // a decision that kept the character changes nothing
      t.note(line.start + d.start, line.start + d.end, 'script', 0.9, `${d.witness} → ${d.reading}: ${SCRIPT_RULES[d.rule]}`);
    }
    simplified += restored.text + t.text.slice(line.end, line.index + 1 < lines.length ? lines[line.index + 1]!.start : line.end);
  }
  const pageScript = t.text;
  t.replaceSameLength(simplified);

  // 6. Furniture out, whitespace tidied: one paragraph or heading per line.
  const furniture: FurnitureLine[] = [];
  const edits: Edit[] = [];
  const final = currentLines(t);
  const removedPage: Array<[number, number]> = [];
  for (let i = 0; i < final.length; i++) {
    const line = final[i]!;
    const role = roles.get(line.index);
    const pageLine = pageLines[line.index]!;
    const lineEnd = i + 1 < final.length ? final[i + 1]!.start : line.end;
    if (role) {
      furniture.push({
        role,
        line: line.index,
        page: { start: pageLine.start, end: pageLine.end },
        witness: pageLine.text.trim(),
        reading: line.text.trim(),
      });
      removedPage.push([pageLine.start, pageLine.end]);
      edits.push({ start: line.start, end: lineEnd, reading: '', kind: 'furniture', confidence: 1, note: `page furniture (${role}) taken out of the body` });
      continue;
    }
    if (line.text.trim() === '') {
      edits.push({ start: line.start, end: lineEnd, reading: '', kind: 'space', confidence: 1, note: 'blank line', silent: true });
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const trail = line.text.length - line.text.trimEnd().length;
    if (lead > 0) edits.push({ start: line.start, end: line.start + lead, reading: '', kind: 'space', confidence: 1, note: 'indentation', silent: true });
    if (trail > 0) edits.push({ start: line.end - trail, end: line.end, reading: '', kind: 'space', confidence: 1, note: 'trailing space', silent: true });
    if (lineEnd > line.end) edits.push({ start: line.end, end: lineEnd, reading: '\n', kind: 'space', confidence: 1, note: 'line break', silent: true });
  }
  t.apply(edits);
  const text = t.text.replace(/\n+$/, '');
  const sourceText = applyEdits(pageScript, edits).replace(/\n+$/, '');
  const apparatus = t
    .apparatus()
    .filter((e: Emendation) => e.kind === 'furniture' || !removedPage.some(([a, b]) => e.page.start >= a && e.page.end <= b));
  const editionLines: RepairResult['lines'] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    editionLines.push({ edition: { start: at, end: at + l.length }, page: { start: t.pageOffset(at), end: t.pageOffset(at + l.length) } });
    at += l.length + 1;
  }
  return { text, sourceText, apparatus: apparatus.map((e, i) => ({ ...e, id: `e${i + 1}` })), furniture, lines: editionLines };
}

/** The same layout edits applied to the same-length text in the page's script. */
function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, e.start) + e.reading;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

import { readFileSync } from 'node:fs';
import { repairPage } from '../src/lib/repair/index.ts';
import { parseCleanEdition } from '../src/lib/simulate/index.ts';
import { judgeTrial, makePageTrial, diffMiddle } from '../src/lib/simulate/evaluate.ts';
const article = parseCleanEdition(readFileSync('tests/fixtures/clean/000.zh-Hans.txt', 'utf8'), JSON.parse(readFileSync('tests/fixtures/clean/000.meta.json', 'utf8')));
const seed = Number(process.argv[2] ?? 500), want = Number(process.argv[3] ?? 1000);
const realign = { acceptMargin: -100, charMargin: -100 };
const cats = new Map<string, number>(); let total = 0; const ex = new Map<string, string[]>();
for (let s = seed; total < want; s++) {
  const trial = makePageTrial(article, s, {});
  const v = judgeTrial(trial, (page, o) => repairPage(page, { ...o, realign }));
  for (const r of v.runs) {
    total++;
    if (r.outcome === 'exact') continue;
    const ed = trial.sim.edition;
    const res = r.run.edition!;
    const lineStart = ed.lastIndexOf('\n', res.start - 1) + 1;
    const got = repairPage(trial.sim.page, { realign }).text.split('\n');
    const wantLines = ed.split('\n');
    const li = ed.slice(0, lineStart).split('\n').length - 1;
    const d = diffMiddle(got[li] ?? '', wantLines[li]!);
    const rs = res.start - lineStart;
    const kinds = r.run.reads.map((x: any) => x.kind).join(',');
    const vanAt = r.run.reads.findIndex((x: any) => x.kind === 'vanished');
    let c: string;
    const dl = d.a.length - d.b.length;
    if (dl < 0) c = 'missing' + (-dl) + (vanAt === 1 ? '@start' : '');
    else if (dl > 0) c = 'extra' + dl;
    else if (d.at === rs && d.b.length === 1) c = 'first-char';
    else if (d.b.length === 1) c = 'one-inner';
    else c = 'multi';
    if (r.run.features.vanished) c += ' [van]';
    cats.set(c, (cats.get(c) ?? 0) + 1);
    const l = ex.get(c) ?? []; if (l.length < 6) l.push(`${d.a}|${d.b}  ctx:${wantLines[li]!.slice(Math.max(0,d.at-6), d.at + d.b.length + 6)}`); ex.set(c, l);
  }
}
console.log('total', total);
for (const [c, n] of [...cats].sort((a, b) => b[1] - a[1])) console.log(c, n, (100 * n / total).toFixed(1) + '%\n   ' + ex.get(c)!.join('\n   '));

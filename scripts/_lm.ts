import { chineseModel } from '../src/lib/lm/chinese-model.ts';
const m = chineseModel();
const prev = process.argv[2]!;
for (const t of process.argv.slice(3)) console.log(t, 'char', m.score(t, prev).toFixed(2), 'word', m.wordScore(prev + t).toFixed(2), 'sum', (m.score(t, prev) + m.wordScore(prev + t)).toFixed(2));

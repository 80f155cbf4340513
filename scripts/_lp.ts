import { chineseModel } from '../src/lib/lm/chinese-model.ts';
const m = chineseModel();
for (const pair of process.argv.slice(2)) { const [p, c] = [...pair]; console.log(pair, m.logP(c!, p!).toFixed(2), 'uni', m.logUnigram(c!).toFixed(2)); }

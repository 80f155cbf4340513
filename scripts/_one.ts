import { realignLine } from '../src/lib/repair/realign/index.ts';
const line = process.argv[2]!;
console.log(JSON.stringify(realignLine(line, { acceptMargin: -100, charMargin: -100 }), null, 1));

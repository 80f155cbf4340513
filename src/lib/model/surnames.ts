// Glued author names (王建国李明华张伟): the site may print several authors with nothing between
// them. They are split only where every name begins with a common surname and the split clearly
// beats every other; the result is a derived field, never a stated one.

/**
 * The hundred commonest Chinese surnames, commonest first (the Ministry of Public Security's
 * 2020 national name report), and the compound surnames an author list may hold.
 */
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常'];
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '钟离', '端木'];

/** log P(surname): Zipf over the ranks; compound surnames as rare as the hundredth. */
const SURNAME_LOG = new Map<string, number>([
  ...SURNAMES.map((s, i) => [s, -Math.log(i + 1)] as [string, number]),
  ...COMPOUND.map((s) => [s, -Math.log(SURNAMES.length)] as [string, number]),
]);
/** Given names of two characters are about four times as common as of one. */
const GIVEN_LOG = [Number.NaN, Math.log(0.2), Math.log(0.8)];
/** How much the best split must beat the next (nats) to be taken. */
const SPLIT_MARGIN = Math.log(4);

/**
 * The names a glued string of Han characters splits into, or null when no split has every name
 * begin with a common surname, or two splits read about as well.
 */
export function splitGluedNames(text: string): string[] | null {
  const chars = [...text];
  const n = chars.length;
  // ways[i]: the two best splits of chars[0, i), each once (钟离明 is one name either way).
  type Way = { score: number; names: string[] };
  const ways: Way[][] = Array.from({ length: n + 1 }, () => []);
  ways[0] = [{ score: 0, names: [] }];
  for (let i = 0; i < n; i++) {
    if (ways[i]!.length === 0) continue;
    for (const surnameLength of [1, 2]) {
      const surname = chars.slice(i, i + surnameLength).join('');
      const s = SURNAME_LOG.get(surname);
      if (s === undefined) continue;
      for (const givenLength of [1, 2]) {
        const end = i + surnameLength + givenLength;
        if (end > n) continue;
        const name = chars.slice(i, end).join('');
        for (const w of ways[i]!) {
          const next = { score: w.score + s + GIVEN_LOG[givenLength]!, names: [...w.names, name] };
          const key = next.names.join('|');
          const same = ways[end]!.find((x) => x.names.join('|') === key);
          if (same) {
            same.score = Math.max(same.score, next.score);
            continue;
          }
          ways[end]!.push(next);
          ways[end]!.sort((a, b) => b.score - a.score);
          if (ways[end]!.length > 2) ways[end]!.length = 2;
        }
      }
    }
  }
  const [best, second] = ways[n]!;
  if (!best || best.names.length < 2) return null;
  if (second && best.score - second.score < SPLIT_MARGIN) return null;
  return best.names;
}

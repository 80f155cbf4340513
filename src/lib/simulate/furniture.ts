// Layer 1 of the damage model: the content farm's page furniture around the article — a first line
// of spam keywords, a line holding only `?`, the site chrome (posting time glued to the authors,
// journal and issue, the site's glued keywords, the authors again), a `猜你喜欢` list of related
// titles with journal/date lines, and a last line of spam titles separated by `|`.

import type { Rng } from './prng.ts';

/** What a line of the simulated page is. Furniture roles match `FurnitureRole` in the repair types. */
export type PageLineRole =
  | 'spam'
  | 'placeholder'
  | 'title'
  | 'posted-byline'
  | 'journal-issue'
  | 'site-keywords'
  | 'byline'
  | 'article' // a paragraph or heading of the article after the title
  | 'related-heading'
  | 'related-title'
  | 'related-source'
  | 'blank';

export interface PageLine {
  role: PageLineRole;
  /** The clean (simplified) text of the line, without indentation. */
  text: string;
  /** Whether the line is indented with 8 spaces like the site's body. */
  indent: boolean;
  /** Whether the site's script conversion and tagger ran over it (everything but the spam lines). */
  damaged: boolean;
  /** For 'title' and 'article' lines: the line's index in the article. */
  articleLine?: number;
}

export interface CleanArticle {
  /** The clean simplified edition: title first, then one paragraph or heading per line. */
  lines: string[];
  /** Author names, e.g. ['吴欢欢']. */
  authors?: string[];
  /** Journal name, e.g. '宁夏党校学报'. */
  journal?: string;
  /** Issue as the site prints it, e.g. '2021年1期'. */
  issue?: string;
  /** Keywords; default: read from a `关键词：` line of the article. */
  keywords?: string[];
  /** Posting time, e.g. '2021-03-08 06:21:08'. */
  postedAt?: string;
}

/** Reads a clean edition file (title first, one paragraph or heading per line) into an article. */
export function parseCleanEdition(text: string, meta: Omit<CleanArticle, 'lines'> = {}): CleanArticle {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { lines, ...meta };
}

/** The article's keywords: given, or read from its `关键词：` line. */
export function keywordsOf(article: CleanArticle): string[] {
  if (article.keywords) return article.keywords;
  const line = article.lines.find((l) => /^关键词[：:]/.test(l));
  if (!line) return [];
  return line
    .replace(/^关键词[：:]/, '')
    .split(/[；;，,、\s]+/)
    .filter((k) => k !== '');
}

const SPAM_WORDS = [
  '免费视频在线观看', '高清电影一区二区', '日韩综合视频网站', '亚洲在线播放', '国产精品视频', '久久综合网',
  '在线观看免费高清', '最新电影网站', '手机在线播放', '中文字幕视频', '免费在线影院', '精品视频一区二区三区',
  '热门影视大全', '影视在线看', '韩剧网在线观看', '好看的电视剧',
];

const JOURNALS = [
  '考试周刊', '人民论坛', '人间', '中国行政管理', '学习时报', '领导科学', '行政论坛', '理论探讨', '中国民政',
  '社会科学家', '湖北社会科学', '求实', '前沿', '商情', '法制与社会', '中外企业家', '科技资讯', '才智',
];

const RELATED_TEMPLATES = [
  '{k}的实践价值', '论{k}在{l}中的功能定位', '{k}视角下的{l}研究', '推进{k}的问题研究', '{k}能力建设的总体方向与具体路径',
  '创新{k}方法 提高{l}能力', '{k}过程中{l}责任建设问题探讨', '{k}模式下{l}发展理路', '{k}有效参与{l}的路径分析',
  '新时代{k}的现实困境与优化路径', '关于{k}的几点思考', '{k}与{l}的互动关系研究',
];

const GENERIC_TOPICS = ['基层治理', '社区建设', '公共服务', '社会管理创新', '政府职能转变', '协商民主', '乡村振兴'];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function randomTime(rng: Rng, year: number): string {
  return `${year}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))} ${pad2(rng.int(0, 23))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}`;
}

function spamHead(rng: Rng): string {
  return rng.shuffle(SPAM_WORDS).slice(0, rng.int(6, 10)).join('，');
}

function spamTail(rng: Rng): string {
  const titles: string[] = [];
  const n = rng.int(25, 40);
  for (let i = 0; i < n; i++) titles.push(rng.pick(SPAM_WORDS) + (rng.chance(0.5) ? rng.pick(SPAM_WORDS) : ''));
  return titles.join('| ') + '|';
}

function relatedTitle(rng: Rng, topics: string[]): string {
  const k = rng.pick(topics);
  let l = rng.pick(topics);
  if (l === k) l = rng.pick(GENERIC_TOPICS);
  return rng.pick(RELATED_TEMPLATES).replace('{k}', k).replace('{l}', l);
}

export interface FurnitureOptions {
  /** Leave the furniture out: the page is the article's lines only (title included). Default false. */
  bodyOnly?: boolean;
}

/** Lays the article out on the site's page, with furniture, as clean simplified lines. */
export function addFurniture(article: CleanArticle, rng: Rng, options: FurnitureOptions = {}): PageLine[] {
  const out: PageLine[] = [];
  const blank = (): void => void out.push({ role: 'blank', text: '', indent: false, damaged: false });
  const line = (role: PageLineRole, text: string, extra: Partial<PageLine> = {}): void =>
    void out.push({ role, text, indent: true, damaged: true, ...extra });
  const [title = '', ...rest] = article.lines;

  if (options.bodyOnly) {
    article.lines.forEach((l, n) => {
      if (n > 0) blank();
      line('article', l, { articleLine: n });
    });
    return out;
  }

  const year = Number(/^(\d{4})/.exec(article.issue ?? '')?.[1] ?? rng.int(2016, 2023));
  const authors = (article.authors?.length ? article.authors : ['佚名']).join(' ');
  const journal = article.journal ?? rng.pick(JOURNALS);
  const issue = article.issue ?? `${year}年${rng.int(1, 12)}期`;
  const postedAt = article.postedAt ?? randomTime(rng, year);
  const keywords = keywordsOf(article);
  const topics = keywords.length ? keywords : GENERIC_TOPICS;

  out.push({ role: 'spam', text: spamHead(rng), indent: false, damaged: false });
  blank();
  line('placeholder', '?', { damaged: false });
  blank();
  line('title', title, { articleLine: 0 });
  blank();
  line('posted-byline', postedAt + authors);
  line('journal-issue', `${journal} ${issue}`);
  line('site-keywords', '关键词：' + keywords.join(''));
  blank();
  line('byline', authors);
  rest.forEach((l, n) => {
    blank();
    line('article', l, { articleLine: n + 1 });
  });
  blank();
  line('related-heading', '猜你喜欢');
  if (keywords.length) line('related-title', keywords.join(''));
  const related = rng.int(4, 10);
  for (let i = 0; i < related; i++) {
    line('related-title', relatedTitle(rng, topics));
    if (rng.chance(0.5)) {
      const y = rng.int(year - 6, year);
      line('related-source', `${rng.pick(JOURNALS)}（${y}年${rng.int(1, 36)}期）${randomTime(rng, y + (rng.chance(0.5) ? 1 : 0))}`);
    }
  }
  out.push({ role: 'spam', text: spamTail(rng), indent: false, damaged: false });
  return out;
}

/** Joins page lines as the site prints them (8-space indentation; no newline after the last line). */
export function renderLines(lines: readonly PageLine[]): string {
  return lines.map((l) => (l.indent && l.text !== '' ? ' '.repeat(8) + l.text : l.text)).join('\n');
}

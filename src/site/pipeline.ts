// Builds the site's data from a content folder: for each `articles/<slug>/source.txt`, decode →
// repair → parse (zh-Hans) → convert (zh-Hant) → place the apparatus, and gives every keyword a
// page slug in each script. A folder that fails at any step becomes a failure record naming the
// file, the place and the problem; it never stops the others. Sources are only ever read.

import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readSource, SourceError } from '../lib/decode/index.ts';
import { articleInScript, parseArticle, traditionalConverter } from '../lib/model/index.ts';
import { repairPage } from '../lib/repair/index.ts';
import { toTraditional } from '../lib/script/index.ts';
import { placeApparatus } from './apparatus.ts';
import { ARTICLE_SLUG, keywordSlug, uniqueSlugs } from './slug.ts';
import type { ArticleFailed, ArticleOk, ArticleRecord, Edition, KeywordRef, Script } from './types.ts';

export const SOURCE_FILE = 'source.txt';

const toHant = (s: string): string => toTraditional(s, 'zh-Hant');

/** Everything about one article except its keyword slugs (which depend on all articles). */
type Built = Omit<ArticleOk, 'editions'> & { editions: Record<Script, Omit<Edition, 'keywords'>> };

/** One line for a log: `articles/x/source.txt: byte 12: problem (stage)`. */
export function describeFailure(f: ArticleFailed): string {
  const place = f.offset === null ? '' : ` byte ${f.offset}:`;
  return `${f.file}:${place} ${f.problem} (${f.stage})`;
}

async function buildOne(contentDir: string, slug: string): Promise<Built | ArticleFailed> {
  const file = join(contentDir, 'articles', slug, SOURCE_FILE);
  const rel = relative(contentDir, file);
  const fail = (stage: ArticleFailed['stage'], problem: string, offset: number | null = null): ArticleFailed => ({
    status: 'failed',
    slug,
    file: rel,
    offset,
    stage,
    problem,
  });
  if (!ARTICLE_SLUG.test(slug)) {
    return fail('folder', `the folder name “${slug}” cannot be a URL: use letters, digits, “-” and “_” only`);
  }
  const t0 = performance.now();
  let decoded;
  try {
    decoded = await readSource(file);
  } catch (err) {
    if (err instanceof SourceError) return fail(err.offset === null ? 'read' : 'decode', err.problem, err.offset);
    return fail('read', (err as Error).message);
  }
  let repair;
  try {
    repair = repairPage(decoded.text, { source: rel });
  } catch (err) {
    return fail('repair', (err as Error).message);
  }
  let hans;
  try {
    hans = parseArticle(repair, { slug });
  } catch (err) {
    return fail('parse', (err as Error).message);
  }
  if (hans.meta.title.trim() === '') return fail('parse', 'the edition has no title line: the page is empty after repair');
  let hant;
  let apparatus;
  try {
    // The article's own people keep their surnames (范秋白, not 範秋白), in the text and the apparatus alike.
    const convert = traditionalConverter(hans, 'zh-Hant');
    hant = articleInScript(hans, 'zh-Hant', convert);
    apparatus = {
      'zh-Hans': placeApparatus(repair, hans, hans, null),
      'zh-Hant': placeApparatus(repair, hans, hant, convert),
    };
  } catch (err) {
    return fail('convert', (err as Error).message);
  }
  return {
    status: 'ok',
    slug,
    source: rel,
    encoding: decoded.encoding,
    ms: Math.round(performance.now() - t0),
    editions: {
      'zh-Hans': { script: 'zh-Hans', article: hans, apparatus: apparatus['zh-Hans'] },
      'zh-Hant': { script: 'zh-Hant', article: hant, apparatus: apparatus['zh-Hant'] },
    },
  };
}

/** The article folders under `<contentDir>/articles`, sorted. Throws when that folder is missing. */
export async function articleFolders(contentDir: string): Promise<string[]> {
  const dir = join(contentDir, 'articles');
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${dir}: no articles folder (expected <content>/articles/<slug>/${SOURCE_FILE})`);
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Every article of the content folder, built or failed, in folder order. */
export async function buildArticles(contentDir: string): Promise<ArticleRecord[]> {
  const slugs = await articleFolders(contentDir);
  const built: Array<Built | ArticleFailed> = [];
  for (const slug of slugs) built.push(await buildOne(contentDir, slug));

  // Keyword pages: one per zh-Hans keyword across all articles, a slug per script.
  const keys: string[] = [];
  for (const b of built) if (b.status === 'ok') keys.push(...b.editions['zh-Hans'].article.keywords);
  const hansSlugs = uniqueSlugs(keys, keywordSlug);
  const hantSlugs = uniqueSlugs(keys, (k) => keywordSlug(toHant(k)));
  return built.map((b): ArticleRecord => {
    if (b.status === 'failed') return b;
    const hansKeywords = b.editions['zh-Hans'].article.keywords;
    const refs = (script: Script): KeywordRef[] =>
      hansKeywords.map((key, i) => ({
        key,
        text: b.editions[script].article.keywords[i] ?? key,
        slug: (script === 'zh-Hans' ? hansSlugs : hantSlugs).get(key)!,
      }));
    return {
      ...b,
      editions: {
        'zh-Hans': { ...b.editions['zh-Hans'], keywords: refs('zh-Hans') },
        'zh-Hant': { ...b.editions['zh-Hant'], keywords: refs('zh-Hant') },
      },
    };
  });
}

/** Converts every string in a JSON-like value to zh-Hant (for the interface strings). */
export function convertStrings<T>(value: T, convert: (s: string) => string = toHant): T {
  if (typeof value === 'string') return convert(value) as T;
  if (Array.isArray(value)) return value.map((v) => convertStrings(v, convert)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertStrings(v, convert)])) as T;
  }
  return value;
}

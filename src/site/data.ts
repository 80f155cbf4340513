// The pages' one way to the build data: typed reads of the `articles` and `strings` collections
// (see content.config.ts), plus the keyword index across articles. Thin: no rendering here.
/// <reference types="astro/client" />

import { getCollection, getEntry } from 'astro:content';
import type { UiStrings } from './strings.ts';
import { SCRIPTS, type ArticleFailed, type ArticleOk, type ArticleRecord, type Edition, type KeywordRef, type Script } from './types.ts';

async function records(): Promise<ArticleRecord[]> {
  const entries = (await getCollection('articles')) as Array<{ data: ArticleRecord }>;
  return entries.map((e) => e.data);
}

/** Articles that built, newest issue first, then by slug. */
export async function articles(): Promise<ArticleOk[]> {
  const ok = (await records()).filter((r): r is ArticleOk => r.status === 'ok');
  const key = (a: ArticleOk): number => {
    const m = a.editions['zh-Hans'].article.meta;
    const issue = m.issue?.value ?? 0;
    // A labelled issue sorts by the number in its label: a combined or numbered supplementary issue
    // (Z1, S1, 增刊1) with issue 1, a supplement without a number (增刊) before the first issue.
    return (m.year?.value ?? 0) * 1000 + (typeof issue === 'number' ? issue : Number(/\d+/.exec(issue)?.[0] ?? 0));
  };
  return ok.sort((a, b) => key(b) - key(a) || a.slug.localeCompare(b.slug));
}

/** Static paths of the pages made once per article and script (the article, its apparatus). */
export async function articlePaths(): Promise<Array<{ params: { script: Script; slug: string }; props: { record: ArticleOk } }>> {
  const all = await articles();
  return SCRIPTS.flatMap((script) => all.map((a) => ({ params: { script, slug: a.slug }, props: { record: a } })));
}

/** Articles that failed, by slug. */
export async function failures(): Promise<ArticleFailed[]> {
  return (await records()).filter((r): r is ArticleFailed => r.status === 'failed').sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The interface strings in a script. */
export async function ui(script: Script): Promise<UiStrings> {
  const entry = (await getEntry('strings', script)) as { data: UiStrings } | undefined;
  if (!entry) throw new Error(`no interface strings for ${script}`);
  return entry.data;
}

export interface KeywordEntry {
  key: string;
  refs: Record<Script, KeywordRef>;
  /** The articles carrying it, with the keyword as each script writes it. */
  articles: Array<{ article: ArticleOk; editions: Record<Script, Edition> }>;
}

/** Every keyword across the articles, in zh-Hans collation order. */
export async function keywordIndex(): Promise<KeywordEntry[]> {
  const byKey = new Map<string, KeywordEntry>();
  for (const a of await articles()) {
    a.editions['zh-Hans'].keywords.forEach((k, i) => {
      const hant = a.editions['zh-Hant'].keywords[i]!;
      let e = byKey.get(k.key);
      if (!e) byKey.set(k.key, (e = { key: k.key, refs: { 'zh-Hans': k, 'zh-Hant': hant }, articles: [] }));
      if (!e.articles.some((x) => x.article.slug === a.slug)) e.articles.push({ article: a, editions: a.editions });
    });
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh-Hans-CN-u-co-pinyin'));
}

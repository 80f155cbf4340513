// The shapes the reading site builds from: one record per article folder (an edition in both
// scripts with its apparatus placed on the page, or the reason it could not be built) and the
// interface strings. Produced by pipeline.ts at build time, read by the Astro pages. Types only.

import type { Article, Script } from '../lib/model/types.ts';
import type { EmendationKind, FurnitureRole } from '../lib/repair/index.ts';

export type { Article, Script };
export type { Section } from '../lib/model/types.ts';

export const SCRIPTS: readonly Script[] = ['zh-Hans', 'zh-Hant'];

/** The other script. */
export const otherScript = (s: Script): Script => (s === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans');

/** What part of the article page an emendation stands in. */
export type BlockKind =
  | 'title'
  | 'abstract'
  | 'keywords'
  | 'paragraph'
  | 'heading'
  | 'reference'
  | 'note'
  | 'endnote'
  | 'editor'
  | 'front-matter'
  | 'references-heading'
  | 'furniture'
  | 'other';

/** Where an emendation stands on the article page, in one script. */
export interface EntryPlace {
  block: BlockKind;
  /** Id of the element on the article page to link to (`s1-2-p3`, `ref-4`, `abstract-1`), or null. */
  anchor: string | null;
  /**
   * UTF-16 offsets of the reading in the text of the element named by `anchor`, in this script;
   * null when the element does not show the line's text as it stands (keywords, catalogue lines)
   * or the emendation is a removal of page furniture.
   */
  start: number | null;
  end: number | null;
  /** 0-based line of the edition text, or null for furniture. */
  line: number | null;
  /** Human label of the place, in this script: `一（二）第3段`, `参考文献[4]`. */
  label: string;
}

/** An emendation as one script's pages show it. */
export interface EntryView {
  id: string;
  kind: EmendationKind;
  /** What the page had (the damaged traditional copy), exactly. */
  witness: string;
  /** The edition's reading as the apparatus records it (simplified). */
  reading: string;
  /** The reading as this script's edition prints it. */
  shown: string;
  confidence: number;
  /** The repair's note (English). */
  note: string;
  place: EntryPlace;
  /** Edition text around the reading, in this script; null for furniture. */
  excerpt: { before: string; after: string } | null;
  /** For furniture: the role of the removed line and its repaired reading in this script. */
  role: FurnitureRole | null;
  furnitureReading: string | null;
}

/** A keyword as both scripts show it; `key` (the zh-Hans form) identifies it across articles. */
export interface KeywordRef {
  key: string;
  text: string;
  /** Path segment of the keyword's page in this script (not yet percent-encoded). */
  slug: string;
}

/** One script's edition of an article. */
export interface Edition {
  script: Script;
  article: Article;
  apparatus: EntryView[];
  /** Index-aligned with `article.keywords`. */
  keywords: KeywordRef[];
}

export interface ArticleOk {
  status: 'ok';
  slug: string;
  /** The source file, relative to the content folder. */
  source: string;
  encoding: string;
  editions: Record<Script, Edition>;
  /** Milliseconds the pipeline took for this article. */
  ms: number;
}

/** Why an article folder produced no edition. */
export interface ArticleFailed {
  status: 'failed';
  slug: string;
  /** The file, relative to the content folder. */
  file: string;
  /** Byte offset in the file when the problem has one (decoding). */
  offset: number | null;
  /** Which step failed. */
  stage: 'folder' | 'read' | 'decode' | 'repair' | 'parse' | 'convert';
  problem: string;
}

export type ArticleRecord = ArticleOk | ArticleFailed;

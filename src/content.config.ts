// The reading site's content collections: the articles (built from content/articles/*/source.txt
// by the pipeline, or the reason they failed) and the interface strings in both scripts.
/// <reference types="astro/client" />

import { defineCollection } from 'astro:content';
import { articlesLoader, stringsLoader } from './site/loader.ts';

export const collections = {
  articles: defineCollection({ loader: articlesLoader() }),
  strings: defineCollection({ loader: stringsLoader() }),
};

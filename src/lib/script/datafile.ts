// Reads the plain-text data files that sit next to this module (tab-separated, `#` comments,
// blank lines ignored). It never interprets the columns: each user does.

import { readFileSync } from 'node:fs';

export interface DataLine {
  /** 1-based line number in the file. */
  line: number;
  /** The tab-separated fields, each trimmed. */
  fields: string[];
}

/** The path of a data file beside this module. */
export function dataFileUrl(name: string): URL {
  return new URL(`./${name}`, import.meta.url);
}

/** Parses the text of a data file into its non-comment, non-blank lines. */
export function parseDataText(text: string): DataLine[] {
  const out: DataLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    out.push({ line: i + 1, fields: raw.split('\t').map((f) => f.trim()) });
  }
  return out;
}

/** Reads and parses a data file beside this module. */
export function readDataFile(name: string): DataLine[] {
  return parseDataText(readFileSync(dataFileUrl(name), 'utf8'));
}

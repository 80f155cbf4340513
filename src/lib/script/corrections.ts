// Loads corrections.tsv, the project's own fixes to opencc-js's simplified → traditional
// conversion, and checks its shape. It never converts text and holds no entries itself.

import { parseDataText, readDataFile, type DataLine } from './datafile.ts';

export type TraditionalVariant = 'zh-Hant' | 'zh-TW' | 'zh-HK';
export const TRADITIONAL_VARIANTS: readonly TraditionalVariant[] = ['zh-Hant', 'zh-TW', 'zh-HK'];

export interface Correction {
  simplified: string;
  /** In OpenCC standard form; the regional stage makes the zh-TW / zh-HK form. */
  traditional: string;
  variants: TraditionalVariant[];
  reason: string;
  /** 1-based line in corrections.tsv. */
  line: number;
}

export const CORRECTIONS_FILE = 'corrections.tsv';

function parseVariants(field: string, line: number): TraditionalVariant[] {
  if (field === '*') return [...TRADITIONAL_VARIANTS];
  const out: TraditionalVariant[] = [];
  for (const v of field.split(',').map((s) => s.trim())) {
    if (!(TRADITIONAL_VARIANTS as readonly string[]).includes(v)) {
      throw new Error(`${CORRECTIONS_FILE}:${line}: unknown variant "${v}"`);
    }
    out.push(v as TraditionalVariant);
  }
  return out;
}

/** Parses corrections in the corrections.tsv format; throws on a malformed line. */
export function parseCorrections(lines: readonly DataLine[]): Correction[] {
  return lines.map(({ line, fields }) => {
    const [simplified, traditional, variants, reason, ...rest] = fields;
    if (!simplified || !traditional || !variants || !reason || rest.length > 0) {
      throw new Error(`${CORRECTIONS_FILE}:${line}: expected 4 tab-separated fields with a reason`);
    }
    if (simplified.length !== traditional.length) {
      throw new Error(`${CORRECTIONS_FILE}:${line}: the two phrases differ in length`);
    }
    return { simplified, traditional, variants: parseVariants(variants, line), reason, line };
  });
}

/** Parses the text of a corrections file. */
export function parseCorrectionsText(text: string): Correction[] {
  return parseCorrections(parseDataText(text));
}

let loaded: Correction[] | undefined;

/** The entries of corrections.tsv (read once). */
export function corrections(): readonly Correction[] {
  loaded ??= parseCorrections(readDataFile(CORRECTIONS_FILE));
  return loaded;
}

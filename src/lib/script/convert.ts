// General script conversion for `jiaokan convert`: any input, simplified or traditional, to one
// target script. Traditional input goes through the same restoration as a damaged page;
// traditional targets are always made afresh from simplified. It never edits anything but script.

import { stCharacters, tsCharacters } from './opencc.ts';
import { restoreSimplified } from './restore.ts';
import { toTraditional, type TraditionalVariant } from './traditional.ts';
import { ZHE } from './zhe.ts';

export type ScriptTarget = 'zh-Hans' | TraditionalVariant;

/**
 * Counts the characters only a traditional text would use (OpenCC's traditional → simplified
 * table changes them) and those only a simplified text would use (its simplified → traditional
 * table changes them).
 */
export function scriptCounts(text: string): { traditional: number; simplified: number } {
  const ts = tsCharacters();
  const st = stCharacters();
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (ch < '\u3400') continue;
    const t = ts.get(ch);
    if (t !== undefined && t !== ch) traditional++;
    const s = st.get(ch);
    if (s !== undefined && s !== ch) simplified++;
  }
  return { traditional, simplified };
}

/** The simplified text of any input (unchanged when it already is simplified). */
export function toSimplified(text: string): string {
  const { traditional, simplified } = scriptCounts(text);
  if (traditional === 0) return text;
  // 著 is read as a Taiwan-style 着 only in a text that is mostly traditional and never writes 着
  // itself; in OpenCC-standard or Hong Kong text 著 already means zhù.
  const zhe = traditional > simplified && !text.includes(ZHE);
  return restoreSimplified(text, { zhe }).text;
}

/** `text` in the target script. */
export function convert(text: string, to: ScriptTarget): string {
  const simplified = toSimplified(text);
  return to === 'zh-Hans' ? simplified : toTraditional(simplified, to);
}

// Keeps the surnames of the people an article names in its traditional edition: opencc-js writes
// 范 as 範 and 于 as 於 wherever it does not know the whole name, so 范秋白 would come out 範秋白,
// and a phrase around a name may take its surname (湖南的钟叔河 → 的鐘).
// The surnames and their forms live in surnames.tsv; which strings are names comes from the
// article model (its authors, editor and reference authors). It never guesses a name from text.

import { readDataFile } from './datafile.ts';

export const SURNAMES_FILE = 'surnames.tsv';

let forms: Map<string, string> | undefined;

/** Simplified surname → its traditional form as a surname, for the surnames opencc-js mistakes. */
export function surnameForms(): ReadonlyMap<string, string> {
  if (!forms) {
    forms = new Map();
    for (const { line, fields } of readDataFile(SURNAMES_FILE)) {
      const [simplified, traditional, reason, ...rest] = fields;
      if (!simplified || !traditional || !reason || rest.length > 0 || [...simplified].length !== 1 || [...traditional].length !== 1) {
        throw new Error(`${SURNAMES_FILE}:${line}: expected a surname, its traditional form and a reason, tab-separated`);
      }
      forms.set(simplified, traditional);
    }
  }
  return forms;
}

const HAN = /\p{Script=Han}/u;

/** The surname `convert` gives a name on its own (钟叔河 → 鍾叔河), if it keeps the name's length. */
function surnameAlone(name: string, convert?: (text: string) => string): string | undefined {
  const alone = convert?.(name);
  return alone !== undefined && alone.length === name.length ? alone[0] : undefined;
}

/**
 * `converted` (the traditional conversion of `simplified`, place for place) with the surname of
 * every occurrence of a listed name put back in its surname form: the table's, else the one
 * `convert` gives the name on its own (湖南的钟叔河 reads 的鐘 in context). A name of two
 * characters counts only where no Han character touches it on either side (`[9] 余华.`, `余华，莫言`),
 * since inside running text it may be two words (其余华人); a longer one (范秋白认为) counts anywhere. A
 * conversion that changed the text's length (an astral form) is returned as it is.
 */
export function keepSurnames(simplified: string, converted: string, names: readonly string[], convert?: (text: string) => string): string {
  if (names.length === 0 || converted.length !== simplified.length) return converted;
  const table = surnameForms();
  const places = new Map<number, string>();
  for (const name of names) {
    if (name.length < 2 || !simplified.includes(name)) continue;
    const form = table.get(name[0]!) ?? surnameAlone(name, convert);
    if (form === undefined) continue;
    for (let at = simplified.indexOf(name); at >= 0; at = simplified.indexOf(name, at + 1)) {
      if (name.length === 2) {
        const before = simplified[at - 1];
        const after = simplified[at + name.length];
        if ((before && HAN.test(before)) || (after && HAN.test(after) && after !== '等')) continue;
      }
      places.set(at, form);
    }
  }
  if (places.size === 0) return converted;
  let out = '';
  let from = 0;
  for (const at of [...places.keys()].sort((a, b) => a - b)) {
    out += converted.slice(from, at) + places.get(at)!;
    from = at + 1;
  }
  return out + converted.slice(from);
}

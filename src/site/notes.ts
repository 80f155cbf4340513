// An apparatus entry's note in the page's script, made from its kind and its own values (witness,
// reading, role), never from the repair's English note, which the page shows after it as the
// program's own words. Falls back to the kind's one-sentence explanation when an entry's values
// do not have the expected shape.

import { fmt, type UiStrings } from './strings.ts';
import type { EntryView } from './types.ts';

/** `關(guān)` → the character and the reading in the tag. */
const PINYIN_TAG = /^(.+?)\s*[(（]\s*([^()（）]+?)\s*[)）]$/u;

export function entryNote(e: EntryView, ui: UiStrings): string {
  const n = ui.entryNote;
  switch (e.kind) {
    case 'pinyin': {
      const m = PINYIN_TAG.exec(e.witness.trim());
      return m ? fmt(n.pinyin, { char: m[1]!, reading: m[2]! }) : fmt(n.pinyinPlain, { witness: e.witness.trim() });
    }
    case 'punctuation':
      return e.witness !== '' && e.shown !== '' ? fmt(n.punctuation, { witness: e.witness, reading: e.shown }) : ui.kindBrief.punctuation;
    case 'space':
      return n.space;
    case 'script':
      return e.witness !== '' && e.reading !== '' ? fmt(n.script, { witness: e.witness, reading: e.reading }) : ui.kindBrief.script;
    case 'realign': {
      const count = [...e.shown].filter((c) => /\p{Script=Han}/u.test(c)).length;
      return count > 0 ? fmt(n.realign, { n: count }) : ui.kindBrief.realign;
    }
    case 'lacuna': {
      const count = [...e.reading].filter((c) => c === '□').length;
      return count > 0 ? fmt(n.lacuna, { n: count }) : ui.kindBrief.lacuna;
    }
    case 'furniture': {
      const used: Partial<Record<string, string>> = ui.roleUsed;
      if (e.role === 'site-keywords') return n.furnitureSiteKeywords;
      const what = e.role ? used[e.role] : undefined;
      return what ? fmt(n.furnitureUsed, { what }) : n.furniture;
    }
    default:
      return '';
  }
}

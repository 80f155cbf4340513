// Person names as Chinese journals print them: split a name list into one entry per person and
// tell the printed (padded) form from the name itself. It never guesses where glued names split.

import type { PersonName } from './types.ts';

const HAN = '\\p{Script=Han}';
/** Whitespace of any width that may pad a name (ASCII, no-break, ideographic). */
const PAD = '[\\s\\u00a0\\u3000]+';
const PAD_BETWEEN_HAN = new RegExp(`(?<=${HAN})${PAD}(?=${HAN})`, 'gu');
const HAN_ONLY = new RegExp(`^[${HAN}·•]+$`, 'u');

/** `孙 荣` → `{ display: '孙 荣', name: '孙荣' }`; Latin names keep one space between parts. */
export function personName(display: string): PersonName {
  const d = display.trim();
  return { display: d, name: d.replace(PAD_BETWEEN_HAN, '').replace(/[\s\u00a0\u3000]+/g, ' ') };
}

/** Initials alone (`R. D.`, `K.A`, `H. K`), and a Latin surname they may follow. */
const INITIALS = /^(?:[A-Z](?:\.|[\s-]+|$)[\s-]*){1,4}$/;
const LATIN_SURNAME = /^[A-Za-z][A-Za-z'-]*(?:\s[A-Za-z][A-Za-z'-]*)?$/;

/** Role words that may follow a name in a byline or a reference (`主编`, `等`). */
const ROLE_SUFFIX = /(?:等|主编|编著|编译|编|著|译|et\s+al\.?)$/u;

export interface NameList {
  names: PersonName[];
  /** The list ended with `等` / `et al.` */
  etAl: boolean;
}

/**
 * Split a printed name list into persons. Separators `，,、；;` always split. Inside one chunk,
 * whitespace splits too, except that single Han characters standing next to each other are the
 * two halves of one padded name (`汤金金 孙 荣` → 汤金金, 孙 荣).
 */
export function splitNames(list: string): NameList {
  let etAl = false;
  const names: PersonName[] = [];
  for (const rawChunk of list.split(/[，,、；;]/)) {
    let chunk = rawChunk.trim();
    if (/^(?:等|et\s+al\.?)$/iu.test(chunk)) {
      etAl = true;
      continue;
    }
    const role = ROLE_SUFFIX.exec(chunk);
    if (role && chunk.length > role[0].length) {
      if (role[0] === '等' || /^et/i.test(role[0])) etAl = true;
      chunk = chunk.slice(0, -role[0].length).trim();
    }
    if (chunk === '') continue;
    // `Putnam, R. D., & Goss, K. A.`: the initials after a comma belong to the surname before it,
    // and `&` or `and` only joins the last name on.
    chunk = chunk.replace(/^(?:&|and\s)\s*/u, '');
    const last = names[names.length - 1];
    if (INITIALS.test(chunk) && last && LATIN_SURNAME.test(last.name) && !rawChunk.includes('、')) {
      const display = `${last.display}, ${/[A-Z]$/.test(chunk) ? `${chunk}.` : chunk}`;
      names[names.length - 1] = personName(display);
      continue;
    }
    const tokens = chunk.split(/[\s\u00a0\u3000]+/);
    if (tokens.length > 1 && tokens.every((t) => HAN_ONLY.test(t))) {
      // Rebuild from the chunk so the printed pad is kept in `display`.
      const spans = [...chunk.matchAll(/[^\s\u00a0\u3000]+/gu)];
      for (let i = 0; i < spans.length; i++) {
        const a = spans[i]!;
        const b = spans[i + 1];
        if (b && [...a[0]].length === 1 && [...b[0]].length === 1) {
          names.push(personName(chunk.slice(a.index, b.index + b[0].length)));
          i++;
        } else {
          names.push(personName(a[0]));
        }
      }
    } else {
      names.push(personName(chunk));
    }
  }
  return { names, etAl };
}

/** Words an English title has and a person's name does not. */
const ENGLISH_TITLE_WORD = /\b(?:on|of|the|and|in|for|with|from|under|between|towards?|study|analysis|research)\b/i;

/** A Latin person's or body's name, not an English title: no function words (On Grassroots Governance in China). */
// Accented letters too (MARTÍNEZ), and the □ a letter GBK lacks became (MART□NEZ).
export const latinName = (name: string): boolean => /^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f□\s.'-]{0,40}$/.test(name) && !ENGLISH_TITLE_WORD.test(name);

/**
 * Whether a string reads as a list of person (or body) names rather than a title: short chunks,
 * Han names of at most 6 characters without their pad, or Latin names.
 */
export function looksLikeNames(list: string, opts: { maxHan?: number } = {}): boolean {
  const maxHan = opts.maxHan ?? 6;
  const s = list.trim();
  if (s === '' || s.length > 80) return false;
  const { names, etAl } = splitNames(s);
  if (names.length === 0) return etAl;
  return names.every((n) => {
    if (HAN_ONLY.test(n.name)) return [...n.name].length >= 2 && [...n.name].length <= maxHan;
    return latinName(n.name);
  });
}

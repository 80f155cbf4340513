// A small HTML tokenizer for the site tests: finds the start tags of a built page with their
// attributes (quoted values, entities decoded) and the raw content of <script>/<style>, the way a
// browser's tokenizer sees them. Enough to check ids, links and that no markup leaked from text.

export interface Tag {
  name: string;
  attrs: Map<string, string>;
  /** For script and style: their raw text content. */
  content?: string;
  /** Offset of `<` in the page. */
  at: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Every start tag in document order. */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[lt + 1] ?? '')) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && /[^\s/>]/.test(html[j]!)) j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    const attrs = new Map<string, string>();
    for (;;) {
      while (j < n && /[\s/]/.test(html[j]!)) j++;
      if (j >= n || html[j] === '>') break;
      let k = j;
      while (k < n && /[^\s/>=]/.test(html[k]!)) k++;
      const attr = html.slice(j, k).toLowerCase();
      j = k;
      while (j < n && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < n && /\s/.test(html[j]!)) j++;
        const q = html[j];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, j + 1);
          value = html.slice(j + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          let e = j;
          while (e < n && /[^\s>]/.test(html[e]!)) e++;
          value = html.slice(j, e);
          j = e;
        }
      }
      if (attr !== '' && !attrs.has(attr)) attrs.set(attr, decodeEntities(value));
      if (attr === '') j++;
    }
    const tag: Tag = { name, attrs, at: lt };
    i = j + 1;
    if (name === 'script' || name === 'style') {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      tag.content = html.slice(i, close < 0 ? n : close);
      i = close < 0 ? n : close;
    }
    out.push(tag);
  }
  return out;
}

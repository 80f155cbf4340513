// Jiaokan's enhancement script (a deferred module; the site reads fully without it): the script
// switch keeps the current fragment or nearest section and remembers the choice; the root page
// honours that choice (or hints at traditional script); copy buttons; opening a <details> that
// holds the fragment target (apparatus page).

const KEY = 'jiaokan.script';
const store = {
  get() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set(v) {
    try {
      localStorage.setItem(KEY, v);
    } catch {
      /* storage disabled: the switch still works as a link */
    }
  },
};

/** The id of the section or paragraph the reader is at: the fragment, else the last one above the top. */
function currentPlace() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash && document.getElementById(hash)) {
    const el = document.getElementById(hash);
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) return hash;
  }
  const candidates = document.querySelectorAll('main h1[id], main h2[id], main h3[id], main h4[id], main h5[id], main p[id], main li[id], main tr[id], main section[id]');
  // What the sticky header covers does not count as read.
  const line = (document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0) + 24;
  let best = null;
  for (const el of candidates) {
    if (el.closest('.toc')) continue;
    const top = el.getBoundingClientRect().top;
    if (top <= line) best = el;
    else break;
  }
  if (best && scrollY > 0) return best.id;
  return hash || null;
}

for (const a of document.querySelectorAll('a[data-switch-script]')) {
  a.addEventListener('click', () => {
    store.set(a.dataset.switchScript);
    const place = currentPlace();
    if (place) {
      const url = new URL(a.href, location.href);
      url.hash = encodeURIComponent(place);
      a.href = url.href;
    }
  });
}

// Visiting a script's pages by the switch is the choice; the root page follows it.
const html = document.documentElement;
if (html.dataset.root === '1') {
  const chosen = store.get();
  if (chosen === 'zh-Hant' || chosen === 'zh-Hans') {
    if (chosen !== html.lang) location.replace(`/${chosen}/${location.hash}`);
  } else {
    const prefersHant = (navigator.languages || [navigator.language]).some((l) => /^zh-(?:Hant|TW|HK|MO)\b/i.test(l));
    const hint = document.querySelector('[data-script-hint]');
    if (prefersHant && hint) hint.hidden = false;
  }
}

// The citation with this page's address, now that it is known, and today as the date cited.
const cite = document.getElementById('cite-text');
if (cite && cite.dataset.online && cite.dataset.path) {
  const now = new Date();
  const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  cite.textContent = cite.dataset.online.replace('{url}', new URL(cite.dataset.path, location.href).href).replace('{date}', today);
}

// Copy buttons: shown only here, since they need script.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const target = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector('.copy-status');
  if (!target || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(target.textContent.trim());
      if (status) status.textContent = button.dataset.copied;
    } catch {
      if (status) status.textContent = button.dataset.failed;
    }
  });
}

// A fragment inside a closed <details> (the full pinyin/punctuation lists): open it and go there.
function revealTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const el = id && document.getElementById(id);
  if (!el) return;
  let opened = false;
  for (let d = el.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
    if (!d.open) {
      d.open = true;
      opened = true;
    }
  }
  if (opened) el.scrollIntoView();
}
revealTarget();
addEventListener('hashchange', revealTarget);

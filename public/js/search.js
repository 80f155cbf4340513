// Mounts Pagefind's search UI on the search page (loaded after pagefind-ui.js, both deferred),
// gives its input a visible label, and runs the query given as ?q=. Pagefind picks the index of
// the page's language (script).
const element = document.getElementById('search');
if (element && window.PagefindUI) {
  const ui = new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false });
  const input = element.querySelector('input');
  if (input) {
    input.id = 'search-input';
    const label = document.createElement('label');
    label.htmlFor = 'search-input';
    label.className = 'search-label';
    label.textContent = element.dataset.label || 'Search';
    element.prepend(label);
  }
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
}

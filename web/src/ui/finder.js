// The function finder in the header (build_scripts/lib/finder.mjs writes its list): typing
// narrows the list to the functions any of whose names, in any language, contain what was
// typed; Enter follows the first one left. Without scripts the list is shown whole.

// Case, spaces, hyphens and primes do not matter: "leaky relu" finds Leaky ReLU and leaky-relu.
const normalise = (text) => text.toLowerCase().replace(/[\s\-_′']/g, '');

/** Wire the finder under `root` (the header); nothing happens when the page has none. */
export function startFinder(root = document) {
  const finder = root.querySelector('details.finder');
  if (!finder) return;
  const input = finder.querySelector('.finder-input');
  const items = [...finder.querySelectorAll('.finder-list > li')];
  const none = finder.querySelector('.finder-none');
  const names = new Map(items.map((li) => [li, (li.dataset.names ?? '').split('|').map(normalise)]));

  const visible = () => items.filter((li) => !li.hidden);
  const filter = () => {
    const query = normalise(input.value);
    for (const li of items) li.hidden = Boolean(query) && !names.get(li).some((name) => name.includes(query));
    none.hidden = visible().length > 0;
  };
  const close = () => {
    finder.open = false;
    finder.querySelector('summary').focus();
  };

  input.addEventListener('input', filter);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const first = visible()[0]?.querySelector('a');
      if (first) {
        event.preventDefault();
        first.click();
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  finder.addEventListener('toggle', () => {
    if (finder.open) input.focus();
  });
  finder.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && finder.open) close();
  });
  // A followed link closes the panel, so the section it leads to is not covered.
  finder.querySelector('.finder-list').addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('a')) finder.open = false;
  });
  filter();
}

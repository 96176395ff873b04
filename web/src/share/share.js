// Share links on the main page (issue 4): the state read from the link, the address kept
// up to date, the notice about unusable settings, the copy-link and embed buttons.
// main.js calls restoreFromUrl() before creating the store and startSharing() after.

import { parseState } from '../model/url-state.js';
import { EMBED_KEYS, embeddableIds } from './embed-options.js';
import { startUrlSync } from './url-sync.js';
import { showNotice } from './notice.js';
import { createAnnouncer, mountShareButtons } from './share-buttons.js';
import { createEmbedDialog } from './embed-dialog.js';

/** The state a link asks for ({ state, problems }); `lang` is used when the link has none. */
export function restoreFromUrl(table, lang, search = location.search) {
  // The embed page's own keys mean nothing here but are not mistakes either.
  return parseState(search, table, { lang, ignore: EMBED_KEYS });
}

export function startSharing({ store, table, t }, problems = []) {
  const sync = startUrlSync({ store, table });
  const announcer = createAnnouncer(t);
  const dialog = createEmbedDialog({ t, store, table, announcer });
  const ids = new Set(embeddableIds(table));
  mountShareButtons({
    t,
    announcer,
    links: { sectionUrl: (id) => sync.url(`#${id}`), viewUrl: () => sync.viewUrl() },
    openEmbed: (id, button) => dialog.open(id, button),
    embeddable: (id) => ids.has(id),
  });
  if (problems.length) {
    showNotice(document.body, problems, { state: store.get(), table, t, className: 'notice-toast' });
    sync.write(); // the address now says what the page shows, so a reload shows no notice
  }
  return sync;
}

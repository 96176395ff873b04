// The link to the other language's page (the site has a page per language): kept carrying
// the view, so following it opens the same settings, at the same section, in the other
// language. Without scripts it is a plain link to that page.

import { setField } from '../model/state.js';
import { stateQuery, withQuery } from './embed-options.js';

/** Keep `link` (an <a hreflang>) pointing at its page with the view's settings and section. */
export function keepLanguageLinkInStep({ link, store, table, sync }) {
  const page = link.href; // the other page's address, as the build wrote it (made absolute)
  const lang = link.getAttribute('hreflang');
  const update = () => {
    const state = setField(store.get(), table, 'lang', lang).state;
    link.href = withQuery(page, stateQuery(state, table), new URL(sync.viewUrl()).hash);
  };
  update();
  store.subscribe(update);
  // The section in view changes as the reader scrolls: read it when the link is about to be used.
  for (const type of ['pointerdown', 'focus', 'mouseenter']) link.addEventListener(type, update);
}

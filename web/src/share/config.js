// Where links to the explorer and to embeds point. The site has a page per language, the
// default one at its root (index.html, ko/index.html) and embed.html beside it; each page says
// where the root is (<html data-root>). The single file points every link at itself (it shows
// the embed view when its query has `fn`).

import { DEFAULT_LANGUAGE } from '../text/i18n.js';

const pages = {
  app: (lang) => (lang === DEFAULT_LANGUAGE ? 'index.html' : `${lang}/index.html`),
  embed: 'embed.html',
};

const fromRoot = (page) => new URL(`${document.documentElement.dataset.root ?? ''}${page}`, location.href).href;

/** The address of the explorer's page in `lang`. */
export const appPageUrl = (lang) => fromRoot(pages.app(lang));

/** The address of the embed page. */
export const embedPageUrl = () => fromRoot(pages.embed);

/** The single file: every link opens this same file. */
export function pointPagesAtSelf(location) {
  const file = location.pathname.split('/').pop() || 'activation-explorer.html';
  pages.app = () => file;
  pages.embed = file;
}

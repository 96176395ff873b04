// Where links to the explorer and to embeds point. The site has a page per language and part
// (page-paths.js: index.html, beyond.html, ko/index.html, …) and embed.html at its root; each
// page says where the root is (<html data-root>). The single file points every link at itself
// (it holds every part, and shows the embed view when its query has `fn`).

import { pagePath } from '../model/page-paths.js';

const pages = {
  app: pagePath,
  embed: 'embed.html',
};

const fromRoot = (page) => new URL(`${document.documentElement.dataset.root ?? ''}${page}`, location.href).href;

/** The address of the explorer's page in `lang` that shows `part` ('article' or 'beyond'). */
export const appPageUrl = (lang, part) => fromRoot(pages.app(lang, part));

/** The address of the embed page. */
export const embedPageUrl = () => fromRoot(pages.embed);

/** The single file: every link opens this same file. */
export function pointPagesAtSelf(location) {
  const file = location.pathname.split('/').pop() || 'activation-explorer.html';
  pages.app = () => file;
  pages.embed = file;
}

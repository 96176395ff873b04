// Where share links and embeds point, relative to the current page. The static site has
// index.html and embed.html side by side; the single-file build points both at itself
// (it shows the embed view when its query has `fn`).

export const pages = { app: 'index.html', embed: 'embed.html' };

/** The single file: every link opens this same file. */
export function pointPagesAtSelf(location) {
  const file = location.pathname.split('/').pop() || 'activation-explorer.html';
  pages.app = file;
  pages.embed = file;
}

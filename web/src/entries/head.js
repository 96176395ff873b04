// Inlined into every page's <head>, where it runs before anything is drawn: the page's own
// links made absolute, and the language the reader asked for, with no flash of the other one.
// A classic script with no imports (build_scripts/lib/pages.mjs bundles it alone).

const root = document.documentElement;
root.classList.remove('no-js'); // the styles for readers without scripts stop here

// Search engines (and Lighthouse) take canonical and hreflang links as absolute URLs; a
// static site learns its own address only when it is served.
for (const link of document.querySelectorAll('link[rel="canonical"], link[rel="alternate"][hreflang]')) {
  link.setAttribute('href', link.href);
}

// The language pages are the hreflang alternates (x-default is the default one's address).
// Compared, not put into a selector: ?lang= is whatever a link says.
const alternates = [...document.querySelectorAll('link[rel="alternate"][hreflang]')];
const pageOf = (lang) => alternates.find((link) => link.hreflang === lang);
const asked = new URLSearchParams(location.search).get('lang');
let wanted = asked && asked !== 'x-default' && pageOf(asked) ? asked : null;
// Without a usable ?lang= (none, or one a hand-edited link spoilt: the page's notice says
// so), the default page (the site's root) follows the browser's language; every other
// page's address already says which language it is.
if (wanted === null && 'defaultLanguage' in root.dataset) {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  wanted = preferred.map((tag) => String(tag).toLowerCase().split('-')[0]).find((lang) => pageOf(lang)) ?? null;
}
if (wanted && wanted !== root.lang) {
  root.style.display = 'none'; // nothing of this page is drawn while the other one loads
  location.replace(pageOf(wanted).href + location.search + location.hash);
}

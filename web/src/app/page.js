// The whole page: its sections' labs (the first screen's chart at once, each other one as it
// comes near the viewport), share links, in-page links and the language. Wiring only.
//
// The site has a page per language with everything already in its HTML: changing language
// is following a link to the other page, which the page keeps carrying the view. The single
// file has one page for both languages and switches in place (translations and explanations).

import { applyTranslations, initialLanguage } from '../text/i18n.js';
import { setField } from '../model/state.js';
import { createStore, watch } from '../model/store.js';
import { whenNear } from '../ui/lazy.js';
import { fragmentId, keepInPageLinksOnTarget, settleOnAnchor } from '../ui/anchor-scroll.js';
import { proseFor, showProse } from '../text/prose.js';
import { canMount } from '../sections/index.js';
import { restoreFromUrl, startSharing } from '../share/share.js';
import { keepLanguageLinkInStep } from '../share/language-link.js';
import { startPrinting } from '../share/print.js';
import { startFinder } from '../ui/finder.js';
import { showCoreFailure, startApp } from './start.js';

// A lab's headings go one level below its section's.
function levelOf(lab) {
  const heading = lab.closest('section')?.querySelector('.section-title');
  return heading ? Number(heading.tagName.slice(1)) + 1 : 3;
}

// Lets the browser paint and handle input between two pieces of start-up work.
const nextTask = () => new Promise((resolve) => { setTimeout(resolve); });
// After the next frame has been drawn: what is set up then does not delay it.
const afterPaint = () => new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); });

/**
 * `translators`: { lang: translate } for the languages this page can show. With one (the
 * site's pages), the language is the page's; with several (the single file), the link's or
 * the browser's, and the toggle switches in place.
 */
export async function startPage({ translators }) {
  const inPlace = Object.keys(translators).length > 1;
  const lang = inPlace ? initialLanguage() : document.documentElement.lang;
  let shown = document.documentElement.lang; // the language the HTML is in
  const t = (key, vars) => translators[shown](key, vars);
  const toggle = document.getElementById('lang-toggle');

  // The single file: write the page in `next` (its strings, then its explanations).
  const showLanguage = (next) => {
    if (next === shown) return;
    document.documentElement.lang = next;
    toggle?.setAttribute('lang', Object.keys(translators).find((l) => l !== next));
    shown = next;
    applyTranslations(document, translators[next]);
    proseFor(next).then((prose) => { if (shown === next) showProse(document, next, prose); },
      (error) => console.warn(`explanations (${next}) failed to load:`, error));
  };
  if (inPlace) showLanguage(lang);
  startFinder(); // needs no core: it works even when the core fails

  let restored;
  let mountAll = async () => {};
  const app = await startApp({
    t,
    makeStore: (table) => {
      restored = restoreFromUrl(table, lang); // a share link's settings, checked
      return { store: createStore(restored.state), hook: { mountAll: () => mountAll() } };
    },
  });
  if (app.error) {
    const box = document.getElementById('core-error');
    showCoreFailure(box, document, t);
    if (inPlace) {
      toggle.addEventListener('click', () => {
        showLanguage(shown === 'ko' ? 'en' : 'ko');
        showCoreFailure(box, document, t);
      });
    }
    return;
  }

  const { store, table, mount } = app;
  const labs = [...document.querySelectorAll('[data-lab]')].filter(canMount);
  // Each lab once: its controls in one task, its chart in the next; data-mounted marks it done.
  const mounting = new Map();
  const mountLab = (lab) => {
    if (!mounting.has(lab)) {
      mounting.set(lab, (async () => {
        const section = await mount(lab, levelOf(lab));
        await nextTask();
        section.createChart();
        lab.dataset.mounted = '';
      })());
    }
    return mounting.get(lab);
  };
  // Every lab now (to print the whole page; the tests' hook).
  mountAll = () => Promise.all(labs.map(mountLab)).then(() => undefined);

  // The first screen's chart first, painted before anything else is set up.
  if (labs.length) {
    await mountLab(labs[0]);
    await afterPaint();
  }
  // Share buttons, the address kept in step and any bad-link notice.
  const sync = startSharing({ store, table, t }, restored.problems);
  if (inPlace) {
    toggle.addEventListener('click', () => {
      store.update((s) => setField(s, table, 'lang', s.lang === 'ko' ? 'en' : 'ko').state);
    });
    watch(store, (s) => s.lang, (next) => showLanguage(next));
  } else if (toggle) {
    keepLanguageLinkInStep({ link: toggle, store, table, sync });
  }
  // Every other lab when it comes near.
  whenNear(labs.slice(1), mountLab);
  startPrinting({ t, mountAll: () => mountAll() });
  // A link to #section may land before the fonts and the first chart settle: follow it.
  requestAnimationFrame(() => settleOnAnchor(fragmentId(location.hash)));
  keepInPageLinksOnTarget();
}

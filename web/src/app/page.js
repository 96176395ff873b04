// The whole page: language, the sections' labs (the first chart first, the rest as they come
// near the viewport), the explanations, share links and in-page links. Wiring only.

import { applyTranslations, initialLanguage } from '../text/i18n.js';
import { setField } from '../model/state.js';
import { createStore, watch } from '../model/store.js';
import { whenNear } from '../ui/lazy.js';
import { fragmentId, keepInPageLinksOnTarget, settleOnAnchor } from '../ui/anchor-scroll.js';
import { proseFor, showProse } from '../text/prose.js';
import { canMount } from '../sections/index.js';
import { restoreFromUrl, startSharing } from '../share/share.js';
import { showCoreFailure, startApp, translators } from './start.js';

// The explanations wait until the first chart has had its frame: inserting them first made
// that chart wait for a layout of the whole page, the slowest step of a cold load.
let releaseProse;
const proseGate = new Promise((resolve) => { releaseProse = resolve; });

// The page is built in English (build-web.mjs checks every string), so a first visit in
// English has nothing to translate and skips the walk over the whole document.
let translatedTo = document.documentElement.lang;

function setLanguage(lang) {
  if (lang !== translatedTo) {
    document.documentElement.lang = lang;
    // The toggle names the other language, in that language.
    document.getElementById('lang-toggle')?.setAttribute('lang', lang === 'ko' ? 'en' : 'ko');
    applyTranslations(document, translators[lang]);
    translatedTo = lang;
  }
  Promise.all([proseFor(lang), proseGate]).then(
    // A slow load must not overwrite a later choice.
    ([prose]) => { if (document.documentElement.lang === lang) showProse(document, lang, prose); },
    (error) => console.warn(`explanations (${lang}) failed to load:`, error),
  );
}

// See "booting" in web/styles/layout.css.
function endBooting() {
  document.documentElement.classList.remove('booting');
}

// Only the first chart's section is laid out with it; the rest follow a frame later.
function showSectionOf(lab) {
  lab.closest('main > .section')?.classList.add('ready');
}

function restoreFragment() {
  settleOnAnchor(fragmentId(location.hash));
}

// A lab's headings go one level below its section's.
function levelOf(lab) {
  const heading = lab.closest('section')?.querySelector('.section-title');
  return heading ? Number(heading.tagName.slice(1)) + 1 : 3;
}

export async function startPage() {
  const lang = initialLanguage();
  setLanguage(lang);
  const t = (key, vars) => translators[document.documentElement.lang === 'ko' ? 'ko' : 'en'](key, vars);
  const toggle = document.getElementById('lang-toggle');

  let restored;
  const app = await startApp({
    t,
    makeStore: (table) => {
      restored = restoreFromUrl(table, lang); // a share link's settings, checked
      return { store: createStore(restored.state) };
    },
  });
  if (app.error) {
    endBooting();
    releaseProse(); // no charts: the text is all there is
    const box = document.getElementById('core-error');
    showCoreFailure(box, document, t);
    toggle.addEventListener('click', () => {
      setLanguage(document.documentElement.lang === 'ko' ? 'en' : 'ko');
      showCoreFailure(box, document, t);
    });
    return;
  }

  const { store, table, mount } = app;
  toggle.addEventListener('click', () => {
    store.update((s) => setField(s, table, 'lang', s.lang === 'ko' ? 'en' : 'ko').state);
  });
  watch(store, (s) => s.lang, (next) => setLanguage(next));
  const mountLab = (lab) => mount(lab, levelOf(lab));
  const labs = [...document.querySelectorAll('[data-lab]')].filter(canMount);

  // The first lab and its chart come first and get a frame to paint; the other labs
  // (their controls are cheap, their charts wait for the viewport) are mounted after.
  try {
    if (labs.length) showSectionOf(labs[0]);
    const first = labs.length ? mountLab(labs[0]) : null;
    first?.createChart();
    await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); });
  } finally {
    // Whatever happened to the chart, the other sections and the text must come.
    endBooting();
    releaseProse();
  }
  // Share buttons, the address kept in step and any bad-link notice: after the first chart.
  startSharing({ store, table, t }, restored.problems);
  const sections = labs.slice(1).map(mountLab);
  whenNear(sections.map((s) => s.element), (el) => sections.find((s) => s.element === el)?.createChart());
  // The explanations and labs changed the page's height after the browser jumped to
  // #fragment, so jump again once both are in place.
  Promise.all([proseFor(store.get().lang), proseGate]).finally(() => requestAnimationFrame(restoreFragment));
  keepInPageLinksOnTarget();
}

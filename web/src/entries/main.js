// Wiring only: load the core once, build the state table and store, hand each lab
// placeholder to its section module, and follow language and colour-scheme changes.

import './start-core.js'; // first, so the wasm compiles while the rest evaluates (the site also loads it on its own, earlier)
import en from '../i18n/en.json';
import ko from '../i18n/ko.json';
import { loadCore } from './core.js';
import { createLabContext } from './lab-context.js';
import { applyTranslations, initialLanguage, makeTranslator } from './i18n.js';
import { createStateTable, setField } from './state.js';
import { createStore, watch } from './store.js';
import { whenNear } from './lazy.js';
import { fragmentId, keepInPageLinksOnTarget, settleOnAnchor } from './anchor-scroll.js';
import { proseFor, showProse } from './prose.js';
import { mountScalarSection } from './section-scalar.js';
import { mountMaxoutSection } from './section-maxout.js';
import { mountSoftmaxSection } from './section-softmax.js';
import { mountCompareSection } from './section-compare.js';
import { mountSummaryTable } from './summary-table.js';
import { restoreFromUrl, startSharing } from './share.js'; // issue 4: links, notice, embeds

const translators = { en: makeTranslator(en), ko: makeTranslator(ko, en) };
const MOUNTERS = {
  scalar: mountScalarSection,
  maxout: mountMaxoutSection,
  softmax: mountSoftmaxSection,
  compare: mountCompareSection,
  summary: mountSummaryTable,
};

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

async function start() {
  const corePromise = loadCore(); // first: everything interactive waits for it
  const lang = initialLanguage();
  setLanguage(lang);
  const t = (key, vars) => translators[document.documentElement.lang === 'ko' ? 'ko' : 'en'](key, vars);
  const toggle = document.getElementById('lang-toggle');

  let core;
  try {
    core = await corePromise;
  } catch (error) {
    endBooting();
    releaseProse(); // no charts: the text is all there is
    showCoreFailure(t, error);
    toggle.addEventListener('click', () => {
      setLanguage(document.documentElement.lang === 'ko' ? 'en' : 'ko');
      showCoreFailure(t, error);
    });
    return;
  }

  const table = createStateTable(core.list());
  const restored = restoreFromUrl(table, lang); // a share link's settings, checked
  const store = createStore(restored.state);
  toggle.addEventListener('click', () => {
    store.update((s) => setField(s, table, 'lang', s.lang === 'ko' ? 'en' : 'ko').state);
  });
  watch(store, (s) => s.lang, (next) => setLanguage(next));

  const { ctx, findChart } = createLabContext({ core, store, table, t });
  // A read-only hook for the browser tests (web/TESTING.md): plotted data and state.
  window.activationExplorer = Object.freeze({
    core,
    state: () => store.get(),
    chart: findChart,
  });
  const mountLab = (lab) => {
    const heading = lab.closest('section')?.querySelector('.section-title');
    const level = heading ? Number(heading.tagName.slice(1)) + 1 : 3;
    return MOUNTERS[lab.dataset.kind](lab, { slug: lab.dataset.lab, level }, ctx);
  };
  const labs = [...document.querySelectorAll('[data-lab]')].filter((lab) => MOUNTERS[lab.dataset.kind]);

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

function showCoreFailure(t, error) {
  const box = document.getElementById('core-error');
  box.textContent = t('app.wasmFailed');
  box.hidden = false;
  for (const status of document.querySelectorAll('.lab-status')) status.hidden = true;
  console.warn('activation core failed to load:', error); // a warning: the page still works as text
}

start();

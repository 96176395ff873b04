// The embed view (embed.html?fn=<id>&…, and the single file with ?fn=): one section's chart
// and controls, optionally its formula and explanation, a small "open in Activation
// Explorer" link carrying the same settings, and its height reported to the host page.
// Works in <iframe sandbox="allow-scripts">: no storage, cookies, module scripts or fetches
// (the core is inlined in the script; explanations come as a classic script).

import { applyTranslations, initialLanguage, lookup, LANGUAGES } from '../text/i18n.js';
import { setField } from '../model/state.js';
import { createStore } from '../model/store.js';
import { h, tr } from '../ui/dom.js';
import { showProse } from '../text/prose.js';
import { parseState } from '../model/url-state.js';
import {
  EMBED_KEYS, HIDE_PARTS, LOCK_ALL, embedKeysQuery, embeddableIds, lockStore, parseEmbedOptions, stateQuery, withQuery,
} from '../share/embed-options.js';
import { startUrlSync } from '../share/url-sync.js';
import { showNotice } from '../share/notice.js';
import { startResizeReporter } from '../ui/resize-reporter.js';
import { appPageUrl } from '../share/config.js';
import { showCoreFailure, startApp } from './start.js';
import { dictionaries, translators } from './dictionaries.js';

const ID = /^[a-z][a-z0-9-]{0,39}$/;

/** The embed's root. The single file holds the whole page, which gives way to the embed. */
function prepareRoot() {
  document.documentElement.classList.add('embed-mode');
  let root = document.getElementById('embed-root');
  if (!root) {
    for (const el of document.querySelectorAll('body > :not(script):not(template)')) el.remove();
    root = h('div', { id: 'embed-root', className: 'embed-root' });
    document.body.prepend(root);
  }
  return root;
}

/** Explanations: inline JSON in the single file, else a classic script next to embed.html. */
function loadEmbedProse(lang) {
  const inline = document.getElementById(`prose-${lang}`);
  if (inline) return Promise.resolve(JSON.parse(inline.textContent));
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL(`embed-content-${lang}.js`, document.baseURI).href;
    script.addEventListener('load', () => {
      const prose = globalThis.activationExplorerProse?.[lang];
      if (prose) resolve(prose);
      else reject(new Error(`embed-content-${lang}.js defined no explanations`));
    });
    script.addEventListener('error', () => reject(new Error(`embed-content-${lang}.js failed to load`)));
    document.head.append(script);
  });
}

// Parts hidden with `hide=`: most by a class on the root (see share.css); the derivative
// curves by switching off their toggles, so the chart, readout and legend agree.
function hideDerivatives(section, id) {
  for (const key of ['df', 'dparam']) {
    const input = section.querySelector(`#${CSS.escape(`${id}-curve-${key}`)}`);
    if (!input) continue;
    if (input.checked) {
      input.checked = false;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    input.closest('label').hidden = true;
  }
  const both = section.querySelector(`#${CSS.escape(`${id}-derivatives`)}`); // comparisons
  if (both) {
    if (both.checked) both.click();
    both.closest('label').hidden = true;
  }
}

// Controls of locked settings are disabled (the store keeps the values regardless).
function disableLocked(section, id, lock, table) {
  const all = lock.includes(LOCK_ALL);
  const has = (name) => all || lock.includes(name);
  const off = (el) => { if (el && !el.disabled) el.disabled = true; };
  for (const { param } of table.fields.filter((f) => f.section === id && f.param)) {
    if (!has(param)) continue;
    for (const part of ['slider', 'input', 'reset']) off(section.querySelector(`#${CSS.escape(`${id}-${param}-${part}`)}`));
  }
  if (has('range')) off(section.querySelector(`#${CSS.escape(`${id}-range`)}`));
  if (has('logits')) {
    off(section.querySelector('.logits-editor'));
    section.querySelector(`#${CSS.escape(`${id}-logits-chart`)}`)?.classList.add('locked');
  }
  if (has('pieces')) for (const el of section.querySelectorAll('.pieces-editor input, .pieces-editor button')) off(el);
  if (has('shown')) off(section.querySelector(`#${CSS.escape(`${id}-curves`)}`));
  if (has('pick')) for (const chip of section.querySelectorAll('.picker .chip')) off(chip);
  if (has('show')) for (const chip of section.querySelectorAll('.frameworks-show .chip')) off(chip);
  if (has('framework')) for (const radio of section.querySelectorAll('.frameworks-switch input')) off(radio);
  if (has('derivatives')) off(section.querySelector(`#${CSS.escape(`${id}-derivatives`)}`));
}

export async function startEmbed() {
  const search = location.search;
  const params = new URLSearchParams(search);
  const lang = initialLanguage(search);
  const t = translators[lang];
  document.documentElement.lang = lang;
  const root = prepareRoot();
  const noticeSlot = h('div', { className: 'embed-notice-slot' });
  const openLink = h('a', { id: 'embed-open', 'data-testid': 'embed-open', className: 'embed-open', target: '_blank', rel: 'noopener' },
    tr('span', 'embed.open', t));
  const footer = h('p', { className: 'embed-footer' }, openLink);

  // The section's markup (heading, formulas, lab placeholder) is rendered at build time.
  const rawId = params.get('fn') ?? '';
  const template = ID.test(rawId) ? document.getElementById(`embed-template-${rawId}`) : null;
  const section = template ? template.content.firstElementChild.cloneNode(true) : null;
  const hidden = (params.get('hide') ?? '').split(',').map((s) => s.trim()).filter((p) => HIDE_PARTS.includes(p));
  for (const part of hidden) root.classList.add(`embed-hide-${part}`);
  const anchor = section?.querySelector('.section-title .anchor');
  if (anchor) {
    // A function's own name ("Leaky ReLU", not the page's "Leaky ReLU and PReLU"), not a link.
    if (lookup(dictionaries.en, `fn.${rawId}`)) anchor.dataset.i18n = `fn.${rawId}`;
    anchor.removeAttribute('href');
  }
  root.replaceChildren(noticeSlot, ...(section ? [section] : []), footer);
  applyTranslations(root, t);
  document.title = `${section ? `${section.querySelector('.section-title')?.textContent.trim()} · ` : ''}${t('app.title')}`;
  openLink.href = appPageUrl(lang);
  const stopReporting = startResizeReporter(root);

  let options;
  let problems;
  const app = await startApp({
    t,
    makeStore: (table) => {
      options = parseEmbedOptions(search, table);
      const parsed = parseState(search, table, { lang, ignore: EMBED_KEYS });
      problems = [...options.problems, ...parsed.problems];
      let initial = parsed.state;
      // A comparison's derivatives are a setting: hiding them sets it (before any lock pins it).
      if (options.fn && options.hide.includes('derivative') && table.byKey.has(`${options.fn}.derivatives`)) {
        initial = setField(initial, table, `${options.fn}.derivatives`, false).state;
      }
      const store = lockStore(createStore(initial), table, options.lockedKeys);
      return { store, hook: { embed: Object.freeze({ fn: options.fn, hide: options.hide, lock: options.lock }) } };
    },
  });
  if (app.error) {
    const box = h('p', { className: 'core-error', role: 'alert' });
    noticeSlot.append(box);
    showCoreFailure(box, root, t);
    return stopReporting;
  }

  const { store, table, mount } = app;
  const { fn } = options;
  if (!fn || !section) {
    const ids = embeddableIds(table).join(', ');
    noticeSlot.after(tr('p', 'embed.chooseFn', t, { list: ids }, { className: 'embed-choose', id: 'embed-choose' }));
  }

  if (fn && section) {
    const mounted = await mount(section.querySelector('[data-lab]'), 2);
    mounted.createChart();
    if (options.hide.includes('derivative')) hideDerivatives(section, fn);
    if (options.lock.length) {
      section.querySelector('.lab-controls')?.prepend(tr('p', 'embed.locked', t, undefined, { className: 'note embed-locked-note' }));
      disableLocked(section, fn, options.lock, table);
      store.subscribe(() => disableLocked(section, fn, options.lock, table));
    }
    const prose = section.querySelector('[data-prose]');
    if (prose && options.hide.includes('text')) prose.remove();
    else if (prose && LANGUAGES.includes(lang)) {
      loadEmbedProse(lang).then((content) => showProse(section, lang, content),
        (error) => { prose.remove(); console.warn('explanations failed to load:', error.message); });
    }
  }

  // The link to the full explorer, and this embed's own address, follow every change.
  const updateLink = () => {
    const part = table.sections.find((section) => section.id === fn)?.part;
    openLink.href = withQuery(appPageUrl(store.get().lang, part), stateQuery(store.get(), table), fn ? `#${fn}` : '');
  };
  updateLink();
  store.subscribe(updateLink);
  const sync = startUrlSync({
    store, table, fragments: false, prefix: () => (fn ? embedKeysQuery(options) : ''),
  });
  if (problems.length) {
    showNotice(noticeSlot, problems, { state: store.get(), table, t, className: 'notice-inline' });
    sync.write();
  }
  return stopReporting;
}

// Shared by share.test.mjs, embed.test.mjs and offline.test.mjs (issue 4): watching a page
// for requests to other origins, CSP violations and script a link may have smuggled in.

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, DIST } from './harness.mjs';
import { loadCore } from '../../web/src/core/core.js';
import { createStateTable } from '../../web/src/model/state.js';
import { frameworksData } from './registry-kit.mjs';
import { parseState } from '../../web/src/model/url-state.js';
import { EMBED_KEYS } from '../../web/src/share/embed-options.js';

/**
 * Init script: collects CSP violations (every frame) and installs the canary that hostile
 * links try to set. A link that ran script would leave window.__pwned set.
 */
export function watchScript() {
  Object.defineProperty(window, '__cspViolations', { value: [], configurable: true });
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/** Record every request and dialog of a page's context. Returns { requests, dialogs }. */
export function recordTraffic(page) {
  const requests = [];
  const dialogs = [];
  page.context().on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  return { requests, dialogs };
}

/** Every request went to one of `origins` (prefixes such as 'http://127.0.0.1:1234/' or 'file://'). */
export function assertOnlyOrigins(requests, origins) {
  const away = requests.filter((url) => !origins.some((o) => url.startsWith(o)) && !url.startsWith('data:'));
  assert.deepEqual(away, [], `requests that left the allowed origins (${origins.join(', ')})`);
}

/** No CSP violation was reported in the page or any of its frames; no script from a link ran. */
export async function assertCleanPage(page, dialogs) {
  for (const frame of page.frames()) {
    const { violations, pwned } = await frame.evaluate(() => ({ violations: window.__cspViolations ?? [], pwned: window.__pwned }));
    assert.deepEqual(violations, [], `CSP violations in ${frame.url()}`);
    assert.equal(pwned, undefined, `a link ran script in ${frame.url()}`);
  }
  assert.deepEqual(dialogs, [], 'no alert/confirm/prompt was opened');
}

/** dist/activation-explorer.html as a file:// URL, with `query` ('?…') appended. */
export const SINGLE = path.join(DIST, 'activation-explorer.html');
export const singleUrl = (query = '') => `${pathToFileURL(SINGLE).href}${query}`;

/**
 * A page of `browser` with the network cut: the context is offline and every request but
 * reading a file is aborted (and would be reported as a failed request). Navigates to `url`
 * unless it is null. Returns openPage's result with { requests, dialogs }.
 */
export async function openOffline(browser, url) {
  const opened = await openPage(browser, url ?? 'about:blank', {
    goto: false,
    initScripts: [watchScript],
    route: async (context) => {
      await context.route('**', (route) => (route.request().url().startsWith('file:')
        ? route.continue() : route.abort('internetdisconnected')));
      await context.setOffline(true);
    },
  });
  const traffic = recordTraffic(opened.page);
  if (url) await opened.page.goto(url);
  return { ...opened, ...traffic };
}

let tablePromise = null;
/** The state table, as the page builds it, for computing expected states in Node. */
export function stateTable() {
  tablePromise ??= loadCore().then((core) => createStateTable(core.list(), core.comparisons(), core.groups(), frameworksData));
  return tablePromise;
}

/** What the page should make of a query (the embed keys aside). */
export async function expectedState(search, lang = 'en') {
  return parseState(search, await stateTable(), { lang, ignore: EMBED_KEYS });
}

/** The attributes of the <iframe …></iframe> code the embed dialog writes. */
export function iframeAttributes(html) {
  assert.match(html, /^<iframe [^<>]*><\/iframe>$/);
  const unescape = (v) => v.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return Object.fromEntries([...html.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => [name, unescape(value)]));
}

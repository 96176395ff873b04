// Share links and embeds, the pure parts: embed keys, embed/share URLs, the iframe code,
// locked settings, the URL-write throttle and the notice's lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCore } from '../../web/src/core/core.js';
import { createStateTable, defaultState, getField, setField } from '../../web/src/model/state.js';
import { createStore } from '../../web/src/model/store.js';
import { parseState, serialiseState } from '../../web/src/model/url-state.js';
import {
  EMBED_KEYS, IFRAME_SIZE, embedKeysQuery, embedQuery, iframeCode, clampSize, lockables, lockStore,
  parseEmbedOptions, stateQuery, withQuery,
} from '../../web/src/share/embed-options.js';
import { createThrottle, WRITE_INTERVAL_MS } from '../../web/src/share/url-sync.js';
import { urlLanguage } from '../../web/src/text/i18n.js';
import { displayText, noticeLines } from '../../web/src/share/notice.js';
import { lookup, placeholdersOf } from '../../web/src/text/i18n.js';

const core = await loadCore();
const table = createStateTable(core.list(), core.comparisons(), core.groups());
const dict = (lang) => JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8'));
const en = dict('en');
const ko = dict('ko');

test('links always carry lang; the embed keys are skipped by the page, not reported', () => {
  const state = setField(defaultState(table), table, 'elu.alpha', 0.5).state;
  assert.equal(stateQuery(state, table), 'lang=en&elu.alpha=0.5');
  assert.equal(serialiseState(state, table), 'elu.alpha=0.5', 'the table-driven form still omits defaults');
  const { state: back, problems } = parseState('?fn=elu&hide=text&lock=alpha&lang=en&elu.alpha=0.5', table, { ignore: EMBED_KEYS });
  assert.deepEqual(problems, []);
  assert.deepEqual(back, state);
  assert.equal(urlLanguage('?lang=ko&lang=en'), 'ko');
  assert.equal(urlLanguage('?lang=fr'), null);
  assert.equal(urlLanguage('?lang=%3Cscript%3E'), null);
});

test('embed options: fn, hide and lock are read, canonicalised and checked', () => {
  const o = parseEmbedOptions('?fn=elu&hide=text, derivative,text,bogus&lock=range,alpha,beta', table);
  assert.equal(o.fn, 'elu');
  assert.deepEqual(o.hide, ['derivative', 'text']);
  assert.deepEqual(o.lock, ['range', 'alpha'], 'in the state table\'s order');
  assert.deepEqual(o.lockedKeys.sort(), ['elu.alpha', 'elu.xmax', 'elu.xmin']);
  assert.deepEqual(o.problems.map((p) => [p.key, p.raw]), [['hide', 'bogus'], ['lock', 'beta']]);

  const bad = parseEmbedOptions('?fn=<script>&lock=all', table);
  assert.equal(bad.fn, null);
  assert.deepEqual(bad.lock, [], 'locks need a known section');
  assert.equal(bad.problems[0].key, 'fn');
  assert.equal(bad.problems[0].reason, 'not-choice');
  assert.match(bad.problems[0].choices, /\belu\b.*\bcompare-all\b/);

  assert.deepEqual([...lockables(table, 'softmax').keys()], ['temperature', 'logits', 'all']);
  assert.deepEqual([...lockables(table, 'maxout').keys()], ['range', 'pieces', 'all']);
  assert.deepEqual([...lockables(table, 'compare-all').keys()], ['range', 'shown', 'derivatives', 'all']);
  assert.deepEqual(parseEmbedOptions('?fn=prelu&lock=all', table).lockedKeys.sort(), ['prelu.a', 'prelu.xmax', 'prelu.xmin']);
  assert.equal(parseEmbedOptions(`?fn=elu&hide=${'x,'.repeat(5000)}`, table).problems[0].problem, 'too-long');
});

test('an embed query carries its own keys, lang and only its section; it reads back to the same view', () => {
  let state = setField(defaultState(table, 'ko'), table, 'elu.alpha', 0.25).state;
  state = setField(state, table, 'elu.xmin', -5).state;
  state = setField(state, table, 'sigmoid.xmax', 4).state; // another section: left out
  const query = embedQuery({ fn: 'elu', hide: ['text', 'derivative'], lock: ['range', 'nonsense'] }, state, table);
  assert.equal(query, 'fn=elu&hide=derivative,text&lock=range&lang=ko&elu.xmin=-5&elu.alpha=0.25');
  const options = parseEmbedOptions(query, table);
  const { state: back, problems } = parseState(query, table, { ignore: EMBED_KEYS });
  assert.deepEqual([...options.problems, ...problems], []);
  assert.deepEqual(back.sections.elu, state.sections.elu);
  assert.equal(back.lang, 'ko');
  assert.equal(embedQuery({ fn: 'elu', lock: ['alpha', 'all'] }, defaultState(table), table), 'fn=elu&lock=all&lang=en');
  assert.equal(embedKeysQuery({ fn: 'softmax', hide: ['text'], lock: ['logits'] }), 'fn=softmax&hide=text&lock=logits');
});

test('withQuery replaces the query and fragment of any page address', () => {
  assert.equal(withQuery('https://a.example/ae/embed.html?x=1#y', 'fn=elu&elu.alpha=0.5', '#elu'),
    'https://a.example/ae/embed.html?fn=elu&elu.alpha=0.5#elu');
  assert.equal(withQuery('file:///home/t/activation-explorer.html?old=1#z', '', ''), 'file:///home/t/activation-explorer.html');
  assert.equal(withQuery('http://127.0.0.1:8080/', 'maxout.pieces=-1:0,1:0'), 'http://127.0.0.1:8080/?maxout.pieces=-1:0,1:0');
});

test('iframe code: sizes bounded, every value escaped, sandboxed', () => {
  const code = iframeCode({ src: 'https://x.example/embed.html?fn=elu&a="b"<c>', width: '99999', height: 'abc', title: 'A "quoted" <b>title</b> & more' });
  assert.match(code, /^<iframe src="https:\/\/x\.example\/embed\.html\?fn=elu&amp;a=&quot;b&quot;&lt;c&gt;"/);
  assert.match(code, new RegExp(` width="${IFRAME_SIZE.width.max}" height="${IFRAME_SIZE.height.default}" `));
  assert.match(code, /title="A &quot;quoted&quot; &lt;b&gt;title&lt;\/b&gt; &amp; more"/);
  assert.match(code, /sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"/);
  assert.doesNotMatch(code, /allow-same-origin/);
  assert.equal(clampSize(' 640.4 ', IFRAME_SIZE.width), 640);
  assert.equal(clampSize('', IFRAME_SIZE.width), IFRAME_SIZE.width.default);
  assert.equal(clampSize(-5, IFRAME_SIZE.height), IFRAME_SIZE.height.min);
});

test('a locked setting keeps its value whatever updates the store', () => {
  const start = setField(defaultState(table), table, 'elu.alpha', 0.5).state;
  const inner = createStore(start);
  const store = lockStore(inner, table, ['elu.alpha', 'elu.xmin', 'elu.xmax']);
  let calls = 0;
  store.subscribe(() => { calls += 1; });
  store.update((s) => setField(s, table, 'elu.alpha', 2).state);
  assert.equal(getField(store.get(), table, 'elu.alpha'), 0.5);
  assert.equal(calls, 1, 'listeners still run, so a moved control is set back');
  store.update((s) => setField(s, table, 'softplus.beta', 3).state);
  assert.equal(getField(store.get(), table, 'softplus.beta'), 3, 'other settings change freely');
  store.update((s) => s);
  assert.equal(calls, 2, 'no-op updates stay silent');
  assert.equal(lockStore(inner, table, []), inner);
});

test('URL writes: the first at once, the rest folded, the last always written, at most 4 a second', () => {
  let now = 0;
  const timers = [];
  const writes = [];
  const throttle = createThrottle(() => writes.push(now), WRITE_INTERVAL_MS, {
    now: () => now,
    setTimer: (fn, ms) => { timers.push({ at: now + ms, fn }); return timers.length; },
    clearTimer: (id) => { timers[id - 1].fn = null; },
  });
  const advance = (to) => {
    while (true) {
      const next = timers.filter((t) => t.fn && t.at <= to).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      const { fn } = next;
      next.fn = null;
      fn();
    }
    now = to;
  };
  // A two-second drag: an input event every 16 ms.
  for (let t = 0; t <= 2000; t += 16) { advance(t); throttle.request(); }
  advance(3000);
  assert.equal(writes[0], 0, 'the first change is written immediately');
  for (let i = 1; i < writes.length; i += 1) assert.ok(writes[i] - writes[i - 1] >= WRITE_INTERVAL_MS, `writes ${i - 1}, ${i}`);
  assert.ok(writes.length <= 2000 / WRITE_INTERVAL_MS + 2, `${writes.length} writes for a two-second drag`);
  assert.ok(writes.at(-1) >= 2000, 'the trailing write comes after the last change');
  assert.equal(throttle.pending(), false);
  throttle.request(); // after a pause: at once again
  assert.equal(writes.at(-1), 3000);
  throttle.request();
  assert.equal(throttle.pending(), true);
  throttle.flush();
  assert.equal(throttle.pending(), false);
  assert.equal(writes.length >= 2 && writes.at(-1), 3000);
});

test('the notice quotes links as plain, clipped text and says what was used', () => {
  const search = `?elu.alpha=abc&leaky-relu.alpha=7&nope.key=1&sigmoid.xmin=5&sigmoid.xmax=1`
    + `&softmax.logits=1,x,3&tanh.xmax=${'9'.repeat(2000)}&x%E2%80%AEyz=%E2%80%AEevil%00&compare-all.shown=relu,nope`;
  const { state, problems } = parseState(search, table);
  const options = parseEmbedOptions('?fn=nope', table);
  const lines = noticeLines([...options.problems, ...problems], { state, table, max: 20 });
  const byKey = Object.fromEntries(lines.map((l) => [l.vars.key, l]));
  assert.deepEqual(byKey['elu.alpha'], { key: 'notice.invalid', vars: { key: 'elu.alpha', raw: 'abc', used: '1' } });
  assert.deepEqual(byKey['leaky-relu.alpha'].vars, { key: 'leaky-relu.alpha', raw: '7', used: '1' });
  assert.equal(byKey['leaky-relu.alpha'].key, 'notice.clamped');
  assert.equal(byKey['nope.key'].key, 'notice.unknown');
  assert.deepEqual(byKey.sigmoid, { key: 'notice.crossedRange', vars: { key: 'sigmoid', used: '-10 … 10' } });
  assert.equal(byKey['softmax.logits'].vars.used, '1,0,3', 'a bad logit reads as 0');
  assert.equal(byKey['tanh.xmax'].key, 'notice.tooLong');
  assert.equal(byKey['compare-all.shown'].vars.used, 'relu');
  assert.equal(byKey.fn.key, 'notice.notChoice');
  assert.ok(byKey.xyz, 'bidi overrides are stripped from keys');
  assert.equal(byKey.xyz.vars.raw, 'evil', 'and from values, with control characters');
  for (const line of lines) {
    for (const text of Object.values(line.vars)) assert.ok(String(text).length <= 400);
    for (const d of [en, ko]) {
      const template = lookup(d, line.key);
      assert.ok(template, `${line.key} exists`);
      for (const name of placeholdersOf(template)) assert.ok(name in line.vars, `${line.key} gets {${name}}`);
    }
  }
  const few = noticeLines(problems, { state, table, max: 3 });
  assert.equal(few.length, 4);
  assert.deepEqual(few.at(-1), { key: 'notice.more', vars: { n: problems.length - 3 } });
  assert.equal(displayText('a\u202Eb\u200Bc\u0000d\u2028e'), 'abcde');
});

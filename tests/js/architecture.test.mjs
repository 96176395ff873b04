// The shape of the code, checked: web/src's folders are layers and imports only run down
// them; no import cycle in web/src or build_scripts; no folder grows past a dozen files;
// and no code outside the registry names a function (it branches on capabilities).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from '../../web/src/core/core.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = path.join(ROOT, 'web', 'src');

// Lowest first: a module may import from its own folder or a lower layer, never a higher one.
const LAYERS = [['generated'], ['core', 'ui'], ['text'], ['model'], ['charts'], ['sections', 'share'], ['app'], ['entries']];
const rankOf = (folder) => LAYERS.findIndex((layer) => layer.includes(folder));

function filesUnder(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'generated'].includes(entry.name) ? [] : filesUnder(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

/** The relative imports of a file (static, re-exports and dynamic), as absolute paths. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]).filter((s) => s.startsWith('.'));
  return specifiers.map((s) => path.resolve(path.dirname(file), s.replace(/\?.*$/, '')));
}

function graphOf(files) {
  return new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))]));
}

/** One cycle as a list of files, or null. */
function findCycle(graph) {
  const state = new Map(); // file → 'open' | 'done'
  const stack = [];
  const visit = (file) => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

const rel = (file) => path.relative(ROOT, file);
const sourceFiles = filesUnder(SRC, '.js');

test('findCycle finds a cycle and accepts a tree', () => {
  assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
  assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), null);
});

test('no import cycle in web/src or build_scripts', () => {
  for (const files of [sourceFiles, filesUnder(path.join(ROOT, 'build_scripts'), '.mjs')]) {
    const cycle = findCycle(graphOf(files));
    assert.equal(cycle, null, `import cycle: ${cycle?.map(rel).join(' → ')}`);
  }
});

test("web/src's folders are layers, and every import runs down them", () => {
  const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const folder of folders) assert.notEqual(rankOf(folder), -1, `web/src/${folder} is in no layer of this test`);
  assert.deepEqual(sourceFiles.filter((f) => path.dirname(f) === SRC), [], 'every module lives in a layer folder');
  const readme = readFileSync(path.join(SRC, 'README.md'), 'utf8');
  for (const folder of folders) assert.match(readme, new RegExp(`\\b${folder}/`), `web/src/README.md maps ${folder}/`);
  for (const file of sourceFiles) {
    const from = path.relative(SRC, file).split(path.sep)[0];
    for (const target of importsOf(file)) {
      const inside = path.relative(SRC, target);
      if (inside.startsWith('..')) continue; // data beside web/src (web/i18n)
      const to = inside.split(path.sep)[0];
      assert.ok(to === from || rankOf(to) < rankOf(from), `${rel(file)} imports ${rel(target)}: ${to}/ is not below ${from}/`);
    }
  }
});

test('no folder of web/src holds more than a dozen files', () => {
  const counts = new Map();
  for (const file of sourceFiles) counts.set(path.dirname(file), (counts.get(path.dirname(file)) ?? 0) + 1);
  for (const [dir, count] of counts) assert.ok(count <= 12, `${rel(dir)} has ${count} files`);
});

test('no code outside the registry names a function or comparison', async () => {
  const core = await loadCore();
  const names = [...core.list().map((f) => f.slug), ...core.comparisons().map((c) => c.id)];
  const places = [
    ...sourceFiles, ...filesUnder(path.join(ROOT, 'web', 'styles'), '.css'), ...filesUnder(path.join(ROOT, 'web', 'i18n'), '.json'),
    path.join(ROOT, 'web', 'index.html'), path.join(ROOT, 'web', 'embed.html'),
    ...filesUnder(path.join(ROOT, 'build_scripts'), '.mjs'), ...filesUnder(path.join(ROOT, 'cpp', 'bindings'), '.cpp'),
    path.join(ROOT, 'bench', 'core-bench.mjs'),
  ];
  const found = [];
  for (const file of places) {
    const text = readFileSync(file, 'utf8');
    for (const name of names) {
      const escaped = name.replace(/-/g, '\\-');
      // As a string ('elu', "elu.alpha", `relu-…`), a CSS variable or selector (--fn-elu, #elu-chart).
      const pattern = new RegExp(`['"\`]${escaped}(?=['"\`.:-])|--[a-z]+-${escaped}\\b|#${escaped}-`, 'g');
      for (const m of text.matchAll(pattern)) found.push(`${rel(file)}: ${m[0]}`);
    }
  }
  assert.deepEqual(found, []);
});

test("every function's colour slot is in the stylesheet's palette", async () => {
  const core = await loadCore();
  const css = readFileSync(path.join(ROOT, 'web', 'styles', 'base.css'), 'utf8');
  const light = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
  for (const { slug, colour } of core.list().filter((f) => f.kind !== 'vector')) {
    assert.match(light, new RegExp(`--slot-${colour}: #[0-9a-f]{6};`), `${slug}: --slot-${colour}`);
  }
});

// The page's sections, derived from the core's registry, and their content files:
// web/content/<lang>/<id>.md, one per section and language. A file's front matter gives the
// names a reader sees (function name, section title, description, parameter labels and the
// few strings one function's controls need), the claims its text makes about its function
// (claims.mjs) and the identities it states (identities.mjs); its body is the explanation,
// whose number templates ({{ … }}, numbers.mjs) the core fills in before the Markdown is rendered.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseClaims } from './claims.mjs';
import { parseFrontMatter } from './front-matter.mjs';
import { createMarkdown, focusableScrollers, tableHeaders } from './markdown.mjs';
import { numberContext } from './number-expr.mjs';
import { identityFailures } from './identities.mjs';
import { expandNumbers } from './numbers.mjs';
import { comparisonKind } from '../../web/src/model/state.js';
import { ROOT, WEB } from './paths.mjs';

export const LANGS = ['en', 'ko'];
export const CONTENT_DIR = path.join(ROOT, 'web', 'content');

/** The one group of a registry that does not say (a test's small list): the article. */
export const ARTICLE_GROUPS = [{ id: 'article', part: 'article' }];

/**
 * Every section in page order, each with the part of the page it is in (`part`: 'article',
 * then 'beyond'; each part is a page of the site, build_scripts/lib/pages.mjs):
 *   article   the first screen's chart (picker comparisons), the introduction, the article's
 *             functions (one with a `parent` inside its parent's section), its other
 *             comparisons and the summary table;
 *   beyond    its introduction ('beyond'), then a section per group of functions (kind
 *             'group', id the group's) holding the group's functions, then its comparisons.
 * A group of the beyond part with no function yet is left out, and so is the part itself.
 * @returns {{ id: string, kind: string, part: string, spec?: object, parent?: string, comparison?: object, group?: object }[]}
 */
export function pageSections(list, comparisons, groups = ARTICLE_GROUPS) {
  const groupOf = new Map(groups.map((g) => [g.id, g]));
  const ids = new Set(list.map((s) => s.slug));
  for (const spec of list) {
    const group = groupOf.get(spec.group ?? groups[0].id);
    if (!group) throw new Error(`${spec.slug} is in group "${spec.group}", which the registry does not list`);
    if (spec.parent === undefined) continue;
    const parent = list.find((s) => s.slug === spec.parent);
    if (!parent || parent.parent !== undefined) {
      throw new Error(`${spec.slug} is shown inside ${spec.parent}, which is not a top-level function of the registry`);
    }
    if (group.part !== 'article') throw new Error(`${spec.slug}: only the article's functions nest inside another function`);
  }
  const partOf = (spec) => groupOf.get(spec.group ?? groups[0].id).part;
  const fn = (spec, parent = spec.parent) => ({ id: spec.slug, kind: spec.kind, spec, parent, part: partOf(spec) });
  const comparison = (c) => ({
    id: c.id, kind: comparisonKind(c.style), comparison: c, part: c.part ?? 'article',
  });
  const inPart = (part) => (c) => (c.part ?? 'article') === part;
  const article = [
    ...comparisons.filter(inPart('article')).filter((c) => c.style === 'picker').map(comparison),
    { id: 'intro', kind: 'text', part: 'article' },
    ...list.filter((spec) => partOf(spec) === 'article').map((spec) => fn(spec)),
    ...comparisons.filter(inPart('article')).filter((c) => c.style !== 'picker').map(comparison),
    { id: 'summary', kind: 'summary', part: 'article' },
  ];
  const beyondGroups = groups.filter((g) => g.part === 'beyond' && list.some((spec) => spec.group === g.id));
  const beyondComparisons = comparisons.filter(inPart('beyond'));
  if (beyondGroups.length === 0 && beyondComparisons.length === 0) return article;
  for (const g of beyondGroups) {
    if (ids.has(g.id)) throw new Error(`the group "${g.id}" has a function's slug: a section would have two meanings`);
  }
  return [
    ...article,
    { id: 'beyond', kind: 'text', part: 'beyond' },
    ...beyondGroups.flatMap((g) => [
      { id: g.id, kind: 'group', part: 'beyond', group: g },
      ...list.filter((spec) => spec.group === g.id).map((spec) => fn(spec, g.id)),
    ]),
    ...beyondComparisons.map(comparison),
  ];
}

/** The parts of the page that have sections, in order. */
export const partsOf = (sections) => [...new Set(sections.map((s) => s.part))];

/**
 * The front-matter keys a section's file must give (dotted), from its registry row: a
 * function's name and description, a label for each parameter, a label for each preset of
 * the pieces kind (and for the curve a preset approximates), the vector kind's output names;
 * every other section's title and description.
 */
export function requiredMeta(section) {
  const { spec } = section;
  if (!spec) return ['title', 'description'];
  const keys = ['name', 'description', ...spec.params.map((p) => `params.${p.name}`)];
  if (spec.kind === 'pieces') {
    keys.push(...spec.pieces.presets.map((preset) => `ui.preset-${preset.id}`));
    if (spec.pieces.presets.some((preset) => preset.targetQuadratic !== undefined)) keys.push('ui.target');
  }
  if (spec.kind === 'vector') keys.push('ui.outputs', 'ui.outputsName', 'ui.symbol');
  return keys;
}

/**
 * The wasm core the page loads, for the build. Imported when first needed: the build
 * scripts are loaded before the core is built.
 */
export async function loadBuildCore() {
  const { loadCore } = await import(pathToFileURL(path.join(WEB, 'src', 'core', 'core.js')).href);
  return loadCore();
}

const valueAt = (data, key) => key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), data);

/**
 * Read and render every section's file in both languages, from `dir` (web/content unless
 * given; `core` is loaded unless given):
 * { html: { en: { id: html } }, meta: { en: { id: frontMatter } } }. A section whose body is
 * empty has no html. Throws listing every missing file, missing or empty key and wrong or
 * bad number template (file:line: {{ template }}: why).
 */
export async function readContent(sections, { allowMissing = false, dir = CONTENT_DIR, core } = {}) {
  const context = numberContext(core ?? await loadBuildCore());
  const html = { en: {}, ko: {} };
  const meta = { en: {}, ko: {} };
  const missingFiles = [];
  const problems = [];
  const numberProblems = [];
  for (const lang of LANGS) {
    for (const section of sections) {
      const file = path.join(dir, lang, `${section.id}.md`);
      const source = path.relative(ROOT, file);
      if (!existsSync(file)) {
        missingFiles.push(source);
        continue;
      }
      const text = await readFile(file, 'utf8');
      const { data, body } = parseFrontMatter(text, source);
      for (const key of requiredMeta(section)) {
        const value = valueAt(data, key);
        if (typeof value !== 'string' || value.trim() === '') problems.push(`${source}: front matter needs "${key}"`);
      }
      if (JSON.stringify(data).includes('{{')) problems.push(`${source}: number templates work in the body, not the front matter`);
      // What the text claims about its function, in words the core's properties are checked
      // against (tests/js/claims.test.mjs); only read here, strictly.
      if (section.spec) problems.push(...parseClaims(data, section.spec, source).problems);
      else if (data.claims !== undefined || data.claimsAt !== undefined) problems.push(`${source}: claims belong in a function's file`);
      numberProblems.push(...identityProblems(data.identities, source, context));
      const other = meta[LANGS[0]][section.id];
      if (lang !== LANGS[0] && other && JSON.stringify(other.identities ?? []) !== JSON.stringify(data.identities ?? [])) {
        numberProblems.push(`${source}: its identities differ from the ${LANGS[0]} file's (both languages state the same ones)`);
      }
      meta[lang][section.id] = data;
      if (body.trim() === '') continue;
      const firstLine = text.slice(0, text.length - body.length).split('\n').length;
      const numbers = expandNumbers(body, { source, firstLine, context });
      if (numbers.problems.length) {
        numberProblems.push(...numbers.problems);
        continue;
      }
      // A nested section's file writes ### for its sub-headings, like every other file.
      const md = createMarkdown({ headingOffset: section.parent ? 1 : 0, source });
      html[lang][section.id] = focusableScrollers(tableHeaders(await md.parse(numbers.text)));
    }
  }
  if (problems.length) throw new Error(`content front matter:\n  ${problems.join('\n  ')}`);
  if (numberProblems.length) {
    throw new Error(`content numbers (web/content/README.md, "Numbers"):\n  ${numberProblems.join('\n  ')}`);
  }
  if (missingFiles.length && !allowMissing) {
    throw new Error(`missing explanation files:\n  ${missingFiles.join('\n  ')}\n`
      + '(pass --allow-missing-content to build without them while they are being written)');
  }
  if (missingFiles.length) console.warn(`warning: building without ${missingFiles.length} content file(s)`);
  return { html, meta };
}

/** An explanation's `identities:` (a list of strings, identities.mjs), each checked by the core. */
function identityProblems(identities, source, context) {
  if (identities === undefined) return [];
  if (!Array.isArray(identities) || !identities.every((i) => typeof i === 'string')) {
    return [`${source}: identities is a list of "LHS = RHS" strings`];
  }
  return identities.flatMap((identity) => identityFailures(identity, context).map((m) => `${source}: identities: ${m}`));
}

/**
 * The strings one language's content adds to the page's dictionary (web/i18n/<lang>.json):
 *   fn.<slug>               a function's name          section.<id>      a section's heading
 *   paramLabel.<slug>.<name>   a parameter's label     ui.<slug>.<key>   a function's own
 *                           control strings (presets, output names)
 * The bundles carry it, so it holds only what the page's scripts show: the descriptions the
 * front matter must give are for the build's pages (issue 10's per-language pages).
 */
export function contentDictionary(sections, metaOfLang) {
  const dict = { fn: {}, section: {}, paramLabel: {}, ui: {} };
  for (const { id, spec } of sections) {
    const data = metaOfLang[id];
    if (!data) continue;
    if (spec) {
      dict.fn[id] = data.name;
      if (data.params) dict.paramLabel[id] = { ...data.params };
      if (data.ui) dict.ui[id] = { ...data.ui };
    }
    dict.section[id] = data.title ?? data.name;
  }
  return dict;
}


// The page's sections, derived from the core's registry, and their content files:
// web/content/<lang>/<id>.md, one per section and language. A file's front matter gives the
// names a reader sees (function name, section title, description, parameter labels and the
// few strings one function's controls need) and, for a function, the claims its text makes
// (claims.mjs); its body is the explanation.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseClaims } from './claims.mjs';
import { parseFrontMatter } from './front-matter.mjs';
import { createMarkdown, focusableScrollers, tableHeaders } from './markdown.mjs';
import { ROOT } from './paths.mjs';

export const LANGS = ['en', 'ko'];
export const CONTENT_DIR = path.join(ROOT, 'web', 'content');

/**
 * Every section in page order: the first screen's chart (picker comparisons), the
 * introduction, each function (a function with a `parent` is shown inside its parent's
 * section), the other comparisons and the summary table.
 * @returns {{ id: string, kind: string, spec?: object, parent?: string, comparison?: object }[]}
 */
export function pageSections(list, comparisons) {
  const functions = list.map((spec) => ({ id: spec.slug, kind: spec.kind, spec, parent: spec.parent }));
  for (const { id, parent } of functions) {
    if (parent !== undefined && !list.some((s) => s.slug === parent && s.parent === undefined)) {
      throw new Error(`${id} is shown inside ${parent}, which is not a top-level function of the registry`);
    }
  }
  const comparison = (c) => ({ id: c.id, kind: c.style === 'picker' ? 'picker' : 'compare', comparison: c });
  return [
    ...comparisons.filter((c) => c.style === 'picker').map(comparison),
    { id: 'intro', kind: 'text' },
    ...functions,
    ...comparisons.filter((c) => c.style !== 'picker').map(comparison),
    { id: 'summary', kind: 'summary' },
  ];
}

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
  if (spec.kind === 'vector') keys.push('ui.outputs', 'ui.outputsName');
  return keys;
}

const valueAt = (data, key) => key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), data);

/**
 * Read and render every section's file in both languages:
 * { html: { en: { id: html } }, meta: { en: { id: frontMatter } } }. A section whose body is
 * empty has no html. Throws listing every missing file and missing or empty key.
 */
export async function readContent(sections, { allowMissing = false } = {}) {
  const html = { en: {}, ko: {} };
  const meta = { en: {}, ko: {} };
  const missingFiles = [];
  const problems = [];
  for (const lang of LANGS) {
    for (const section of sections) {
      const file = path.join(CONTENT_DIR, lang, `${section.id}.md`);
      const source = path.relative(ROOT, file);
      if (!existsSync(file)) {
        missingFiles.push(source);
        continue;
      }
      const { data, body } = parseFrontMatter(await readFile(file, 'utf8'), source);
      for (const key of requiredMeta(section)) {
        const value = valueAt(data, key);
        if (typeof value !== 'string' || value.trim() === '') problems.push(`${source}: front matter needs "${key}"`);
      }
      // What the text claims about its function, in words the core's properties are checked
      // against (tests/js/claims.test.mjs); only read here, strictly.
      if (section.spec) problems.push(...parseClaims(data, section.spec, source).problems);
      else if (data.claims !== undefined || data.claimsAt !== undefined) problems.push(`${source}: claims belong in a function's file`);
      meta[lang][section.id] = data;
      if (body.trim() === '') continue;
      // A nested section's file writes ### for its sub-headings, like every other file.
      const md = createMarkdown({ headingOffset: section.parent ? 1 : 0, source });
      html[lang][section.id] = focusableScrollers(tableHeaders(await md.parse(body)));
    }
  }
  if (problems.length) throw new Error(`content front matter:\n  ${problems.join('\n  ')}`);
  if (missingFiles.length && !allowMissing) {
    throw new Error(`missing explanation files:\n  ${missingFiles.join('\n  ')}\n`
      + '(pass --allow-missing-content to build without them while they are being written)');
  }
  if (missingFiles.length) console.warn(`warning: building without ${missingFiles.length} content file(s)`);
  return { html, meta };
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


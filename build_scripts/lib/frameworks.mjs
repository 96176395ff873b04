// "Same name, different function": the defaults each deep learning framework gives a
// function, read from the explanations' front matter (web/content/README.md, "Frameworks").
// The frameworks section's file lists the frameworks; each function's file lists its
// defaults in them:
//
//   frameworks:                     (web/content/<lang>/framework-defaults.md)
//     - id: pytorch
//       name: PyTorch
//   frameworks:                     (a function's file)
//     - framework: pytorch
//       value: 0.01                 (a number or a fraction; the parameter, when it has several: param: alpha)
//       api: torch.nn.LeakyReLU(negative_slope=0.01)
//     - framework: pytorch          (again: another API of the same framework, another default)
//
// Both languages give the same lists. The result is what the page's scripts use
// (web/src/generated/frameworks.json): { frameworks: [{ id, name }], defaults: [{ slug, param,
// values: { <framework id>: { value, api, more: [{ value, api }] } } }] }; `value` is what
// choosing the framework sets.

const ID = /^[a-z][a-z0-9-]*$/;

function readValue(text) {
  const m = /^(-?\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(String(text).trim().replace(/−/g, '-'));
  return m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
}

/**
 * `sections`: the page's sections (content.mjs); `metaOfLang`: { lang: { id: frontMatter } }.
 * Returns { data, problems } — problems name the file and what is wrong.
 */
export function readFrameworks(sections, metaOfLang) {
  const [lang, ...others] = Object.keys(metaOfLang);
  const meta = metaOfLang[lang];
  const problems = [];
  const source = (id) => `web/content/${lang}/${id}.md`;
  for (const other of others) {
    for (const { id } of sections) {
      const a = JSON.stringify(meta[id]?.frameworks ?? null);
      const b = JSON.stringify(metaOfLang[other][id]?.frameworks ?? null);
      if (a !== b) problems.push(`web/content/${other}/${id}.md: its frameworks differ from the ${lang} file's (both languages give the same)`);
    }
  }
  const home = sections.find((s) => s.kind === 'frameworks');
  const frameworks = [];
  for (const entry of (home && meta[home.id]?.frameworks) ?? []) {
    if (!ID.test(entry?.id ?? '') || typeof entry.name !== 'string' || !entry.name.trim()) {
      problems.push(`${source(home.id)}: each framework needs an id (a-z, 0-9, -) and a name`);
    } else if (frameworks.some((f) => f.id === entry.id)) {
      problems.push(`${source(home.id)}: the framework "${entry.id}" is listed twice`);
    } else {
      frameworks.push({ id: entry.id, name: entry.name.trim() });
    }
  }
  const defaults = [];
  for (const { id, spec } of sections) {
    const entries = meta[id]?.frameworks;
    if (!spec) {
      if (entries !== undefined && id !== home?.id) problems.push(`${source(id)}: frameworks belong in a function's file`);
      continue;
    }
    if (entries === undefined) continue;
    if (!home) {
      problems.push(`${source(id)}: gives frameworks, but the registry has no frameworks section`);
      continue;
    }
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const where = `${source(id)}: frameworks: ${entry?.framework ?? '?'}`;
      const param = entry?.param ?? (spec.params.length === 1 ? spec.params[0].name : undefined);
      const p = spec.params.find((q) => q.name === param);
      const value = readValue(entry?.value);
      if (!frameworks.some((f) => f.id === entry?.framework)) {
        problems.push(`${where}: not one of ${frameworks.map((f) => f.id).join(', ')}`);
      } else if (!p) {
        problems.push(`${where}: name its parameter (param:), one of ${spec.params.map((q) => q.name).join(', ') || 'none'}`);
      } else if (!(value >= p.min && value <= p.max) || (p.minExclusive && value === p.min)) {
        problems.push(`${where}: ${entry.value} is outside ${p.name}'s range ${p.minExclusive ? '(' : '['}${p.min}, ${p.max}]`);
      } else if (typeof entry.api !== 'string' || !entry.api.trim()) {
        problems.push(`${where}: needs api: (where the default is defined, as code)`);
      } else {
        let row = defaults.find((d) => d.slug === id && d.param === p.name);
        if (!row) defaults.push(row = { slug: id, param: p.name, values: {} });
        // A framework's first entry is its default (its layer's); more entries are its other
        // APIs with another default (Keras's function beside its layer).
        const given = { value, api: entry.api.trim() };
        if (row.values[entry.framework]) row.values[entry.framework].more.push(given);
        else row.values[entry.framework] = { ...given, more: [] };
      }
    }
  }
  if (home) {
    for (const slug of home.comparison.members) {
      if (!defaults.some((d) => d.slug === slug)) problems.push(`${source(slug)}: the frameworks section shows ${slug}, whose file gives no frameworks`);
    }
  }
  return { data: { frameworks, defaults }, problems };
}

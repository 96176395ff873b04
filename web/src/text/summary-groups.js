// The summary table's rows, grouped as the page is: the article's functions, then each family
// of the part beyond it (core.groups() order). Shared by the build's static table
// (build_scripts/lib/statics.mjs) and the script's (sections/summary.js).

/**
 * `list`: registry rows (core.list()); `groups`: core.groups(). Returns the groups that have
 * functions, each { id, nameKey, specs } — nameKey is the dictionary key of its heading.
 */
export function summaryGroups(list, groups) {
  const first = groups[0]?.id;
  return groups.map((g) => ({
    id: g.id,
    nameKey: g.id === first ? 'parts.article' : `section.${g.id}`,
    specs: list.filter((spec) => (spec.group ?? first) === g.id),
  })).filter((g) => g.specs.length > 0);
}

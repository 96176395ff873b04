// Which module mounts which kind of section: a lab placeholder's data-kind (written by the
// build from the registry: a function's kind, a comparison's (compare, picker, frameworks) or summary)
// picks its mounter. The first screen's picker is bundled; the others are loaded when a
// section of their kind is mounted (near the viewport), so the first view does not pay for
// the controls of sections far below it.
import { mountPickerSection } from './picker.js';

const MOUNTERS = {
  picker: async () => mountPickerSection,
  scalar: async () => (await import('./scalar.js')).mountScalarSection,
  pieces: async () => (await import('./pieces.js')).mountPiecesSection,
  vector: async () => (await import('./vector.js')).mountVectorSection,
  compare: async () => (await import('./compare.js')).mountCompareSection,
  summary: async () => (await import('./summary.js')).mountSummarySection,
  frameworks: async () => (await import('./frameworks.js')).mountFrameworksSection,
};

/** True when a lab placeholder has a module for its kind. */
export const canMount = (lab) => Object.hasOwn(MOUNTERS, lab.dataset.kind);

/**
 * Mount the lab placeholder `lab` (data-lab = its section id, data-kind = its kind) with
 * headings at `level`. Resolves to { element, createChart() }: the chart is made separately.
 */
export async function mountSection(lab, level, ctx) {
  if (!canMount(lab)) throw new Error(`no section module for kind "${lab.dataset.kind}"`);
  const mount = await MOUNTERS[lab.dataset.kind]();
  return mount(lab, { slug: lab.dataset.lab, level }, ctx);
}

// Which module mounts which kind of section: a lab placeholder's data-kind (written by the
// build from the registry: a function's kind, or compare / summary) picks its mounter.
import { mountScalarSection } from './scalar.js';
import { mountPiecesSection } from './pieces.js';
import { mountVectorSection } from './vector.js';
import { mountCompareSection } from './compare.js';
import { mountSummarySection } from './summary.js';

const MOUNTERS = {
  scalar: mountScalarSection,
  pieces: mountPiecesSection,
  vector: mountVectorSection,
  compare: mountCompareSection,
  summary: mountSummarySection,
};

/** True when a lab placeholder has a module for its kind. */
export const canMount = (lab) => Object.hasOwn(MOUNTERS, lab.dataset.kind);

/**
 * Mount the lab placeholder `lab` (data-lab = its section id, data-kind = its kind) with
 * headings at `level`. Returns { element, createChart() }: the chart is made separately,
 * when the section comes near the viewport.
 */
export function mountSection(lab, level, ctx) {
  if (!canMount(lab)) throw new Error(`no section module for kind "${lab.dataset.kind}"`);
  return MOUNTERS[lab.dataset.kind](lab, { slug: lab.dataset.lab, level }, ctx);
}

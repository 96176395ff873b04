// Runs tests/content/run_samples.py with Debian's Python (the one `npm test`'s set-up gives
// NumPy) and returns its JSON report, or throws with what went wrong.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const RUNNER = fileURLToPath(new URL('./run_samples.py', import.meta.url));
export const PYTHON = '/usr/bin/python3';

/** The report of `run_samples.py ...args`; its exit status is in report.status. */
export function runSamples(args = []) {
  const result = spawnSync(PYTHON, [RUNNER, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`${PYTHON} ${RUNNER}: ${result.error.message}`);
  if (/No module named 'numpy'/.test(result.stderr)) {
    throw new Error(`${PYTHON} has no NumPy: install python3-numpy (npm test's set-up does)`);
  }
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`run_samples.py printed no report (exit ${result.status}):\n${result.stderr}`);
  }
  return { ...report, status: result.status };
}

/** A block's failures as text: file:line, what failed, and the doctest diff or traceback. */
export function describeFailures(file) {
  const lines = [];
  for (const problem of file.problems) lines.push(`${file.file}:${problem.line}: ${problem.message}`);
  for (const block of file.blocks) {
    for (const failure of block.failures) {
      lines.push(`${file.file}:${failure.line}: ${failure.kind}: ${failure.message}`);
      const detail = failure.diff ?? (failure.source ? `>>> ${failure.source}${failure.got ?? ''}` : failure.got);
      if (detail) lines.push(detail.replace(/\n$/, '').replace(/^/gm, '    '));
    }
  }
  return lines.join('\n');
}

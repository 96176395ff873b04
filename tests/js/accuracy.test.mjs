// Accuracy of the WebAssembly core, through the JS wrapper, against the independent
// mpmath oracle (tests/oracle/generate_reference.py), measured in ULP.
//
// Run: ACTIVATION_REFERENCE=path/to/reference.txt node --test tests/js/accuracy.test.mjs
// Without ACTIVATION_REFERENCE the file is build/reference/activation_reference.txt
// under the repo root; if it is missing the tests FAIL (they never skip).
//
// Every function in core.list() is checked at its default parameters with the tolerance
// its registry row states (entry.accuracy.f / .df in ULP; 0 = correctly rounded); a vector
// function's outputs within its f tolerance on every element of every reference vector.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCore } from '../../web/src/core/core.js';
import { ulpDistance } from './ulp.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const referencePath = process.env.ACTIVATION_REFERENCE
  ? resolve(process.env.ACTIVATION_REFERENCE)
  : resolve(repoRoot, 'build/reference/activation_reference.txt');

const GRID_POINTS = 10001;
const MAX_REPORTED = 20;

function loadReference(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      error:
        `cannot read the oracle reference ${path} (${error.code ?? error.message}). Generate it with\n` +
        `  /usr/bin/python3 tests/oracle/generate_reference.py build/reference/registry.json ${path}\n` +
        'or point ACTIVATION_REFERENCE at an existing file.',
    };
  }
  const scalars = new Map();
  const vectors = new Map();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const [kind, ...fields] = line.split(/\s+/);
    const where = `${path}:${i + 1}`;
    if (kind === 'scalar') {
      const [slug, ...numbers] = fields;
      const [x, f, df] = numbers.map(Number);
      if (numbers.length !== 3 || [x, f, df].some(Number.isNaN)) {
        return { error: `${where}: malformed scalar record: ${line}` };
      }
      if (!scalars.has(slug)) scalars.set(slug, { x: [], f: [], df: [] });
      const r = scalars.get(slug);
      r.x.push(x);
      r.f.push(f);
      r.df.push(df);
    } else if (kind === 'vector') {
      const [slug, ...rest] = fields;
      const numbers = rest.map(Number);
      const [param, n] = numbers;
      if (!(n >= 1) || numbers.length !== 2 + 2 * n || numbers.some(Number.isNaN)) {
        return { error: `${where}: malformed vector record` };
      }
      if (!vectors.has(slug)) vectors.set(slug, []);
      vectors.get(slug).push({
        line: i + 1,
        param,
        z: Float64Array.from(numbers.slice(2, 2 + n)),
        s: numbers.slice(2 + n),
      });
    } else {
      return { error: `${where}: unknown record kind '${kind}'` };
    }
  }
  if (scalars.size === 0) return { error: `${path}: no scalar records; regenerate it` };
  return { scalars, vectors };
}

const reference = loadReference(referencePath);
const core = await loadCore();
const functions = core.list();

function requireReference() {
  if (reference.error) assert.fail(reference.error);
  return reference;
}

const fmt = (v) => (Object.is(v, -0) ? '-0' : String(v));  // shortest round-trip form

// Issue 12's alternative to the ULP tolerance, for rows whose accuracy has nearZeroAndTails
// (as in tests/cpp/accuracy_test.cpp): where the true |value| < 0.05, within
// 1e-15 * max(1, |x|) absolutely; beyond |x| = 30, within 1e-10 relatively.
function withinAlternative(x, got, expected) {
  const error = Math.abs(got - expected);
  if (Number.isNaN(error)) return false;
  if (Math.abs(expected) < 0.05 && error <= 1e-15 * Math.max(1, Math.abs(x))) return true;
  return Math.abs(x) > 30 && error <= 1e-10 * Math.abs(expected);
}

// Measures every element and logs the worst case (quotable even on success).
// Returns the worst case and a failure message (empty when all are within tolerance)
// listing up to MAX_REPORTED individual points. With `alternative`, a point beyond the
// tolerance passes if withinAlternative() says so (and is counted in the log).
function measureUlp(label, xs, got, expected, tolerance, alternative = false) {
  if (got?.length !== expected.length) {
    return { worst: { ulp: Infinity }, message: `${label}: got ${got?.length} values for ${expected.length} points` };
  }
  let worst = { ulp: -1 };
  let byAlternative = 0;
  const failures = [];
  for (let i = 0; i < expected.length; i++) {
    const ulp = ulpDistance(got[i], expected[i]);
    if (ulp > worst.ulp) worst = { ulp, x: xs[i], got: got[i], expected: expected[i] };
    if (ulp > tolerance && alternative && withinAlternative(xs[i], got[i], expected[i])) {
      byAlternative++;
      continue;
    }
    if (ulp > tolerance) {
      failures.push(
        `${label} at x=${fmt(xs[i])}: got ${fmt(got[i])}, expected ${fmt(expected[i])} ` +
          `(${ulp === Infinity ? 'NaN' : ulp} ULP, tolerance ${tolerance})`,
      );
    }
  }
  console.log(
    `[accuracy] ${label}: worst ${worst.ulp === Infinity ? 'NaN' : worst.ulp} ULP (tolerance ${tolerance}) ` +
      `at x=${fmt(worst.x)}, got ${fmt(worst.got)}, expected ${fmt(worst.expected)}, ${expected.length} points` +
      (alternative ? `; ${byAlternative} beyond it pass issue 12's near-zero/tail rule` : ''),
  );
  let message = '';
  if (failures.length > 0) {
    const shown = failures.slice(0, MAX_REPORTED);
    if (failures.length > MAX_REPORTED) {
      shown.push(`... ${failures.length - MAX_REPORTED} more (${failures.length} of ${expected.length} points)`);
    }
    message = `${label}: ${failures.length} point(s) beyond ${tolerance} ULP\n${shown.join('\n')}`;
  }
  return { worst, message };
}

function checkUlp(label, xs, got, expected, tolerance, alternative = false) {
  const { message } = measureUlp(label, xs, got, expected, tolerance, alternative);
  if (message) assert.fail(message);
}

test('the oracle has records for every function in the registry', () => {
  const ref = requireReference();
  for (const { slug, kind } of functions) {
    const records = kind === 'vector' ? ref.vectors : ref.scalars;
    assert.ok(records.has(slug), `no '${slug}' records in ${referencePath}: add its definition to tests/oracle/definitions.py`);
  }
});

test('ulpDistance counts representable steps', () => {
  assert.equal(ulpDistance(1, 1), 0);
  assert.equal(ulpDistance(0, -0), 0);
  assert.equal(ulpDistance(1, 1 + Number.EPSILON), 1);
  assert.equal(ulpDistance(1, 1 - Number.EPSILON / 2), 1);
  assert.equal(ulpDistance(5e-324, -5e-324), 2);
  assert.equal(ulpDistance(Number.MAX_VALUE, Infinity), 1);
  assert.equal(ulpDistance(NaN, NaN), Infinity);
  assert.equal(ulpDistance(NaN, 1), Infinity);
});

const exactness = (tol) => (tol === 0 ? 'correctly rounded (0 ULP)' : `within ${tol} ULP`);

for (const { slug, kind, accuracy } of functions.filter((f) => f.kind !== 'vector')) {
  for (const [which, tolerance, label] of [['f', accuracy.f, 'f'], ['df', accuracy.df, "f'"]]) {
    test(`${slug} ${label} ${exactness(tolerance)} of mpmath at 10,001 points and edges (${kind})`, () => {
      const r = requireReference().scalars.get(slug);
      assert.ok(r, `no '${slug}' records in ${referencePath}`);
      assert.ok(r.x.length >= GRID_POINTS, `${slug}: only ${r.x.length} reference points`);
      const xs = Float64Array.from(r.x);
      const got = which === 'f' ? core.evaluate(slug, xs) : core.derivative(slug, xs);
      checkUlp(`${slug} ${label}`, r.x, got, r[which], tolerance, accuracy.nearZeroAndTails === true);
    });
  }
}

for (const { slug, params, accuracy } of functions.filter((f) => f.kind === 'vector')) {
  test(`${slug} within ${accuracy.f} ULP of mpmath on every element of every reference vector`, () => {
    const records = requireReference().vectors.get(slug);
    assert.ok(records, `no '${slug}' records in ${referencePath}`);
    const failures = [];
    let overall = { ulp: -1 };
    for (const r of records) {
      const label = `${slug} (line ${r.line}, n=${r.z.length}, ${params[0].name}=${r.param})`;
      const got = core.evaluate(slug, r.z, { [params[0].name]: r.param });
      // "x" in the report is the input z_i of the element.
      const { worst, message } = measureUlp(label, r.z, got, r.s, accuracy.f);
      if (worst.ulp > overall.ulp) overall = { ...worst, label };
      if (message) failures.push(message);
    }
    console.log(`[accuracy] ${slug} overall: worst ${overall.ulp} ULP, ${overall.label} at z=${fmt(overall.x)}`);
    if (failures.length > 0) assert.fail(failures.join('\n'));
  });
}

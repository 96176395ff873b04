// Identities an explanation states ("tanh is a stretched sigmoid"), written in its front matter
// in the number templates' language (number-expr.mjs) with variables, and checked by the core
// at every combination of the variables' values when the content is built:
//
//   identities:
//     - f(tanh, x) = 2*f(sigmoid, 2*x) - 1
//     - df(softplus, x, beta=b) = f(sigmoid, b*x) for x in -8..8, b in 0.5 2 5
//
// "a..b" is 33 evenly spaced values from a to b; "v w …" the values listed. Without "for",
// x runs over -8..8. Both sides may be vectors (compared element by element).
import { evaluate, parseExpression } from './number-expr.mjs';

const DEFAULT_FOR = 'x in -8..8';
const RANGE_POINTS = 33;
// Two sides computed by different formulas agree to rounding: a few ulps of the larger side,
// and an absolute floor for values that cancel to nearly 0 (2σ(2x) − 1 near x = 0).
const RELATIVE = 1e-12;
const ABSOLUTE = 1e-15;

const NUMBER = /^[+-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const toNumber = (text) => Number(text.replace('−', '-'));

/** One variable's values from "a..b" or "v w …". */
function valuesOf(spec, where) {
  const range = /^(\S+)\s*\.\.\s*(\S+)$/.exec(spec);
  if (range && NUMBER.test(range[1]) && NUMBER.test(range[2])) {
    const [a, b] = [toNumber(range[1]), toNumber(range[2])];
    if (!(a < b)) throw new Error(`${where}: the range ${spec} must go up`);
    return Array.from({ length: RANGE_POINTS }, (_, i) => (i === RANGE_POINTS - 1 ? b : a + ((b - a) * i) / (RANGE_POINTS - 1)));
  }
  const list = spec.split(/\s+/);
  if (!list.every((v) => NUMBER.test(v))) throw new Error(`${where}: "${spec}" is neither a..b nor a list of numbers`);
  return list.map(toNumber);
}

/** { lhs, rhs, variables: [{ name, values }] } from "LHS = RHS [for v in …, w in …]". */
export function parseIdentity(text, { slugs } = {}) {
  const [equation, ...rest] = String(text).split(/\s+for\s+/);
  if (rest.length > 1) throw new Error(`"${text}": one "for" at most`);
  const sides = equation.split(/\s=\s/);
  if (sides.length !== 2) throw new Error(`"${text}": write LHS = RHS, with spaces around the one "="`);
  const variables = (rest[0] ?? DEFAULT_FOR).split(',').map((part) => {
    const m = /^\s*([A-Za-z_]\w*)\s+in\s+(.+?)\s*$/.exec(part);
    if (!m) throw new Error(`"${text}": "${part.trim()}" should read "name in a..b" or "name in v w …"`);
    return { name: m[1], values: valuesOf(m[2], `"${text}"`) };
  });
  return { lhs: parseExpression(sides[0], { slugs }), rhs: parseExpression(sides[1], { slugs }), variables, text };
}

/** Every assignment of the variables' values (their product). */
function* assignments(variables, chosen = {}) {
  if (chosen.__index === variables.length) {
    const { __index, ...values } = chosen;
    yield values;
    return;
  }
  const k = chosen.__index ?? 0;
  for (const value of variables[k].values) yield* assignments(variables, { ...chosen, [variables[k].name]: value, __index: k + 1 });
}

const close = (a, b) => Math.abs(a - b) <= Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(a), Math.abs(b)));
const same = (a, b) => (Array.isArray(a) || Array.isArray(b)
  ? Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => close(v, b[i]))
  : close(a, b));
const show = (v) => (Array.isArray(v) ? `[${v.map((x) => x.toPrecision(17)).join(', ')}]` : v.toPrecision(17));

/**
 * Where an identity fails: [] when it holds at every point, else up to three messages such as
 * "at x = 2: 0.96402758007581690 ≠ 0.96402758007581701". A parse or core error is one message.
 */
export function identityFailures(text, context) {
  let identity;
  try {
    identity = parseIdentity(text, { slugs: context.slugs });
  } catch (error) {
    return [error.message];
  }
  const failures = [];
  for (const values of assignments(identity.variables)) {
    const at = Object.entries(values).map(([k, v]) => `${k} = ${v}`).join(', ');
    try {
      const scope = { ...context, variables: values };
      const [l, r] = [evaluate(identity.lhs, scope), evaluate(identity.rhs, scope)];
      if (!same(l, r)) failures.push(`"${text}" fails at ${at}: ${show(l)} ≠ ${show(r)}`);
    } catch (error) {
      failures.push(`"${text}" at ${at}: ${error.message}`);
      break; // a wrong name or argument fails everywhere alike
    }
    if (failures.length === 3) break;
  }
  return failures;
}

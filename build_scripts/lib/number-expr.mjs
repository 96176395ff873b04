// The expressions inside the content files' number templates ({{ … }}, see numbers.mjs):
// a tiny language, parsed by hand (never eval) and evaluated by the real core, so a number
// the explanation states is the number the page computes.
//
//   expr     numbers, + - * / ^ (right-associative, binds tighter than unary minus), ( )
//   f(slug, x, name=value, …)      the core's f at x, other parameters at their defaults
//   df(…), dp(…)                   f′ and ∂f/∂(the learnable parameter), same arguments
//   prop(slug, a.b, name=value…)   a number from core.properties (a dotted path)
//   <vector slug>([z1, z2, …], name=value…)   the outputs, a vector
//   <pieces slug>(x, [w:b, w:b, …])           the value at x for those pieces
//   ln exp sqrt abs (x), MAX_DOUBLE, MIN_NORMAL, EPS
//   item(vector, i)                the i-th element (from 1) of a vector
//   variables (x, b, …)            in an identity (identities.mjs), given by the context
//
// Slugs and parameter names come from the registry, and the core checks them and their
// ranges: nothing here names a function.

const MATH = { ln: Math.log, exp: Math.exp, sqrt: Math.sqrt, abs: Math.abs };
const CONSTANTS = { MAX_DOUBLE: Number.MAX_VALUE, MIN_NORMAL: 2 ** -1022, EPS: 2 ** -52 };
const CORE_CALLS = { f: 'evaluate', df: 'derivative', dp: 'parameterDerivative' };
const PROP = 'prop';
const ITEM = 'item';
export const BUILTINS = [...Object.keys(CORE_CALLS), PROP, ITEM, ...Object.keys(MATH), ...Object.keys(CONSTANTS)];

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
// A name may carry hyphens (a slug such as a-b-c) and dots (a property path).
const HYPHENATED = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/y;
const PLAIN = /[A-Za-z_][A-Za-z0-9_]*/y;
const PATH_TAIL = /(?:\.[A-Za-z0-9_]+)*/y;
const PUNCTUATION = '()[],=:+-*/^';

const sticky = (re, text, at) => {
  re.lastIndex = at;
  return re.exec(text)?.[0];
};

/**
 * Tokens of `text`: { type: 'num' | 'name' | 'punct' | 'end', text, value?, at }. A hyphenated
 * name is one token only when it is one of `slugs`; otherwise `a-b` is a minus b.
 */
export function tokenize(text, slugs = new Set()) {
  const tokens = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at];
    if (/\s/.test(c)) {
      at += 1;
      continue;
    }
    let m;
    if ((m = sticky(NUMBER, text, at))) {
      tokens.push({ type: 'num', text: m, value: Number(m), at });
    } else if (sticky(PLAIN, text, at)) {
      const hyphenated = sticky(HYPHENATED, text, at);
      m = slugs.has(hyphenated) ? hyphenated : sticky(PLAIN, text, at);
      m += sticky(PATH_TAIL, text, at + m.length) ?? '';
      tokens.push({ type: 'name', text: m, at });
    } else if (PUNCTUATION.includes(c)) {
      m = c;
      tokens.push({ type: 'punct', text: c, at });
    } else {
      throw new Error(`unexpected character "${c}" at "${text.slice(at)}"`);
    }
    at += m.length;
  }
  tokens.push({ type: 'end', text: '', at });
  return tokens;
}

/**
 * The syntax tree of an expression:
 *   { type: 'num', value } | { type: 'name', name } | { type: 'neg', arg }
 *   { type: 'bin', op, left, right } | { type: 'list', items: (node | { w, b })[] }
 *   { type: 'call', name, args: { name?: string, value: node }[] }
 */
export function parseExpression(text, { slugs = new Set() } = {}) {
  const tokens = tokenize(text, slugs);
  let i = 0;
  const peek = () => tokens[i];
  const near = () => (peek().type === 'end' ? 'at the end' : `at "${text.slice(peek().at)}"`);
  const fail = (what) => { throw new Error(`expected ${what} ${near()}`); };
  const is = (punct) => peek().type === 'punct' && peek().text === punct;
  const take = (punct) => {
    if (!is(punct)) fail(`"${punct}"`);
    i += 1;
  };

  const additive = () => {
    let left = term();
    while (is('+') || is('-')) {
      const op = tokens[i++].text;
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = () => {
    let left = unary();
    while (is('*') || is('/')) {
      const op = tokens[i++].text;
      left = { type: 'bin', op, left, right: unary() };
    }
    return left;
  };
  // -2^2 is −(2²), as in mathematics; 2^-1 and 2^3^2 = 2^(3^2) too.
  const unary = () => {
    if (is('-')) {
      i += 1;
      return { type: 'neg', arg: unary() };
    }
    if (is('+')) {
      i += 1;
      return unary();
    }
    const base = primary();
    if (!is('^')) return base;
    i += 1;
    return { type: 'bin', op: '^', left: base, right: unary() };
  };
  const primary = () => {
    const token = peek();
    if (token.type === 'num') {
      i += 1;
      return { type: 'num', value: token.value };
    }
    if (token.type === 'name') {
      i += 1;
      if (!is('(')) return { type: 'name', name: token.text };
      i += 1;
      return { type: 'call', name: token.text, args: items(argument, ')') };
    }
    if (is('(')) {
      i += 1;
      const inner = additive();
      take(')');
      return inner;
    }
    if (is('[')) return list();
    return fail('a number, a name, "(" or "["');
  };
  // Items separated by commas up to `close`, which is consumed.
  const items = (item, close) => {
    const found = [];
    if (!is(close)) {
      found.push(item());
      while (is(',')) {
        i += 1;
        found.push(item());
      }
    }
    take(close);
    return found;
  };
  const argument = () => {
    if (peek().type === 'name' && tokens[i + 1].type === 'punct' && tokens[i + 1].text === '=') {
      const name = tokens[i].text;
      i += 2;
      return { name, value: additive() };
    }
    return { value: additive() };
  };
  // [1, 2, 3] (a vector) or [w:b, w:b] (pieces), never a mixture.
  const list = () => {
    take('[');
    const elements = items(() => {
      const w = additive();
      if (!is(':')) return w;
      i += 1;
      return { w, b: additive() };
    }, ']');
    const pairs = elements.filter((e) => e.type === undefined).length;
    if (pairs !== 0 && pairs !== elements.length) throw new Error('a list holds numbers or w:b pieces, not both');
    if (elements.length === 0) throw new Error('an empty list');
    return { type: 'list', items: elements };
  };

  const tree = additive();
  if (peek().type !== 'end') fail('an operator or the end');
  return tree;
}

/**
 * What evaluate needs from the core: its registry rows by slug. A slug that is called by
 * name (vector and pieces rows) must not be one of the language's own names.
 */
export function numberContext(core) {
  const rows = new Map(core.list().map((row) => [row.slug, row]));
  for (const row of rows.values()) {
    if (row.kind !== 'scalar' && BUILTINS.includes(row.slug)) {
      throw new Error(`the template language's ${row.slug} hides the core's function ${row.slug}`);
    }
  }
  return { core, rows, slugs: new Set(rows.keys()) };
}

const isVector = (value) => Array.isArray(value);

/** The value of a syntax tree: a number or, for a vector function, an array of numbers. */
export function evaluate(node, context) {
  const scalar = (n, what) => {
    const value = evaluate(n, context);
    if (isVector(value)) throw new Error(`${what} must be a number, not a vector`);
    return value;
  };
  switch (node.type) {
    case 'num':
      return node.value;
    case 'neg':
      return -scalar(node.arg, 'the operand of "-"');
    case 'bin': {
      const a = scalar(node.left, `the left side of "${node.op}"`);
      const b = scalar(node.right, `the right side of "${node.op}"`);
      return { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '^': a ** b }[node.op];
    }
    case 'name':
      if (context.variables && Object.hasOwn(context.variables, node.name)) return context.variables[node.name];
      if (Object.hasOwn(CONSTANTS, node.name)) return CONSTANTS[node.name];
      if (context.rows.has(node.name)) throw new Error(`${node.name} is a function: call it (see f, df, dp, prop)`);
      throw new Error(`unknown name "${node.name}"; constants: ${Object.keys(CONSTANTS).join(', ')}`);
    case 'list':
      if (node.items[0].type === undefined) throw new Error('w:b pieces only go to a function of pieces');
      return node.items.map((item) => scalar(item, 'a vector element'));
    case 'call':
      return call(node, context, scalar);
    default:
      throw new Error(`unknown node ${node.type}`);
  }
}

function call({ name, args }, context, scalar) {
  const positional = args.filter((a) => a.name === undefined).map((a) => a.value);
  const named = args.filter((a) => a.name !== undefined);
  if (args.some((a, k) => a.name === undefined && k > 0 && args[k - 1].name !== undefined)) {
    throw new Error(`${name}(…): name=value arguments come last`);
  }
  const arity = (count, form) => {
    if (positional.length !== count) throw new Error(`${name} takes ${form}`);
  };
  const params = (row) => paramsOf(row, named, context, scalar);

  if (name === ITEM) {
    arity(2, 'a vector and a position from 1: item([…], i)');
    const vector = evaluate(positional[0], context);
    const i = scalar(positional[1], 'the position');
    if (!isVector(vector)) throw new Error('item takes a vector first');
    if (!Number.isInteger(i) || i < 1 || i > vector.length) throw new Error(`item: position ${i} is not in 1…${vector.length}`);
    return vector[i - 1];
  }
  if (Object.hasOwn(MATH, name)) {
    arity(1, `one number: ${name}(x)`);
    if (named.length) throw new Error(`${name} takes no name=value arguments`);
    return MATH[name](scalar(positional[0], `the argument of ${name}`));
  }
  if (Object.hasOwn(CORE_CALLS, name) || name === PROP) {
    const form = name === PROP ? `${name}(slug, path, name=value…)` : `${name}(slug, x, name=value…)`;
    arity(2, form);
    const row = rowOf(positional[0], context, form);
    if (name === PROP) {
      if (positional[1].type !== 'name') throw new Error(`${name}'s second argument is a path such as range.min`);
      return propertyAt(row.slug, positional[1].name, core(context, () => context.core.properties(row.slug, params(row))));
    }
    if (row.kind === 'vector') throw new Error(`${row.slug} takes a vector: write ${row.slug}([z1, z2, …])`);
    const x = scalar(positional[1], 'x');
    return core(context, () => context.core[CORE_CALLS[name]](row.slug, [x], params(row)))[0];
  }
  const row = context.rows.get(name);
  if (row?.kind === 'vector') {
    arity(1, `a vector: ${name}([z1, z2, …], name=value…)`);
    const z = evaluate(positional[0], context);
    if (!isVector(z)) throw new Error(`${name} takes a vector such as [2, 1, 0.1]`);
    return Array.from(core(context, () => context.core.evaluate(row.slug, z, params(row))));
  }
  if (row?.pieces) {
    if (positional.length !== 1 && positional.length !== 2) throw new Error(`${name} takes (x, [w:b, w:b, …])`);
    const x = scalar(positional[0], 'x');
    const p = params(row);
    if (positional[1]) p.pieces = piecesOf(positional[1], context, scalar, name);
    return core(context, () => context.core.evaluate(row.slug, [x], p))[0];
  }
  if (row) throw new Error(`${name} maps one number: write f(${name}, x)`);
  throw new Error(`unknown function "${name}"; functions: ${[...Object.keys(CORE_CALLS), PROP, ITEM, ...Object.keys(MATH)].join(', ')}`
    + `${[...context.rows.values()].some((r) => r.kind !== 'scalar') ? ', and the vector and pieces functions by slug' : ''}`);
}

// The core's own checks (names, ranges, lengths) become errors about the template.
function core(context, fn) {
  try {
    return fn();
  } catch (error) {
    throw new Error(`the core says: ${error.message}`);
  }
}

function rowOf(node, context, form) {
  const name = slugText(node);
  if (name === undefined) throw new Error(`${form}: the first argument is a slug`);
  const row = context.rows.get(name);
  if (!row) throw new Error(`unknown function "${name}"; the registry has ${[...context.rows.keys()].join(', ')}`);
  return row;
}

// The text of a name, or of names joined by "-" (an unknown slug a-b reads as a minus b).
function slugText(node) {
  if (node.type === 'name') return node.name;
  if (node.type !== 'bin' || node.op !== '-') return undefined;
  const [left, right] = [slugText(node.left), slugText(node.right)];
  return left === undefined || right === undefined ? undefined : `${left}-${right}`;
}

// name=value arguments as the core's params object; a pieces list for the pieces kind.
function paramsOf(row, named, context, scalar) {
  const params = {};
  for (const { name, value } of named) {
    if (Object.hasOwn(params, name)) throw new Error(`${name} is given twice`);
    params[name] = row.pieces && value.type === 'list' ? piecesOf(value, context, scalar, row.slug)
      : scalar(value, `${row.slug}'s ${name}`);
  }
  return params;
}

function piecesOf(node, context, scalar, name) {
  if (node.type !== 'list' || node.items[0].type !== undefined) throw new Error(`${name}'s pieces are a list [w:b, w:b, …]`);
  return node.items.map(({ w, b }) => ({ w: scalar(w, 'w'), b: scalar(b, 'b') }));
}

function propertyAt(slug, path, properties) {
  const value = path.split('.').reduce((node, key) => (node != null && Object.hasOwn(Object(node), key) ? node[key] : undefined), properties);
  if (typeof value !== 'number') {
    throw new Error(`${slug}'s property ${path} is ${value === undefined ? 'not there' : JSON.stringify(value)}, not a number`
      + `; its properties: ${Object.keys(properties).join(', ')}`);
  }
  return value;
}

// What an explanation asserts about its function, written in its front matter in words that
// are the same in every language, and the same facts read off the core's properties, so a
// test can hold the text to the numbers (tests/js/claims.test.mjs; the vocabulary is in
// web/content/README.md, "Claims"):
//
//   claims:                       at the default parameters: every key below
//     range: (0, 1)
//     peak: 1/4 at 0
//   claimsAt:                     what the text says at other settings: any keys
//     - at: alpha = 2
//       smoothness: C0
//
// The build parses them strictly (an unknown key or value is an error naming the file and
// key); it does not compare them with the core, the test does.

export const CLAIM_KEYS = ['range', 'bounded', 'zeroCentred', 'monotonic', 'smoothness', 'saturates', 'peak', 'usesExp'];

// Authors may type ASCII: - for −, inf for ∞, -> for →. Values are read in ASCII.
const ascii = (text) => text.replace(/−/g, '-').replace(/∞/g, 'inf').replace(/→/g, '->').replace(/\s+/g, ' ').trim();

const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?|inf)`;
const whole = (pattern) => new RegExp(`^${pattern}$`);

function readNumber(text) {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^-/, '');
  if (body === 'inf') return sign * Infinity;
  const [top, bottom = '1'] = body.split('/');
  return sign * (Number(top) / Number(bottom));
}

// The core reports a slope held for x > 0 from the smallest double above 0 (as the page's
// formatter does, that is 0).
const TINY = 1e-300;
const settle = (x) => (x !== 0 && Math.abs(x) < TINY ? 0 : x);
const sameNumber = (a, b) => a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
const showNumber = (x) => (x === Infinity ? '∞' : x === -Infinity ? '−∞' : String(x).replace('-', '−'));
const missing = (x) => x == null || Number.isNaN(x);

/** A claim kind: its words (or how to read it), how the core's properties say it, sameness, spelling. */
const words = (allowed, fromProperties) => ({
  read: (text) => (allowed.includes(text) ? text : undefined),
  fromProperties,
  same: (a, b) => a === b,
  show: (v) => v,
  vocabulary: allowed.join(' | '),
});

const continuityWord = (order) => {
  if (order < 0) return 'discontinuous';
  return order === Infinity ? 'C∞' : `C${order}`;
};

const KINDS = {
  range: {
    read(text) {
      const interval = whole(String.raw`([\[(]) ?(${NUMBER}) ?, ?(${NUMBER}) ?([\])])`).exec(text);
      if (interval) {
        const [, open, lo, hi, close] = interval;
        const value = { lo: readNumber(lo), hi: readNumber(hi), loClosed: open === '[', hiClosed: close === ']' };
        return value.lo < value.hi ? value : undefined;
      }
      const set = whole(String.raw`\{ ?(${NUMBER}(?: ?, ?${NUMBER})*) ?\}`).exec(text);
      return set ? { values: set[1].split(',').map((n) => readNumber(n.trim())) } : undefined;
    },
    fromProperties: ({ range: r }) => (r.values?.length
      ? { values: r.values }
      : { lo: r.min, hi: r.max, loClosed: r.minInclusive, hiClosed: r.maxInclusive }),
    same(a, b) {
      if (a.values || b.values) return Boolean(a.values && b.values) && a.values.length === b.values.length
        && a.values.every((v, i) => sameNumber(v, b.values[i]));
      return sameNumber(a.lo, b.lo) && sameNumber(a.hi, b.hi) && a.loClosed === b.loClosed && a.hiClosed === b.hiClosed;
    },
    show: (v) => (v.values
      ? `{${v.values.map(showNumber).join(', ')}}`
      : `${v.loClosed ? '[' : '('}${showNumber(v.lo)}, ${showNumber(v.hi)}${v.hiClosed ? ']' : ')'}`),
    vocabulary: 'an interval like (0, 1), [0, ∞), (−1, ∞), or a set like {0, 1}',
  },
  bounded: words(['none', 'below', 'above', 'both'], ({ range: r }) => {
    const below = Number.isFinite(r.min);
    const above = Number.isFinite(r.max);
    return below && above ? 'both' : below ? 'below' : above ? 'above' : 'none';
  }),
  zeroCentred: words(['none', 'partial', 'symmetric'], (p) => p.zeroCentred),
  monotonic: words(['yes', 'no', 'own'], (p) => ({ nonDecreasing: 'yes', none: 'no', own: 'own' })[p.monotonic]),
  smoothness: {
    ...words([], (p) => continuityWord(p.continuity)),
    read: (text) => (text === 'discontinuous' ? text : /^C(\d+|inf)$/.test(text) ? text.replace('inf', '∞') : undefined),
    vocabulary: 'discontinuous | C0 | C1 | C∞',
  },
  saturates: words(['none', 'left', 'right', 'both'], (p) => p.saturates),
  peak: {
    read: readPeak,
    fromProperties({ maxAbsDerivative: m }) {
      if (missing(m.from) || missing(m.to)) return { value: m.value, where: 'unplaced' };
      if (!m.attained) return { value: m.value, where: 'approached', to: m.to };
      const [from, to] = [settle(m.from), settle(m.to)];
      return from === to ? { value: m.value, where: 'at', x: from } : { value: m.value, where: 'on', from, to };
    },
    same: (a, b) => a.where === b.where && ['value', 'x', 'from', 'to'].every((k) => a[k] === undefined || sameNumber(a[k], b[k])),
    show: showPeak,
    vocabulary: '"1/4 at 0", "1 for x > 0", "1 for x < 0", "1 for −2 < x < 2", "1 everywhere", '
      + '"1 approached as x → ∞", or the value alone for a function without an x (the vector kind)',
  },
  usesExp: words(['yes', 'no'], (p) => (p.usesExp ? 'yes' : 'no')),
};

// The largest |f′| and where: at a point, on an interval, everywhere, only approached, or
// (a vector function, whose core gives no place) the value alone.
function readPeak(text) {
  const patterns = [
    [String.raw`(${NUMBER})`, ([v]) => ({ where: 'unplaced', value: v })],
    [String.raw`(${NUMBER}) at (${NUMBER})`, ([v, x]) => ({ where: 'at', value: v, x })],
    [String.raw`(${NUMBER}) everywhere`, ([v]) => ({ where: 'on', value: v, from: -Infinity, to: Infinity })],
    [String.raw`(${NUMBER}) for x > (${NUMBER})`, ([v, from]) => ({ where: 'on', value: v, from, to: Infinity })],
    [String.raw`(${NUMBER}) for x < (${NUMBER})`, ([v, to]) => ({ where: 'on', value: v, from: -Infinity, to })],
    [String.raw`(${NUMBER}) for (${NUMBER}) < x < (${NUMBER})`, ([v, from, to]) => ({ where: 'on', value: v, from, to })],
    [String.raw`(${NUMBER}) approached as x -> (-?inf)`, ([v, to]) => ({ where: 'approached', value: v, to })],
  ];
  for (const [pattern, make] of patterns) {
    const m = whole(pattern).exec(text);
    if (!m) continue;
    const peak = make(m.slice(1).map(readNumber));
    if (peak.where === 'on' && !(peak.from < peak.to)) return undefined;
    return peak;
  }
  return undefined;
}

function showPeak(p) {
  const v = showNumber(p.value);
  if (p.where === 'unplaced') return v;
  if (p.where === 'at') return `${v} at ${showNumber(p.x)}`;
  if (p.where === 'approached') return `${v} approached as x → ${showNumber(p.to)}`;
  if (p.from === -Infinity && p.to === Infinity) return `${v} everywhere`;
  if (p.to === Infinity) return `${v} for x > ${showNumber(p.from)}`;
  if (p.from === -Infinity) return `${v} for x < ${showNumber(p.to)}`;
  return `${v} for ${showNumber(p.from)} < x < ${showNumber(p.to)}`;
}

/** How a claim of this key is written, for messages and the README. */
export const vocabularyOf = (key) => KINDS[key].vocabulary;
/** A parsed claim spelled as an author would write it (Unicode signs). */
export const showClaim = (key, value) => KINDS[key].show(value);
export const sameClaim = (key, a, b) => KINDS[key].same(a, b);
/** Every claim key as the core's properties (core.properties(...)) say it. */
export const claimsOfProperties = (properties) => Object.fromEntries(CLAIM_KEYS.map((key) => [key, KINDS[key].fromProperties(properties)]));

/**
 * The claims of one content file's front matter: { parsed, problems }. parsed is { claims,
 * at: [{ label, setting, claims }] }, or null when the file states none; `spec` is the
 * function's core.list() entry (its parameters and pieces limits check the settings). Each
 * problem names the file and the key.
 */
export function parseClaims(data, spec, source) {
  if (data.claims === undefined && data.claimsAt === undefined) return { parsed: null, problems: [] };
  const problems = [];
  const claims = readClaimMap(data.claims, 'claims', { complete: true }, problems);
  const at = [];
  if (data.claimsAt !== undefined && !Array.isArray(data.claimsAt)) {
    problems.push('claimsAt: a list of items "- at: <setting>", with claims under each');
  } else {
    (data.claimsAt ?? []).forEach((item, i) => {
      const { at: settingText, ...rest } = item;
      const label = typeof settingText === 'string' ? `claimsAt[${ascii(settingText)}]` : `claimsAt[${i + 1}]`;
      const setting = readSetting(settingText, spec, `${label}.at`, problems);
      at.push({ label, setting, claims: readClaimMap(rest, label, { complete: false }, problems) });
    });
  }
  return { parsed: { claims, at }, problems: problems.map((p) => `${source}: ${p}`) };
}

function readClaimMap(map, name, { complete }, problems) {
  const out = {};
  if (map === undefined || typeof map !== 'object' || Array.isArray(map)) {
    problems.push(`${name}: a map of ${CLAIM_KEYS.join(', ')}`);
    return out;
  }
  for (const [key, text] of Object.entries(map)) {
    if (!Object.hasOwn(KINDS, key)) {
      problems.push(`${name}.${key}: unknown claim (known: ${CLAIM_KEYS.join(', ')})`);
      continue;
    }
    const value = typeof text === 'string' ? KINDS[key].read(ascii(text)) : undefined;
    if (value === undefined) problems.push(`${name}.${key}: "${typeof text === 'string' ? text : '(a map)'}" is not ${KINDS[key].vocabulary}`);
    else out[key] = value;
  }
  const absent = CLAIM_KEYS.filter((key) => !Object.hasOwn(map, key));
  if (complete && absent.length) problems.push(`${name}: missing ${absent.join(', ')} (at the defaults every claim is stated)`);
  if (!complete && Object.keys(map).length === 0) problems.push(`${name}: no claims under this setting`);
  return out;
}

/**
 * "alpha = 2", "alpha = 2; beta = 1" or "pieces = -1:0, 1:0" (the pieces kind; w:b as in a
 * share link) → the params object core.properties takes. Names and values are checked
 * against the function's row, so a setting the core would refuse is caught here.
 */
function readSetting(text, spec, name, problems) {
  if (typeof text !== 'string') {
    problems.push(`${name}: the setting, like "${spec.params[0]?.name ?? 'pieces'} = …"`);
    return {};
  }
  const setting = {};
  for (const part of ascii(text).split(';')) {
    const m = /^([A-Za-z]\w*) ?= ?(.+)$/.exec(part.trim());
    const param = m && spec.params.find((p) => p.name === m[1]);
    if (m && m[1] === 'pieces' && spec.kind === 'pieces') {
      const pieces = readPieces(m[2], spec.pieces);
      if (pieces) setting.pieces = pieces;
      else problems.push(`${name}: "${m[2]}" is not ${spec.pieces.min} to ${spec.pieces.max} pieces w:b, each within ±${spec.pieces.limit}`);
    } else if (param) {
      const value = whole(NUMBER).test(m[2]) ? readNumber(m[2]) : NaN;
      const inRange = (param.minExclusive ? value > param.min : value >= param.min) && value <= param.max;
      if (inRange) setting[param.name] = value;
      else problems.push(`${name}: ${param.name} = "${m[2]}" is outside ${param.minExclusive ? '(' : '['}${param.min}, ${param.max}]`);
    } else {
      const known = [...spec.params.map((p) => p.name), ...(spec.kind === 'pieces' ? ['pieces'] : [])];
      problems.push(`${name}: "${part.trim()}" is not "name = value" for one of: ${known.join(', ') || '(no parameters)'}`);
    }
  }
  return setting;
}

function readPieces(text, limits) {
  const pieces = text.split(',').map((pair) => {
    const m = whole(String.raw`(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?)`).exec(pair.trim());
    return m && { w: Number(m[1]), b: Number(m[2]) };
  });
  const fits = pieces.length >= limits.min && pieces.length <= limits.max
    && pieces.every((p) => p && Math.abs(p.w) <= limits.limit && Math.abs(p.b) <= limits.limit);
  return fits ? pieces : undefined;
}

/**
 * Every claim of a parsed file that the core contradicts, as messages naming the file, the
 * key, the claimed value and the computed one. `propertiesAt(setting)` is the core's
 * properties at the defaults ({}) or at a claimsAt setting.
 */
export function claimDisagreements(parsed, propertiesAt, source) {
  const out = [];
  const check = (label, claims, setting) => {
    const computed = claimsOfProperties(propertiesAt(setting));
    for (const [key, claimed] of Object.entries(claims)) {
      if (!sameClaim(key, claimed, computed[key])) {
        out.push(`${source}: ${label}.${key}: the text claims ${showClaim(key, claimed)}, the core computes ${showClaim(key, computed[key])}`);
      }
    }
  };
  check('claims', parsed.claims, {});
  for (const { label, setting, claims } of parsed.at) check(label, claims, setting);
  return out;
}

/** The claims spelled out, one "label.key: value" line each: what two languages must share. */
export function claimLines(parsed) {
  const lines = (label, claims) => Object.entries(claims).map(([key, v]) => `${label}.${key}: ${showClaim(key, v)}`);
  return [...lines('claims', parsed.claims), ...parsed.at.flatMap(({ label, claims }) => lines(label, claims))];
}

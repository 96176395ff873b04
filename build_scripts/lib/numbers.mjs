// Numbers in the explanations come from the core: a content file's body writes
//
//   {{ EXPR }}               the value, 4 significant digits (trailing zeros dropped)
//   {{ EXPR ~ 3 }}           the value to 3 significant digits
//   {{ LITERAL ≈ EXPR }}     LITERAL as written, checked: EXPR rounded to LITERAL's precision
//                            must equal it (`~=` may stand for ≈)
//
// EXPR is number-expr.mjs's language. expandNumbers replaces every template before marked
// sees the Markdown, as plain text with Unicode (−0.5, 9.5×10⁻⁷) or, inside $…$ and $$…$$,
// as TeX (9.5 \times 10^{-7}). A template inside code would print literally, so it is an
// error, like a bad template, an unknown function or parameter, a parameter out of range
// and a literal the core disagrees with; each names the file, the line and the template.
// web/content/README.md ("Numbers") is the writer's guide.
import { evaluate, parseExpression } from './number-expr.mjs';

const MINUS = '\u2212';
const SUPERSCRIPT = { '-': '⁻', '+': '⁺', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const FROM_SUPERSCRIPT = Object.fromEntries(Object.entries(SUPERSCRIPT).map(([plain, sup]) => [sup, plain]));
export const DEFAULT_DIGITS = 4;
// A double holds 15–17 significant decimal digits; a literal claiming more is a typo.
const MAX_DIGITS = 17;
const FRACTION_TOLERANCE = 1e-15;

// ---------------------------------------------------------------------------------------
// Where a Markdown body is prose, code or TeX

/**
 * The body cut into regions { kind: 'text' | 'code' | 'tex', start, end } (offsets; together
 * they cover it). Code is fenced blocks (``` or ~~~) and code spans; TeX is $$…$$ and $…$
 * as build_scripts/lib/markdown.mjs reads them (an opening $ not before a space, a closing
 * one not before a digit, no line break inside $…$); \$ and \` are plain characters.
 */
export function markdownRegions(body) {
  const regions = [];
  const push = (kind, start, end) => {
    if (end <= start) return;
    const last = regions[regions.length - 1];
    if (last?.kind === kind && last.end === start) last.end = end;
    else regions.push({ kind, start, end });
  };
  let offset = 0;
  let fence = null; // the fence that opened the current code block
  let textStart = 0;
  for (const line of body.split('\n')) {
    const lineEnd = offset + line.length + 1;
    const marker = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^[ \t]*[`~]+[ \t]*$/.test(line)) {
        push('code', textStart, Math.min(lineEnd, body.length));
        fence = null;
        textStart = lineEnd;
      }
    } else if (marker && !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))) {
      inlineRegions(body, textStart, offset, push);
      fence = marker;
      textStart = offset;
    }
    offset = lineEnd;
  }
  const end = body.length;
  if (fence) push('code', textStart, end);
  else inlineRegions(body, textStart, end, push);
  return regions;
}

const INLINE_TEX = /\$(?!\s)(?:\\.|[^\\$\n])+?\$(?!\d)/y;

// Code spans and TeX in body[start, end): whichever opens first wins, as in marked.
function inlineRegions(body, start, end, push) {
  const text = body.slice(0, end);
  let i = start;
  let plain = start;
  const region = (kind, from, to) => {
    push('text', plain, from);
    push(kind, from, to);
    plain = to;
    i = to;
  };
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '`') {
      const run = /`+/y;
      run.lastIndex = i;
      const ticks = run.exec(text)[0];
      // The closing run has exactly as many backticks, within the paragraph.
      const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
      close.lastIndex = i + ticks.length;
      const m = close.exec(text);
      const paragraphEnd = /\n[ \t]*\n/g;
      paragraphEnd.lastIndex = i;
      const blank = paragraphEnd.exec(text)?.index ?? end;
      if (m && m.index < blank) region('code', i, m.index + ticks.length);
      else i += ticks.length;
    } else if (c === '$' && text[i + 1] === '$') {
      const close = text.indexOf('$$', i + 2);
      if (close > i + 2) region('tex', i, close + 2);
      else i += 2;
    } else if (c === '$') {
      INLINE_TEX.lastIndex = i;
      const m = INLINE_TEX.exec(text);
      if (m) region('tex', i, i + m[0].length);
      else i += 1;
    } else {
      i += 1;
    }
  }
  push('text', plain, end);
}

/**
 * Every {{ … }} in the body: { start, end, inner, kind } where kind is the region it sits
 * in. Braces inside balance ({{ 10^{-6} ≈ … }}); a template ends on its line. Returns
 * { templates, problems }: a problem is { at, template, message } (unclosed, in code, or
 * half inside TeX).
 */
export function findTemplates(body, regions = markdownRegions(body)) {
  const templates = [];
  const problems = [];
  const regionAt = (at) => regions.find((r) => r.start <= at && at < r.end);
  let from = 0;
  for (;;) {
    const start = body.indexOf('{{', from);
    if (start < 0) break;
    let depth = 0;
    let end = -1;
    for (let i = start + 2; i < body.length && body[i] !== '\n'; i += 1) {
      if (body[i] === '{') depth += 1;
      else if (body[i] === '}' && depth > 0) depth -= 1;
      else if (body[i] === '}' && body[i + 1] === '}') {
        end = i + 2;
        break;
      } else if (body[i] === '}') break;
    }
    const region = regionAt(start);
    if (end < 0) {
      const lineEnd = body.indexOf('\n', start);
      const template = body.slice(start, lineEnd < 0 ? undefined : lineEnd);
      problems.push({ at: start, template, message: 'a template opens with {{ and closes with }} on the same line' });
      from = start + 2;
      continue;
    }
    const template = { start, end, inner: body.slice(start + 2, end - 2), kind: region.kind };
    if (region.kind === 'code') {
      problems.push({ at: start, template: body.slice(start, end), message: 'a template inside code is not expanded (it would print as written); take it out of the code' });
    } else if (regionAt(end - 1) !== region) {
      problems.push({ at: start, template: body.slice(start, end), message: 'a template must sit wholly inside or wholly outside $…$' });
    } else {
      templates.push(template);
    }
    from = end;
  }
  return { templates, problems };
}

// ---------------------------------------------------------------------------------------
// Formatting

/**
 * A value as the page shows it: `digits` significant digits, trailing zeros dropped, and
 * ×10ⁿ for |v| < 1e-4 or ≥ 1e6. Plain text uses Unicode (−, ×, superscripts); `tex` writes
 * TeX (-, \times 10^{n}). A vector is a tuple (a, b, c).
 */
export function formatValue(value, { digits = DEFAULT_DIGITS, tex = false } = {}) {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `(${Array.from(value, (v) => formatValue(v, { digits, tex })).join(', ')})`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  const rounded = Number(value.toPrecision(digits));
  if (rounded === 0) return '0';
  const size = Math.abs(rounded);
  let mantissa;
  let exponent = null;
  if (size < 1e-4 || size >= 1e6) {
    const [m, e] = rounded.toExponential(digits - 1).split('e');
    mantissa = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    exponent = Number(e);
  } else {
    mantissa = String(rounded);
  }
  if (tex) return exponent === null ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
  const text = exponent === null ? mantissa : `${mantissa}×10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;
  return text.replaceAll('-', MINUS);
}

// ---------------------------------------------------------------------------------------
// Literals: the number the prose states, checked against the core

const SIGN = '([-−]?)';
const DECIMAL = '(\\d+(?:\\.\\d+)?|\\.\\d+)';
const SCALAR_FORMS = [
  // 0.0066, -0.5, 709.78
  { re: new RegExp(`^${SIGN}${DECIMAL}$`), read: (m) => ({ sign: m[1], mantissa: m[2], exponent: 0 }) },
  // 4.2e-18
  { re: new RegExp(`^${SIGN}${DECIMAL}[eE]([-+−]?\\d+)$`), read: (m) => ({ sign: m[1], mantissa: m[2], exponent: m[3] }) },
  // 4.2×10⁻¹⁸, 10⁻⁶ (outside TeX)
  {
    re: new RegExp(`^${SIGN}(?:${DECIMAL}\\s*[×·]\\s*)?10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$`),
    where: 'text',
    read: (m) => ({ sign: m[1], mantissa: m[2] ?? '1', exponent: [...m[3]].map((c) => FROM_SUPERSCRIPT[c]).join('') }),
  },
  // 4.2 \times 10^{-18}, 10^{-6}, 10^6 (inside TeX)
  {
    re: new RegExp(`^${SIGN}(?:${DECIMAL}\\s*\\\\(?:times|cdot)\\s*)?10\\^(?:\\{\\s*([-+]?\\d+)\\s*\\}|(\\d))$`),
    where: 'tex',
    read: (m) => ({ sign: m[1], mantissa: m[2] ?? '1', exponent: m[3] ?? m[4] }),
  },
];

/**
 * A literal's meaning: { kind: 'decimal', value, digits, unit } (digits: significant digits
 * shown; unit: its last digit's place, for a zero), { kind: 'fraction', value } or
 * { kind: 'tuple', items }. `tex` says whether it sits inside TeX, where only TeX's
 * scientific form reads right (and outside it, only the Unicode one).
 */
export function parseLiteral(text, { tex = false } = {}) {
  const literal = text.trim();
  const tuple = /^\((.*)\)$/.exec(literal);
  if (tuple) {
    const items = tuple[1].split(',').map((item) => parseLiteral(item, { tex }));
    if (items.some((item) => item.kind === 'tuple')) throw new Error(`a tuple holds numbers: "${literal}"`);
    return { kind: 'tuple', items, text: literal };
  }
  const fraction = new RegExp(`^${SIGN}(\\d+)\\s*/\\s*(\\d+)$`).exec(literal);
  if (fraction) {
    const value = (fraction[1] ? -1 : 1) * Number(fraction[2]) / Number(fraction[3]);
    if (!Number.isFinite(value)) throw new Error(`"${literal}" divides by zero`);
    return { kind: 'fraction', value, text: literal };
  }
  for (const form of SCALAR_FORMS) {
    const m = form.re.exec(literal);
    if (!m) continue;
    if (form.where && form.where !== (tex ? 'tex' : 'text')) {
      throw new Error(`"${literal}" is ${form.where === 'tex' ? 'TeX, but the template is outside $…$: write 4.2×10⁻¹⁸'
        : 'Unicode, but the template is inside $…$: write 4.2 \\times 10^{-18}'}`);
    }
    const { sign, mantissa, exponent } = form.read(m);
    const e = Number(String(exponent).replace(MINUS, '-'));
    const shown = mantissa.replace('.', '').replace(/^0+/, '');
    const decimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
    if (shown.length > MAX_DIGITS) throw new Error(`"${literal}" shows more digits than a double holds`);
    return {
      kind: 'decimal',
      value: Number(`${sign ? '-' : ''}${mantissa}e${e}`),
      digits: shown.length,
      unit: 10 ** (e - decimals),
      text: literal,
    };
  }
  throw new Error(`"${literal}" is not a literal: write a number (0.0066, 4.2e-18, ${tex ? '4.2 \\times 10^{-18}' : '4.2×10⁻¹⁸'}), a fraction (1/4) or a tuple (0.66, 0.24)`);
}

const detail = (value) => formatValue(value, { digits: 7 });

/** Why `value` does not match the literal, or null when it does. */
export function literalMismatch(literal, value) {
  if (literal.kind === 'tuple') {
    if (!Array.isArray(value)) return `the core gives one number, ${detail(value)}, not a tuple`;
    if (value.length !== literal.items.length) {
      return `the core gives ${value.length} numbers, ${formatValue(value)}, not ${literal.items.length}`;
    }
    const wrong = literal.items.map((item, k) => {
      const why = literalMismatch(item, value[k]);
      return why && `element ${k + 1}: ${why}`;
    }).filter(Boolean);
    return wrong.length ? wrong.join('; ') : null;
  }
  if (Array.isArray(value)) return `the core gives a vector, ${formatValue(value)}; write a tuple such as (0.66, 0.24)`;
  if (!Number.isFinite(value)) return `the core gives ${value}`;
  if (literal.kind === 'fraction') {
    const close = Math.abs(value - literal.value) <= FRACTION_TOLERANCE * Math.abs(literal.value);
    return close ? null : `the core gives ${detail(value)}, not exactly ${literal.text}`;
  }
  if (literal.digits === 0) {
    const close = Math.abs(value) < literal.unit / 2;
    return close ? null : `the core gives ${detail(value)}, which does not round to ${literal.text}`;
  }
  const rounded = Number(value.toPrecision(literal.digits));
  if (rounded === literal.value) return null;
  const s = literal.digits === 1 ? '' : 's';
  return `the core gives ${detail(value)} (${formatValue(rounded, { digits: literal.digits })} to ${literal.digits} significant digit${s}), not ${literal.text}`;
}

// ---------------------------------------------------------------------------------------
// Templates

/**
 * One template's parts: { literal?: string, expr: string, digits }. `≈` (or `~=`) separates
 * a literal from its expression; a trailing `~ n` sets the significant digits.
 */
export function splitTemplate(inner) {
  const approx = /≈|~=/.exec(inner);
  let literal;
  let expr = inner;
  if (approx) {
    literal = inner.slice(0, approx.index).trim();
    expr = inner.slice(approx.index + approx[0].length);
    if (literal === '') throw new Error('nothing before ≈: write {{ 0.0066 ≈ EXPR }}');
  }
  let digits = DEFAULT_DIGITS;
  const precision = /~\s*(\S*)\s*$/.exec(expr);
  if (precision && !precision[0].startsWith('~=')) {
    if (literal !== undefined) throw new Error('a literal shows its own precision: drop "~ n"');
    if (!/^\d+$/.test(precision[1]) || Number(precision[1]) < 1 || Number(precision[1]) > MAX_DIGITS) {
      throw new Error(`"~ ${precision[1]}": the significant digits are a whole number from 1 to ${MAX_DIGITS}`);
    }
    digits = Number(precision[1]);
    expr = expr.slice(0, precision.index);
  }
  if (expr.trim() === '') throw new Error('an empty expression');
  return { literal, expr: expr.trim(), digits };
}

/** The text one template stands for, inside TeX or not; throws what is wrong with it. */
export function renderTemplate(inner, { tex = false, context }) {
  const { literal, expr, digits } = splitTemplate(inner);
  const parsedLiteral = literal === undefined ? undefined : parseLiteral(literal, { tex });
  const value = evaluate(parseExpression(expr, context), context);
  if (parsedLiteral) {
    const why = literalMismatch(parsedLiteral, value);
    if (why) throw new Error(why);
    return literal;
  }
  return formatValue(value, { digits, tex });
}

/**
 * The body with every template replaced: { text, problems }, each problem a string
 * "source:line: {{ template }}: what is wrong". `firstLine` is the body's first line in
 * its file (after the front matter); `context` is number-expr.mjs's numberContext(core).
 */
export function expandNumbers(body, { source = 'content', firstLine = 1, context }) {
  const regions = markdownRegions(body);
  const { templates, problems: found } = findTemplates(body, regions);
  const lineOf = (at) => firstLine + body.slice(0, at).split('\n').length - 1;
  const problems = found.map(({ at, template, message }) => `${source}:${lineOf(at)}: ${template}: ${message}`);
  let text = '';
  let from = 0;
  for (const template of templates) {
    let rendered = '';
    try {
      rendered = renderTemplate(template.inner, { tex: template.kind === 'tex', context });
    } catch (error) {
      problems.push(`${source}:${lineOf(template.start)}: ${body.slice(template.start, template.end)}: ${error.message}`);
    }
    text += body.slice(from, template.start) + rendered;
    from = template.end;
  }
  text += body.slice(from);
  // A rendered number must not move TeX's edges (a digit right after a closing $ would).
  const texCount = (regionsOf) => regionsOf.filter((r) => r.kind === 'tex').length;
  if (!problems.length && texCount(markdownRegions(text)) !== texCount(regions)) {
    problems.push(`${source}: the expanded numbers change where $…$ begins or ends; put a space between a closing $ and a template`);
  }
  return { text, problems };
}

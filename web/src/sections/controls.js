// Native, labelled controls: a parameter's slider + number box + reset, and an x-range
// picker. They report values up and are told values back (set), never holding state.

import { h, setAttr, setText, setValue, tr } from '../ui/dom.js';
import { formatNumber, parseNumber, decimalsOf, roundTo } from '../text/format.js';
import { boundsOf, X_PRESETS, X_LIMIT } from '../model/state.js';

/** "0 < α ≤ 5", with the parameter written as its formulas write it (the registry's symbol). */
export function allowedRange(field) {
  const lowSign = field.minExclusive ? '<' : '≤';
  return `${formatNumber(field.min)} ${lowSign} ${field.symbol} ≤ ${formatNumber(field.max)}`;
}

// A log slider moves in log10 units; these convert between its position and the value.
const SLIDER_LOG_STEP = 0.001;
const toSlider = (field, value) => (field.scale === 'log' ? Math.log10(value) : value);
function fromSlider(field, position) {
  if (field.scale !== 'log') return roundTo(position, decimalsOf(field.step));
  const value = 10 ** position;
  return roundTo(value, Math.max(decimalsOf(field.step), 2 - Math.floor(Math.log10(value))));
}

/**
 * Slider, number box, reset and hint for one parameter field (from state.js's table).
 * onValue(value) → { value, problem } from the store: the clamped value and why.
 */
export function createParamControl({ field, t, value, onValue }) {
  const base = `${field.section}-${field.param}`;
  const { lo, hi } = boundsOf(field);
  const labelKey = `paramLabel.${field.section}.${field.param}`; // from the function's content file
  const slider = h('input', {
    type: 'range', id: `${base}-slider`, 'data-testid': `${base}-slider`,
    min: toSlider(field, lo), max: toSlider(field, hi),
    step: field.scale === 'log' ? SLIDER_LOG_STEP : field.step,
    value: toSlider(field, value), 'aria-describedby': `${base}-hint`,
  });
  const box = h('input', {
    type: 'number', id: `${base}-input`, 'data-testid': `${base}-input`, inputmode: 'decimal',
    // A log-scale field steps from its minimum (T: 0.05, 0.1 … ) rather than in tenths.
    min: lo, max: hi, step: field.scale === 'log' ? field.min : field.step, value, 'aria-describedby': `${base}-hint`,
  });
  const reset = h('button', { type: 'button', id: `${base}-reset`, 'data-testid': `${base}-reset`, className: 'reset' });
  const hint = h('p', { id: `${base}-hint`, className: 'hint', 'aria-live': 'polite' });

  let warning = null; // { key, vars } while a clamping message is shown
  const renderText = () => {
    const name = t(labelKey);
    setText(reset, t('param.reset'));
    setAttr(reset, 'aria-label', t('param.resetLabel', { name, value: formatNumber(field.default) }));
    setAttr(box, 'aria-label', name);
    setText(hint, warning ? t(warning.key, warning.vars) : t('param.allowed', { range: allowedRange(field) }));
    hint.classList.toggle('hint-warning', Boolean(warning));
  };
  const warn = (w) => { warning = w; renderText(); };

  const submit = (raw, typed) => {
    if (!Number.isFinite(raw)) {
      warn({ key: 'param.notNumber', vars: { range: allowedRange(field) } });
      return null;
    }
    const result = onValue(raw);
    warn(result.problem && typed !== undefined
      ? { key: 'param.clamped', vars: { typed, range: allowedRange(field), used: formatNumber(result.value) } }
      : null);
    return result;
  };

  let current = value;
  slider.addEventListener('input', () => submit(fromSlider(field, Number(slider.value))));
  // While typing, only whole numbers are applied ("-" or "0." are steps on the way).
  box.addEventListener('input', () => {
    const typed = parseNumber(box.value);
    if (Number.isFinite(typed)) submit(typed, box.value);
  });
  // On commit the box shows what is actually used: the clamped value, or the last good one.
  box.addEventListener('change', () => {
    const result = submit(parseNumber(box.value), box.value);
    box.value = String(result ? result.value : current);
  });
  reset.addEventListener('click', () => { warn(null); onValue(field.default); });

  const root = h('div', { className: 'param', dataset: { param: field.param } },
    h('label', { for: `${base}-slider`, className: 'param-label' }, tr('span', labelKey, t)),
    h('div', { className: 'param-inputs' }, slider, box, reset),
    hint);
  renderText();

  return {
    root,
    set(next) {
      current = next;
      setValue(slider, String(toSlider(field, next)));
      setAttr(slider, 'aria-valuetext', formatNumber(next));
      // Do not rewrite the box under the user's fingers; its change event settles it.
      if (document.activeElement !== box || parseNumber(box.value) === next) setValue(box, String(next));
    },
    renderText,
  };
}

/**
 * ±3 / ±10 presets and a custom from/to. onRange(xmin, xmax, moved) → { xmin, xmax, problem }.
 */
export function createRangeControl({ id, t, xmin, xmax, onRange }) {
  const presets = X_PRESETS.map((n) => h('button', {
    type: 'button', id: `${id}-range-${n}`, 'data-testid': `${id}-range-${n}`, className: 'preset',
    // The visible "±3" is the name (inside the "x range" group); the title spells it out.
    'aria-pressed': 'false', dataset: { i18nAttr: 'title:range.presetLabel', i18nVars: JSON.stringify({ n }) },
    title: t('range.presetLabel', { n }),
    onclick: () => apply(-n, n, 'xmax'),
  }, t('range.preset', { n })));
  const box = (name) => h('input', {
    type: 'number', id: `${id}-${name}`, 'data-testid': `${id}-${name}`, inputmode: 'decimal', step: 'any',
    min: -X_LIMIT, max: X_LIMIT, className: 'range-input', 'aria-describedby': `${id}-range-hint`,
  });
  const from = box('xmin');
  const to = box('xmax');
  const hint = h('p', { id: `${id}-range-hint`, className: 'hint hint-warning', 'aria-live': 'polite', hidden: true });
  let warning = null;

  function apply(a, b, moved) {
    const r = onRange(a, b, moved);
    warning = r.problem
      ? { key: r.problem === 'clamped' && Math.max(Math.abs(a), Math.abs(b)) > X_LIMIT ? 'range.clamped' : 'range.tooNarrow',
        vars: { from: formatNumber(r.xmin), to: formatNumber(r.xmax), limit: X_LIMIT } }
      : null;
    renderText();
    return r;
  }
  const commit = (moved) => {
    const a = parseNumber(from.value);
    const b = parseNumber(to.value);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    const r = apply(a, b, moved);
    from.value = String(r.xmin);
    to.value = String(r.xmax);
  };
  from.addEventListener('change', () => commit('xmin'));
  to.addEventListener('change', () => commit('xmax'));

  const renderText = () => {
    hint.hidden = !warning;
    setText(hint, warning ? t(warning.key, warning.vars) : '');
    setAttr(from, 'aria-label', t('range.xminLabel'));
    setAttr(to, 'aria-label', t('range.xmaxLabel'));
  };

  const root = h('fieldset', { className: 'range', id: `${id}-range` },
    tr('legend', 'range.legend', t),
    h('div', { className: 'range-row' },
      h('div', { className: 'presets' }, presets),
      h('div', { className: 'range-custom' },
        h('label', { className: 'range-field' }, tr('span', 'range.xmin', t), from),
        h('label', { className: 'range-field' }, tr('span', 'range.xmax', t), to))),
    hint);

  const api = {
    root,
    set(a, b) {
      for (const [input, v] of [[from, a], [to, b]]) {
        if (document.activeElement !== input) setValue(input, String(v));
      }
      presets.forEach((button, i) => {
        setAttr(button, 'aria-pressed', String(a === -X_PRESETS[i] && b === X_PRESETS[i]));
      });
    },
    renderText,
  };
  renderText();
  api.set(xmin, xmax);
  return api;
}

/** A properties list (<dl>) filled from describeProperties rows. */
export function renderPropertyList(dl, rows) {
  dl.replaceChildren(...rows.flatMap((r) => [
    h('dt', { dataset: { prop: r.key } }, r.label),
    h('dd', { dataset: { prop: r.key } }, r.value),
  ]));
}

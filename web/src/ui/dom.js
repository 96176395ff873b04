// A tiny element builder so sections can describe their controls without innerHTML
// (nothing user-typed ever becomes markup).

/**
 * h('button', { id: 'x', type: 'button', onclick: fn, dataset: { i18n: 'k' } }, 'text', child…)
 * Attributes: `on*` functions become listeners, `dataset` fills data-*, `hidden`/boolean
 * values toggle the attribute, everything else is set with setAttribute.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'className') {
      el.className = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  el.append(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

/** Text that the page re-translates on a language switch. */
export function tr(tag, key, t, vars, attrs = {}) {
  const dataset = { ...(attrs.dataset ?? {}), i18n: key };
  if (vars) dataset.i18nVars = JSON.stringify(vars);
  return h(tag, { ...attrs, dataset }, t(key, vars));
}

/** Replace all children. */
export function replaceChildren(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
}

/**
 * Set text or an attribute only when it differs: slider drags re-render every frame, and
 * an equal write still costs the browser a style and layout pass.
 */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** A form control's value, only when it differs (same reason as setText). */
export function setValue(el, value) {
  if (el.value !== value) el.value = value;
}

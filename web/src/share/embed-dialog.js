// The "Embed" dialog: the <iframe> code for one section with the current settings, a size,
// and which parts to show, ready to paste into Moodle, Canvas or a static page.

import { h, tr } from '../ui/dom.js';
import { copyText, selectAndCopy } from '../ui/clipboard.js';
import { IFRAME_SIZE, clampSize, embedQuery, iframeCode, withQuery } from './embed-options.js';
import { embedPageUrl } from './config.js';

// Rough content heights, so the suggested iframe shows everything without scrolling
// (with the host script from the README the embed sizes itself anyway).
const HEIGHT = { chart: 520, controls: 300, formula: 150, text: 900 };

/** A suggested height in px for the parts shown. */
export function suggestedHeight(show) {
  let total = HEIGHT.chart;
  if (show.controls) total += HEIGHT.controls;
  if (show.formula) total += HEIGHT.formula;
  if (show.text) total += HEIGHT.text;
  return total;
}

/**
 * createEmbedDialog({ t, store, table, announcer }) → { open(id, opener) }.
 * The dialog is built on first use and reused.
 */
export function createEmbedDialog({ t, store, table, announcer }) {
  let dialog = null;
  let ui = null;
  let current = null; // { id, opener }

  const checkbox = (name, checked, id = `embed-show-${name}`) => {
    const input = h('input', { type: 'checkbox', id, 'data-testid': id, checked });
    const label = h('label', { className: 'check', for: input.id }, input, tr('span', `embedDialog.${name}`, t));
    return { input, label };
  };
  const sizeField = (name) => {
    const input = h('input', {
      type: 'number', id: `embed-${name}`, 'data-testid': `embed-${name}`, inputmode: 'numeric',
      min: IFRAME_SIZE[name].min, max: IFRAME_SIZE[name].max, step: 10, value: IFRAME_SIZE[name].default,
    });
    return { input, label: h('label', { className: 'range-field', for: input.id }, tr('span', `embedDialog.${name}`, t), input) };
  };

  function build() {
    const options = {
      derivative: checkbox('derivative', true),
      controls: checkbox('controls', true),
      formula: checkbox('formula', true),
      text: checkbox('text', false),
      lock: checkbox('lock', false, 'embed-lock'),
    };
    const size = { width: sizeField('width'), height: sizeField('height') };
    const code = h('textarea', {
      id: 'embed-code', 'data-testid': 'embed-code', readonly: true, rows: 5, spellcheck: 'false', className: 'embed-code',
    });
    const copyButton = h('button', { type: 'button', id: 'embed-copy', 'data-testid': 'embed-copy', className: 'share-button primary' },
      tr('span', 'embedDialog.copy', t));
    const preview = h('a', { id: 'embed-preview', 'data-testid': 'embed-preview', target: '_blank', rel: 'noopener' },
      tr('span', 'embedDialog.preview', t));
    const close = h('button', { type: 'button', id: 'embed-close', 'data-testid': 'embed-close' }, tr('span', 'embedDialog.close', t));
    const title = h('h2', { id: 'embed-dialog-title', className: 'dialog-title' });
    dialog = h('dialog', { id: 'embed-dialog', 'data-testid': 'embed-dialog', className: 'embed-dialog', 'aria-labelledby': title.id },
      h('div', { className: 'dialog-body' },
        title,
        tr('p', 'embedDialog.intro', t, undefined, { className: 'note' }),
        h('fieldset', { className: 'dialog-options' }, tr('legend', 'embedDialog.show', t),
          options.derivative.label, options.controls.label, options.formula.label, options.text.label),
        options.lock.label,
        h('div', { className: 'dialog-size' }, size.width.label, size.height.label),
        h('label', { for: code.id, className: 'dialog-code-label' }, tr('span', 'embedDialog.code', t)),
        code,
        h('div', { className: 'button-row' }, copyButton, preview, close)));
    document.body.append(dialog);
    ui = { options, size, code, copyButton, preview, title };

    for (const o of Object.values(options)) o.input.addEventListener('change', () => { suggestHeight(); render(); });
    for (const s of Object.values(size)) {
      s.input.addEventListener('input', render);
      s.input.addEventListener('change', () => { s.input.value = String(clampSize(s.input.value, IFRAME_SIZE[s.input.id.slice(6)])); render(); });
    }
    code.addEventListener('focus', () => code.select());
    copyButton.addEventListener('click', async () => {
      const ok = (await copyText(code.value)) || selectAndCopy(code);
      if (ok) announcer.confirm(copyButton, 'embedDialog.copied');
      else code.select();
    });
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => current?.opener?.focus());
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  }

  function shown() {
    const o = ui.options;
    return {
      derivative: o.derivative.input.checked, controls: o.controls.input.checked,
      // A section without formulas (a comparison) has nothing to hide there.
      formula: o.formula.input.checked || o.formula.label.hidden, text: o.text.input.checked,
    };
  }

  function suggestHeight() {
    ui.size.height.input.value = String(suggestedHeight(shown()));
  }

  function render() {
    if (!current) return;
    const show = shown();
    const hide = Object.entries(show).filter(([, on]) => !on).map(([part]) => part);
    const lock = ui.options.lock.input.checked ? ['all'] : [];
    const query = embedQuery({ fn: current.id, hide, lock }, store.get(), table);
    const src = withQuery(embedPageUrl(), query);
    const name = sectionName(current.id);
    ui.code.value = iframeCode({
      src, title: t('embed.iframeTitle', { name }),
      width: ui.size.width.input.value, height: ui.size.height.input.value,
    });
    ui.preview.href = src;
  }

  function sectionName(id) {
    const spec = table.specs.get(id);
    return spec ? t(`fn.${id}`) : t(`section.${id}`);
  }

  return {
    open(id, opener) {
      if (!dialog) build();
      current = { id, opener };
      const hasFormula = Boolean(document.querySelector(`section#${CSS.escape(id)} > .section-body > .formulas`));
      ui.options.formula.label.hidden = !hasFormula;
      ui.title.textContent = t('embedDialog.title', { name: sectionName(id) });
      suggestHeight();
      render();
      dialog.showModal();
      ui.code.focus();
    },
    element: () => dialog,
  };
}

// "Copy link" and "Embed" under every section heading, and "Copy link" for the whole view in
// the header. A copy is confirmed on the button and to screen readers; where the Clipboard
// API is missing or refused, the link appears selected in a read-only field instead.

import { h, tr } from '../ui/dom.js';
import { copyText, selectAndCopy } from '../ui/clipboard.js';

const CONFIRM_MS = 2000;

/**
 * A copy-confirmation helper shared by the buttons and the embed dialog:
 * confirm(button, key) shows `key` on the button for a moment and announces it.
 */
export function createAnnouncer(t, parent = document.body) {
  const status = h('p', { id: 'share-status', className: 'visually-hidden', role: 'status' });
  parent.append(status);
  return {
    say(key) {
      status.textContent = '';
      // A new text node on the next frame is announced even when the text repeats.
      requestAnimationFrame(() => { status.textContent = t(key); });
    },
    confirm(button, key) {
      const label = button.querySelector('[data-i18n]') ?? button;
      const original = button.dataset.label ?? label.dataset.i18n;
      button.dataset.label = original;
      label.dataset.i18n = key;
      label.textContent = t(key);
      button.classList.add('copied');
      clearTimeout(Number(button.dataset.timer));
      button.dataset.timer = String(setTimeout(() => {
        label.dataset.i18n = original;
        label.textContent = t(original);
        button.classList.remove('copied');
      }, CONFIRM_MS));
      this.say(key);
    },
  };
}

/** The read-only field shown next to a copy button when the clipboard cannot be used. */
function createFallback(t) {
  const input = h('input', {
    type: 'text', readonly: true, id: 'copy-fallback-input', 'data-testid': 'copy-fallback-input', className: 'copy-fallback-input',
    spellcheck: 'false', autocomplete: 'off',
  });
  const close = h('button', { type: 'button', id: 'copy-fallback-close', className: 'copy-fallback-close', onclick: () => hide() },
    tr('span', 'share.close', t));
  const hint = tr('p', 'share.copyManualHint', t, undefined, { className: 'hint', id: 'copy-fallback-hint' });
  const root = h('div', { className: 'copy-fallback', id: 'copy-fallback', 'data-testid': 'copy-fallback', hidden: true },
    h('label', { for: input.id, className: 'copy-fallback-label' }, tr('span', 'share.copyManual', t)),
    h('div', { className: 'copy-fallback-row' }, input, close), hint);
  input.setAttribute('aria-describedby', hint.id);
  let returnTo = null;
  function hide() {
    root.hidden = true;
    returnTo?.focus();
  }
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  return {
    root,
    /** Show `text` after `anchor`, selected; returns whether the copy command worked. */
    show(text, anchor, opener) {
      anchor.after(root);
      input.value = text;
      root.hidden = false;
      returnTo = opener;
      return selectAndCopy(input);
    },
  };
}

/**
 * Add the buttons. `links.sectionUrl(id)` and `links.viewUrl()` give the URLs;
 * `openEmbed(id, button)` opens the embed dialog; `embeddable(id)` says which sections have one.
 */
export function mountShareButtons({ t, links, openEmbed, embeddable, announcer }) {
  const fallback = createFallback(t);

  async function copy(url, button, anchor) {
    if (await copyText(url)) {
      fallback.root.hidden = true;
      announcer.confirm(button, 'share.copied');
      return;
    }
    const copied = fallback.show(url, anchor, button);
    if (copied) announcer.confirm(button, 'share.copied');
  }

  for (const section of document.querySelectorAll('main section[id]')) {
    const { id } = section;
    const heading = section.querySelector(':scope > .section-title');
    if (!heading?.id) continue;
    // The page reserves the row in its HTML (so nothing moves as it fills); a page without one gets it here.
    const tools = document.getElementById(`${id}-share`) ?? h('div', { className: 'section-tools', id: `${id}-share` });
    tools.setAttribute('role', 'group');
    tools.setAttribute('aria-labelledby', `${id}-share-label ${heading.id}`);
    tools.append(tr('span', 'share.group', t, undefined, { className: 'visually-hidden', id: `${id}-share-label` }));
    const copyButton = h('button', {
      type: 'button', id: `${id}-copy-link`, 'data-testid': `${id}-copy-link`, className: 'share-button',
      'aria-labelledby': `${id}-copy-link-text ${heading.id}`,
      onclick: () => copy(links.sectionUrl(id), copyButton, tools),
    }, tr('span', 'share.copyLink', t, undefined, { id: `${id}-copy-link-text` }));
    tools.append(copyButton);
    if (embeddable(id)) {
      const embedButton = h('button', {
        type: 'button', id: `${id}-embed`, 'data-testid': `${id}-embed`, className: 'share-button',
        'aria-haspopup': 'dialog', 'aria-labelledby': `${id}-embed-text ${heading.id}`,
        onclick: () => openEmbed(id, embedButton),
      }, tr('span', 'share.embed', t, undefined, { id: `${id}-embed-text` }));
      tools.append(embedButton);
    }
    if (!tools.isConnected) heading.after(tools);
  }

  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    const viewButton = h('button', {
      type: 'button', id: 'copy-view-link', 'data-testid': 'copy-view-link', className: 'share-button copy-view',
      dataset: { i18nAttr: 'aria-label:share.copyViewLabel' }, 'aria-label': t('share.copyViewLabel'),
      onclick: () => copy(links.viewUrl(), viewButton, toggle.closest('.site-header-inner') ?? toggle),
    }, tr('span', 'share.copyLink', t));
    // Before the contents menu: the header's buttons are right-aligned on a phone, so one
    // added on their left moves none of them.
    (toggle.parentElement.querySelector('.toc-menu') ?? toggle).before(viewButton);
  }
}

// Printing a handout: a "Print" button beside each section's links prints that section alone;
// "Print the page" first draws every chart (sections far below have not made theirs yet) and
// prints the whole page. Controls and buttons never print (web/styles/print.css).

import { h, tr } from '../ui/dom.js';

export function startPrinting({ t, mountAll }) {
  const root = document.documentElement;
  const print = (sectionId) => {
    const target = sectionId ? document.getElementById(sectionId) : null;
    target?.classList.add('print-target');
    target?.parentElement.closest('section')?.classList.add('print-parent');
    if (target) root.dataset.printSection = sectionId;
    window.print();
  };
  window.addEventListener('afterprint', () => {
    delete root.dataset.printSection;
    for (const el of document.querySelectorAll('.print-target, .print-parent')) el.classList.remove('print-target', 'print-parent');
  });

  for (const tools of document.querySelectorAll('main section[id] > .section-tools')) {
    const { id } = tools.closest('section');
    tools.append(h('button', {
      type: 'button', id: `${id}-print`, 'data-testid': `${id}-print`, className: 'share-button',
      'aria-labelledby': `${id}-print-text ${id}-title`,
      onclick: () => print(id),
    }, tr('span', 'share.print', t, undefined, { id: `${id}-print-text` })));
  }
  const whole = h('button', {
    type: 'button', id: 'print-page', 'data-testid': 'print-page', className: 'share-button print-page',
    onclick: async () => { await mountAll(); print(null); },
  }, tr('span', 'share.printPage', t));
  document.querySelector('.toc')?.append(whole);
}

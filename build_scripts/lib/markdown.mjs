// Markdown with $…$ / $$…$$ TeX, typeset at build time by KaTeX into MathML, so the page
// needs no math JavaScript or fonts at run time.
import katex from 'katex';
import { Marked } from 'marked';

/** A marked instance that typesets TeX with KaTeX and shifts headings under the section's. */
export function createMarkdown({ headingOffset = 0, source = 'content' } = {}) {
  const tex = (text, displayMode) => {
    try {
      return renderTex(text, displayMode);
    } catch (error) {
      throw new Error(`${source}: bad TeX "${text}": ${error.message}`);
    }
  };
  const md = new Marked({ gfm: true });
  md.use({
    extensions: [
      {
        name: 'mathBlock',
        level: 'block',
        start: (src) => src.match(/^ {0,3}\$\$/m)?.index,
        tokenizer(src) {
          const m = /^ {0,3}\$\$([\s\S]+?)\$\$[^\S\n]*(?:\n+|$)/.exec(src);
          return m ? { type: 'mathBlock', raw: m[0], text: m[1].trim() } : undefined;
        },
        renderer: (token) => `<div class="math-display">${tex(token.text, true)}</div>\n`,
      },
      {
        name: 'mathInline',
        level: 'inline',
        start: (src) => src.indexOf('$'),
        tokenizer(src) {
          const m = /^\$\$([^$]+?)\$\$|^\$(?!\s)((?:\\.|[^\\$\n])+?)\$(?!\d)/.exec(src);
          if (!m) return undefined;
          const display = m[1] !== undefined;
          return { type: 'mathInline', raw: m[0], text: (m[1] ?? m[2]).trim(), display };
        },
        renderer: (token) => tex(token.text, token.display),
      },
    ],
    walkTokens(token) {
      if (token.type === 'heading') token.depth = Math.min(6, token.depth + headingOffset);
    },
  });
  return md;
}

// KaTeX writes f' as <msup><mi>f</mi><mo>′</mo></msup>. The prime character is already a
// raised glyph, so without a math font's script variant it ends up twice raised; set after
// the base (like the UI's "f′(x)") it reads right with every font.
const RAISED_PRIME = /<msup>((?:<(m[a-z]+)\b[^>]*>[^<]*<\/\2>)|<mrow>(?:(?!<mrow>)[\s\S])*?<\/mrow>)(<mo\b[^>]*>′+<\/mo>)<\/msup>/g;

// KaTeX wraps its MathML for its own stylesheet and for copying TeX: a <span class="katex">,
// the namespace (which the HTML parser supplies), <semantics> with the TeX as an annotation,
// and an outer <mrow>. Browsers and screen readers read the MathML alone, so only it is kept:
// a third fewer elements for the page to parse and lay out before its first paint.
export function renderTex(text, displayMode) {
  const html = katex.renderToString(text, { output: 'mathml', displayMode, throwOnError: true, strict: 'error' });
  const m = /^<span class="katex"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"( display="block")?><semantics>([\s\S]*?)<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation><\/semantics><\/math><\/span>$/.exec(html);
  if (!m) throw new Error(`KaTeX wrote MathML of an unexpected shape for "${text}"`);
  const outer = m[2].startsWith('<mrow>') && m[2].endsWith('</mrow>') && balanced(m[2].slice(6, -7));
  const body = outer ? m[2].slice(6, -7) : m[2];
  return `<math${m[1] ?? ''}>${body.replace(RAISED_PRIME, '<mrow>$1$3</mrow>')}</math>`;
}

// Whether an outer <mrow>…</mrow> encloses the whole of `inner` (its tags balance inside).
function balanced(inner) {
  let depth = 0;
  for (const [, close] of inner.matchAll(/<(\/?)mrow\b[^>]*>/g)) {
    depth += close ? -1 : 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

// A content table names its rows in its first column (a function, a property): those cells
// are row headers, so a screen reader announces each value with its row and its column.
export function tableHeaders(html) {
  return html.replace(/<tbody>[\s\S]*?<\/tbody>/g, (body) => body.replace(/<tr>(\s*)<td([^>]*)>([\s\S]*?)<\/td>/g,
    (row, space, attrs, cell) => `<tr>${space}<th scope="row"${attrs}>${cell}</th>`))
    .replace(/<thead>[\s\S]*?<\/thead>/g, (head) => head.replace(/<th(?=[\s>])(?![^>]*\sscope=)/g, '<th scope="col"'));
}

// Code blocks and tables scroll sideways on phones; keyboard users can only scroll what
// they can focus (axe: scrollable-region-focusable).
export function focusableScrollers(html) {
  return html.replace(/<pre>/g, '<pre tabindex="0">').replace(/<table>/g, '<table tabindex="0">')
    .replace(/<div class="math-display">/g, '<div class="math-display" tabindex="0">');
}

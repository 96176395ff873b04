// Entry of the site's pages (dist/index.html, dist/ko/index.html, as app.js): each page
// carries its own language's dictionary in its HTML.
import '../core/start-core.js'; // first, so the wasm compiles while the rest evaluates (the site also loads it on its own, earlier)
import { pageTranslators } from '../text/page-dictionary.js';
import { startPage } from '../app/page.js';

startPage({ translators: pageTranslators() });

// The site's first script (index.html loads it before app.js): starts the wasm core and
// the explanations for the page's language while app.js, the bigger file, still downloads.
// Both promises are shared: main.js asks for the same ones and reports any failure.
import '../core/start-core.js';
import { initialLanguage } from '../text/i18n.js';
import { proseFor } from '../text/prose.js';

proseFor(initialLanguage()).catch(() => {});

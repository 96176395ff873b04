// Entry of the site's page (dist/index.html, as app.js).
import '../core/start-core.js'; // first, so the wasm compiles while the rest evaluates (the site also loads it on its own, earlier)
import { startPage } from '../app/page.js';

startPage();

// The single file's full page (dist/activation-explorer.html without ?fn=): both languages
// bundled, switched in place.
import '../core/start-core.js';
import { translators } from '../app/dictionaries.js';
import { startPage } from '../app/page.js';

startPage({ translators });

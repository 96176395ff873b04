// Entry of dist/activation-explorer.html, the self-contained file: the whole page, or with
// `?fn=<id>` the embed view of one section. Both are bundled in; only one runs. Share and
// embed links point back at this same file.

import { pointPagesAtSelf } from '../share/config.js';

pointPagesAtSelf(location);
if (new URLSearchParams(location.search).has('fn')) import('./embed.js');
else import('./single-page.js');

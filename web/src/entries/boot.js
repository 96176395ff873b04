// The site's first script (each page loads it before app.js): starts the wasm core while
// app.js, the bigger file, still downloads. main.js asks for the same promise and reports
// any failure.
import '../core/start-core.js';

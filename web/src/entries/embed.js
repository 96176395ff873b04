// Entry of the embed (dist/embed.js, a classic script with the core inline).
import '../core/start-core.js'; // first, so the wasm compiles while the rest evaluates
import { startEmbed } from '../app/embed-view.js';

startEmbed();

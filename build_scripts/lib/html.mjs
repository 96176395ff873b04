// Text and data as HTML: what every renderer of the build escapes with.
export const escapeHtml = (s) => String(s)
  .replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON in <script type="application/json">: '<' escaped so no text can close the element. */
export function inlineJson(id, data) {
  return `<script type="application/json" id="${id}">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`;
}

// Copying text: the async Clipboard API when the browser offers it (secure pages), else the
// caller shows the text selected in a read-only field and the old copy command is tried.

/** Resolves true when the text is on the clipboard. Never throws. */
export async function copyText(text, nav = globalThis.navigator) {
  if (typeof nav?.clipboard?.writeText !== 'function') return false;
  try {
    await nav.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission, document not focused, or blocked by a sandbox
  }
}

/** Select a text field's contents and try document.execCommand('copy'). */
export function selectAndCopy(field) {
  field.focus();
  field.select();
  field.setSelectionRange?.(0, field.value.length);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

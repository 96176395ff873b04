// The front matter of a content file: a small, strict subset of YAML between two `---`
// lines at the top. Keys map to strings or, by indentation (two spaces a level), to nested
// maps, to lists of maps (items start with "- ", their keys line up after it) or to lists of
// strings ("- text" items). A value
// may be "double-quoted" (JSON rules) when it starts with a quote or needs a leading or
// trailing space. Anything else is an error naming the file and line, so a typo never
// reaches the page silently.
//
//   ---
//   name: Leaky ReLU
//   title: Leaky ReLU and PReLU
//   params:
//     alpha: Slope α
//   claimsAt:
//     - at: alpha = 1
//       smoothness: C∞
//   identities:
//     - f(tanh, x) = 2*f(sigmoid, 2*x) - 1
//   ---

const FENCE = '---';
const LINE = /^( *)(- )?([A-Za-z0-9][A-Za-z0-9_-]*):(?: (.*))?$/;
const TEXT_ITEM = /^( *)- (\S.*)$/;

/** { data, body } of a file's text; data is {} when the file has no front matter. */
export function parseFrontMatter(text, source = 'content') {
  const lines = text.split('\n');
  if (lines[0].trimEnd() !== FENCE) return { data: {}, body: text };
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FENCE);
  if (end < 0) throw new Error(`${source}: front matter has no closing ${FENCE}`);
  const data = {};
  // Open maps and lists, innermost last. A key with no value opens a map, which its first
  // child turns into a list when that child is an item; `owner[key]` is where it lives.
  const stack = [{ indent: -1, node: data }];
  for (let i = 1; i < end; i += 1) {
    const raw = lines[i].trimEnd();
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const where = `${source}:${i + 1}`;
    const m = LINE.exec(raw);
    const text = m ? null : TEXT_ITEM.exec(raw);
    if (text && text[1].length % 2 === 0) {
      const indent = text[1].length;
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      if (indent !== parent.indent + 2) throw new Error(`${where}: unexpected indentation`);
      openTextItem(parent, where).push(readValue(text[2], where));
      continue;
    }
    if (!m || m[1].length % 2 !== 0) throw new Error(`${where}: expected "key: value" indented by two spaces a level, got "${raw}"`);
    const [, spaces, dash, key] = m;
    let indent = spaces.length;
    while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
    let parent = stack[stack.length - 1];
    if (indent !== parent.indent + 2 && !(parent.indent === -1 && indent === 0)) {
      throw new Error(`${where}: unexpected indentation`);
    }
    if (dash) {
      parent = openItem(parent, where);
      stack.push({ indent, node: parent.node });
      parent = stack[stack.length - 1];
      indent += 2; // the item's keys line up after "- "
    } else if (Array.isArray(parent.node)) {
      throw new Error(`${where}: expected a list item "- key: value" like the ones above`);
    }
    if (Object.hasOwn(parent.node, key)) throw new Error(`${where}: "${key}" is given twice`);
    const value = m[4]?.trim();
    if (value === undefined || value === '') {
      parent.node[key] = {};
      stack.push({ indent, node: parent.node[key], owner: parent.node, key });
    } else {
      parent.node[key] = readValue(value, where);
    }
  }
  return { data, body: lines.slice(end + 1).join('\n') };
}

/** `parent`'s list of strings, made on its first item. */
function openTextItem(parent, where) {
  if (!parent.owner) throw new Error(`${where}: a list item must sit under a key with no value`);
  if (!Array.isArray(parent.node)) {
    if (Object.keys(parent.node).length) throw new Error(`${where}: a list item after keys: use one or the other`);
    parent.node = [];
    parent.owner[parent.key] = parent.node;
  }
  if (parent.node.some((item) => typeof item !== 'string')) throw new Error(`${where}: a text item in a list of maps`);
  return parent.node;
}

/** A new item (a map) at the end of `parent`'s list: the list is made on the first item. */
function openItem(parent, where) {
  if (!parent.owner) throw new Error(`${where}: a list item must sit under a key with no value`);
  if (Array.isArray(parent.node) && parent.node.some((item) => typeof item === 'string')) {
    throw new Error(`${where}: a "key: value" item in a list of text items`);
  }
  if (!Array.isArray(parent.node)) {
    if (Object.keys(parent.node).length) throw new Error(`${where}: a list item after keys: use one or the other`);
    parent.node = [];
    parent.owner[parent.key] = parent.node;
  }
  const item = {};
  parent.node.push(item);
  return { node: item };
}

function readValue(value, where) {
  if (!value.startsWith('"')) return value;
  try {
    const parsed = JSON.parse(value);
    if (typeof parsed === 'string') return parsed;
  } catch {
    // reported below
  }
  throw new Error(`${where}: a quoted value must be one JSON string, got ${value}`);
}

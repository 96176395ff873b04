// Every ```python block of the explanations runs, and prints what the text says it prints:
// tests/content/run_samples.py runs them (the rules: web/content/README.md, "Code samples"),
// this file turns its report into one test per content file and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkdown } from '../../build_scripts/lib/markdown.mjs';
import { parseFrontMatter } from '../../build_scripts/lib/front-matter.mjs';
import { runSamples, describeFailures } from './samples-runner.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const report = runSamples();
const withSamples = report.files.filter((file) => file.blocks.length > 0 || file.problems.length > 0);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

test(`Python samples in web/content: ${plural(report.blocks, 'block')} in ${plural(withSamples.length, 'file')}, `
  + `${plural(report.outputs, 'output')} checked (Python ${report.python}, NumPy ${report.numpy})`, async (t) => {
  assert.ok(report.blocks > 0, 'the runner found no ```python block in web/content');
  for (const file of withSamples) {
    const outputs = file.blocks.reduce((sum, block) => sum + block.outputs, 0);
    await t.test(`${file.file}: ${plural(file.blocks.length, 'sample')}, ${plural(outputs, 'output')} checked`, () => {
      assert.ok(file.ok, `\n${describeFailures(file)}`);
    });
  }
  await t.test('both languages carry the same samples (comments aside)', () => {
    const lines = report.parity.map((m) => `${m.files.join(' vs ')}: ${m.message}`);
    assert.deepEqual(lines, []);
  });
  assert.equal(report.status, report.ok ? 0 : 1, 'the runner exits 0 exactly when every sample passes');
});

// The runner reads fences itself; the page is rendered by marked. Both must see the same blocks.
test('the runner extracts exactly the ```python blocks that the page renders', () => {
  const md = createMarkdown();
  for (const file of report.files) {
    const source = path.join(ROOT, file.file);
    const { body } = parseFrontMatter(readFileSync(source, 'utf8'), file.file);
    const rendered = [];
    md.walkTokens(md.lexer(body), (token) => {
      if (token.type === 'code' && /^python(\s|$)/.test(token.lang ?? '')) rendered.push(token.text.trimEnd());
    });
    assert.deepEqual(file.blocks.map((block) => block.code.trimEnd()), rendered, file.file);
  }
});

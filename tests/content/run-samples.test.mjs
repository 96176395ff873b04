// The sample runner itself: small content files written to a temporary folder, run once,
// and what it must make of each. (samples.test.mjs runs it on the real explanations.)
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runSamples } from './samples-runner.mjs';

const FENCE = '```';
const py = (code, info = 'python') => `${FENCE}${info}\n${code}\n${FENCE}\n`;

// en/<name>.md, each with the runner's expected verdict; parity pairs also get ko/<name>.md.
const FIXTURES = {
  'passes': [true, `---\nname: "Front matter is skipped"\n---\nSome prose.\n\n${py([
    'import numpy as np',
    '',
    'def double(x):',
    '    return 2 * np.asarray(x, dtype=float)',
    '',
    '>>> double([1, 2.5])',
    'array([2., 5.])',
  ].join('\n'))}\nMore prose.\n\n${py('>>> double(0.5)   # the first block\'s definition\n1.0')}`],
  'wrong-output': [false, py('>>> 1 + 1\n3')],
  'fresh-namespace': [false, py('>>> double(1.0)   # defined in another file only\n2.0')],
  'within-tolerance': [true, py([
    'import numpy as np',
    '',
    '>>> 0.1 + 0.2',
    '0.3',
    '>>> np.array([0.5, 0.731])',
    'array([0.5  , 0.731])',
    '>>> np.array([1/3, 2.0])',
    'array([0.3333334, 2.       ])',
    '>>> 2e-300',
    '0.0',
    '>>> np.exp(1.0)',
    '2.718...',
  ].join('\n'))],
  'fourth-digit': [false, py('import numpy as np\n\n>>> np.array([1/3, 2.0])\narray([0.3334, 2.    ])')],
  'nan-is-not-zero': [false, py('import numpy as np\n\n>>> np.array([np.nan, 1.0])\narray([0., 1.])')],
  'zero-is-not-nan': [false, py('>>> 0.0\nnan')],
  'tiny-is-not-zero': [false, py('>>> 0.0   # a size written with an exponent is compared relatively\n4.2e-18')],
  'noise-around-zero': [true, py('>>> 1e-17\n0.0')],
  'inf-sign': [false, py('>>> -float("inf")\ninf')],
  'special-values': [true, py('import numpy as np\n\n>>> np.array([np.nan, np.inf, -np.inf])\narray([ nan,  inf, -inf])')],
  'int-is-not-float': [false, py('>>> 1\n1.0')],
  'naive-warns-as-declared': [true, py([
    'import numpy as np',
    '# expect: RuntimeWarning overflow',
    '# expect: RuntimeWarning invalid value',
    '',
    '>>> x = 800.0',
    '>>> np.exp(x) / (1 + np.exp(x))',
    'nan',
  ].join('\n'), 'python naive')],
  'naive-warning-missing': [false, py('import numpy as np\n# expect: RuntimeWarning overflow\n\n>>> np.exp(1.0)\n2.718281828459045', 'python naive')],
  'naive-undeclared-warning': [false, py('import numpy as np\n\n>>> np.exp(800.0)\ninf', 'python naive')],
  'stable-warns': [false, py('import numpy as np\n\n>>> np.exp(800.0)\ninf')],
  'stable-warns-in-plain-code': [false, py('import numpy as np\n\nbig = np.exp(np.array([800.0]))')],
  'stable-declares-runtime-warning': [false, py('import numpy as np\n# expect: RuntimeWarning overflow\n\n>>> np.exp(800.0)\ninf')],
  'declared-exception': [true, py('# expect: TypeError\nx = -[1.0]   # unary minus on a list\ny = 1\n\n>>> y\n1')],
  'exception-missing': [false, py('# expect: TypeError\nx = -(1.0)')],
  'undeclared-exception': [false, py('x = -[1.0]')],
  'doctest-traceback': [true, py('>>> int("a")\nTraceback (most recent call last):\n...\nValueError: invalid literal for int()...')],
  'unexpected-exception-in-example': [false, py('>>> int("a")\n0')],
  'unknown-expect-class': [false, py('# expect: NoSuchWarning\n>>> 1\n1')],
  'expect-swallowed-by-output': [false, py('>>> 1\n1\n# expect: TypeError')],
  'unknown-flag': [false, py('>>> 1\n2', 'python skip')],
  'doctest-skip': [false, py('>>> 1   # doctest: +SKIP\n2')],
  'python-lookalike': [false, py('1 / 0', 'py')],
  'not-python': [true, `${py('>>> 1 + 1\n3', 'text')}\n${FENCE}\`\n${py('>>> 1 + 1\n3')}${FENCE}\`\n\n${py('x = 1', 'js')}`],
  'tilde-fence': [false, '~~~python\n>>> 1 + 1\n3\n~~~\n'],
};
const PARITY = {
  'same-but-comments': [true, py('x = 1   # one\n\n>>> x   # show it\n1'), py('x = 1   # 하나\n\n>>> x   # 보기\n1')],
  'different-code': [true, py('x = 1\n\n>>> x\n1'), py('x = 2\n\n>>> x\n2')],
  'different-count': [true, py('x = 1'), `${py('x = 1')}\n${py('y = 2')}`],
};

const dir = mkdtempSync(path.join(tmpdir(), 'samples-'));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const lang of ['en', 'ko']) mkdirSync(path.join(dir, lang));
for (const [name, [, text]] of Object.entries(FIXTURES)) writeFileSync(path.join(dir, 'en', `${name}.md`), text);
for (const [name, [, en, ko]] of Object.entries(PARITY)) {
  writeFileSync(path.join(dir, 'en', `${name}.md`), en);
  writeFileSync(path.join(dir, 'ko', `${name}.md`), ko);
}
const report = runSamples(['--content', dir]);
const fileOf = (name, lang = 'en') => report.files.find((f) => f.file.endsWith(path.join(lang, `${name}.md`)));
const failuresOf = (name) => fileOf(name).blocks.flatMap((b) => b.failures);

for (const [name, [passes]] of Object.entries({ ...FIXTURES, ...PARITY })) {
  test(`${name}: ${passes ? 'passes' : 'fails'}`, () => {
    const file = fileOf(name);
    assert.ok(file, `no report for ${name}`);
    assert.equal(file.ok, passes, JSON.stringify(file, null, 1));
  });
}

test('a wrong output is reported at its >>> line with the expected and actual text', () => {
  const [failure] = failuresOf('wrong-output');
  assert.equal(failure.kind, 'output');
  assert.equal(failure.line, 2);
  assert.equal(failure.expected, '3\n');
  assert.equal(failure.got, '2\n');
  assert.match(failure.diff, /Expected:\s+3\s+Got:\s+2/);
});

test('warnings are recorded; a missing one, an undeclared one and a stable block\'s are failures', () => {
  const naive = fileOf('naive-warns-as-declared').blocks[0];
  assert.deepEqual(naive.warnings.map((w) => w.category), ['RuntimeWarning', 'RuntimeWarning', 'RuntimeWarning']);
  assert.deepEqual(failuresOf('naive-warning-missing').map((f) => [f.kind, f.line]), [['expect', 3]]);
  assert.deepEqual(failuresOf('naive-undeclared-warning').map((f) => f.kind), ['warning']);
  assert.deepEqual(failuresOf('stable-warns').map((f) => [f.kind, f.line]), [['warning', 4]]);
  assert.deepEqual(failuresOf('stable-warns-in-plain-code').map((f) => [f.kind, f.line]), [['warning', 4]]);
});

test('unexpected exceptions carry their traceback, pointing into the content file', () => {
  const [failure] = failuresOf('undeclared-exception');
  assert.equal(failure.kind, 'exception');
  assert.match(failure.got, /undeclared-exception\.md", line 2[\s\S]*TypeError/);
});

test('blocks that do not run, and ```python inside a longer fence, are not run', () => {
  assert.equal(fileOf('not-python').blocks.length, 0);
  assert.equal(fileOf('tilde-fence').blocks.length, 1);
  assert.equal(fileOf('passes').blocks.length, 2);
});

test('parity: samples that differ in more than comments are reported', () => {
  const lines = report.parity.map((m) => `${path.basename(m.files[0])}: ${m.message}`);
  assert.deepEqual(lines.sort(), ['different-code.md: sample 1 differs (comments aside)', 'different-count.md: 1 samples against 2']);
  assert.equal(report.ok, false);
  assert.equal(report.status, 1);
});

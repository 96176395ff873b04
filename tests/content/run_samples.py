#!/usr/bin/env python3
"""Runs the Python samples of the explanations and prints a JSON report.

Every ```python block of web/content/<lang>/<section>.md is a sample. The blocks of one file
run in order in one fresh namespace; `>>>` lines in them are doctest examples whose expected
output is checked (numbers with a tolerance); warnings and exceptions must be the ones the
block declares (`# expect: RuntimeWarning overflow`). The rules are written down in
web/content/README.md, "Code samples"; tests/content/samples.test.mjs runs this script.

    run_samples.py                  every file under web/content, and the languages' parity
    run_samples.py --content DIR    every DIR/<lang>/*.md, and their parity
    run_samples.py FILE...          those files only

Exit status 0 when every block passes, 1 otherwise. Standard library and NumPy only.
"""

import argparse
import ast
import builtins
import contextlib
import doctest
import io
import json
import math
import re
import sys
import traceback
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / 'web' / 'content'

FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
REL_TOL, ABS_TOL = 1e-6, 1e-12
BLOCK_FLAGS = {'naive'}
# Info strings that look like Python but would not run: a sample is ```python, the rest ```text.
PYTHON_LOOKALIKES = {'py', 'py3', 'python3', 'pycon', 'ipython', 'numpy'}

FENCE = re.compile(r'^( {0,3})(`{3,}|~{3,})(.*)$')
EXPECT = re.compile(r'^\s*#\s*expect:\s*(\S+)\s*(.*?)\s*$', re.IGNORECASE)
# A number as Python and NumPy print it: 1, -0.5, 1., 2.5e-18, nan, inf (not the 64 of float64).
NUMBER = re.compile(r'(?<![\w.])[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf)(?![\w.])')

DEFAULT_PRINTOPTIONS = np.get_printoptions()
if int(np.__version__.split('.')[0]) >= 2:
    DEFAULT_PRINTOPTIONS['legacy'] = '1.25'   # scalars print as 0.5, not np.float64(0.5)


# ---------------------------------------------------------------------------- reading

def code_blocks(text):
    """(fence line, info string, code, first code line) of every fenced block after the front matter."""
    lines = text.split('\n')
    i = 0
    if lines and lines[0].rstrip() == '---':
        end = next((k for k in range(1, len(lines)) if lines[k].rstrip() == '---'), None)
        i = 0 if end is None else end + 1
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or (m.group(2)[0] == '`' and '`' in m.group(3)):
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).strip()
        close = re.compile(r'^ {0,3}' + re.escape(fence[0]) + '{%d,}\\s*$' % len(fence))
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        body = [re.sub(r'^ {0,%d}' % indent, '', line) for line in lines[i + 1:j]]
        yield i + 1, info, '\n'.join(body) + '\n' if body else '', i + 2
        i = j + 1


def pieces(code, first_line):
    """The block as ('code', line, text) and ('example', line, doctest.Example), in order."""
    offset = 0
    for piece in doctest.DocTestParser().parse(code):
        if isinstance(piece, str):
            if piece.strip():
                yield 'code', first_line + offset, piece
            offset += piece.count('\n')
        else:
            yield 'example', first_line + piece.lineno, piece
            offset = piece.lineno + piece.source.count('\n') + piece.want.count('\n')


# ---------------------------------------------------------------------------- comparing

def _numbers(text):
    """The text with its numbers taken out (and no whitespace), and the numbers as
    (value, is a float, written with an exponent)."""
    found = NUMBER.findall(text)
    skeleton = ''.join(NUMBER.sub('#', text).split())
    return skeleton, [(float(n), bool(re.search(r'[.eEn]', n)), 'e' in n.lower()) for n in found]


def numbers_match(want, got):
    """Same text around the numbers (whitespace aside) and every number within tolerance.

    Within REL_TOL relatively or ABS_TOL absolutely; but an expected number written with an
    exponent (4.2e-18) states its size, so it is compared relatively only: 0.0 is not 4.2e-18.
    nan matches only nan, inf only inf of the same sign, an integer never a float (1 vs 1.0).
    """
    want_skeleton, want_numbers = _numbers(want)
    got_skeleton, got_numbers = _numbers(got)
    if want_skeleton != got_skeleton or len(want_numbers) != len(got_numbers):
        return False
    for (a, a_float, a_exponent), (b, b_float, _) in zip(want_numbers, got_numbers):
        if a_float != b_float:
            return False
        if math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
            if not (a == b or (math.isnan(a) and math.isnan(b))):
                return False
        elif not math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0 if a_exponent else ABS_TOL):
            return False
    return True


class NumericChecker(doctest.OutputChecker):
    """doctest's comparison, then, if that fails, the numbers compared with a tolerance."""

    def check_output(self, want, got, optionflags):
        return super().check_output(want, got, optionflags) or numbers_match(want, got)


CHECKER = NumericChecker()


# ---------------------------------------------------------------------------- running

class Expect:
    """One `# expect: Name text` line: a warning or exception class and a part of its message."""

    def __init__(self, line, name, text):
        self.line, self.name, self.text = line, name, text
        self.cls = getattr(builtins, name, None)
        if not (isinstance(self.cls, type) and issubclass(self.cls, BaseException)):
            self.cls = None
        self.seen = False

    def matches(self, cls, message):
        return (self.cls is not None and issubclass(cls, self.cls)
                and self.text.lower() in message.lower())


def _describe(cls, message):
    return f'{cls.__name__}: {message}'


def _traceback(error):
    """The exception's traceback from the sample's own frame on (the runner's exec left out)."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    return ''.join(traceback.format_exception(type(error), error, tb))


class Block:
    def __init__(self, path, index, line, info, code, first_line):
        words = info.split()
        self.path, self.index, self.line = path, index, line
        self.flags = words[1:]
        self.naive = 'naive' in self.flags
        self.code, self.first_line = code, first_line
        self.failures, self.warnings = [], []
        self.examples = self.outputs = 0
        self.expects = []

    def fail(self, line, kind, message, **extra):
        self.failures.append({'line': line, 'kind': kind, 'message': message, **extra})

    def report(self):
        return {'index': self.index, 'line': self.line, 'flags': self.flags, 'naive': self.naive,
                'code': self.code, 'ok': not self.failures,
                'examples': self.examples, 'outputs': self.outputs,
                'warnings': self.warnings, 'failures': sorted(self.failures, key=lambda f: f['line'])}

    # Warnings and exceptions -------------------------------------------------------------

    def _declared(self, cls, message):
        hits = [e for e in self.expects if e.matches(cls, message)]
        for e in hits:
            e.seen = True
        return bool(hits)

    def _warned(self, line, caught):
        for w in caught:
            cls, message = w.category, str(w.message)
            at = w.lineno if w.filename == str(self.path) else line
            self.warnings.append({'line': at, 'category': cls.__name__, 'message': message})
            declared = self._declared(cls, message)
            if issubclass(cls, RuntimeWarning) and not self.naive:
                self.fail(at, 'warning', f'a sample that is not ```python naive warned: {_describe(cls, message)}')
            elif not declared:
                self.fail(at, 'warning', f'undeclared warning (add "# expect: {cls.__name__} …"): '
                          f'{_describe(cls, message)}')

    def _raised(self, line, error):
        """True when the exception was declared; otherwise a failure."""
        if self._declared(type(error), str(error)):
            return True
        self.fail(line, 'exception', 'unexpected exception',
                  got=_traceback(error))
        return False

    # Pieces ------------------------------------------------------------------------------

    def run(self, globs):
        parsed = list(pieces(self.code, self.first_line))
        for kind, line, piece in parsed:
            if kind == 'code':
                for offset, text in enumerate(piece.split('\n')):
                    m = EXPECT.match(text)
                    if m:
                        self.expects.append(Expect(line + offset, m.group(1), m.group(2)))
            elif any(EXPECT.match(text) for text in piece.want.split('\n')):
                self.fail(line, 'convention', 'an "# expect:" line right after an output is read as '
                          'part of it: put it before the >>> lines or after a blank line')
        for e in self.expects:
            if e.cls is None:
                self.fail(e.line, 'convention', f'"# expect: {e.name}": not a Python warning or exception class')
            elif issubclass(e.cls, RuntimeWarning) and not self.naive:
                self.fail(e.line, 'convention', 'only a ```python naive block may expect a RuntimeWarning')
        unknown = [f for f in self.flags if f not in BLOCK_FLAGS]
        if unknown:
            self.fail(self.line, 'convention', f'unknown flag {" ".join(unknown)} after ```python '
                      '(the only one is naive; code that does not run is ```text)')
            return
        for kind, line, piece in parsed:
            ok = self._run_code(globs, line, piece) if kind == 'code' else self._run_example(globs, line, piece)
            if not ok:
                break
        for e in self.expects:
            if e.cls is not None and not e.seen:
                what = 'warning' if issubclass(e.cls, Warning) else 'exception'
                self.fail(e.line, 'expect', f'the declared {what} did not occur: {e.name} {e.text}'.rstrip())

    def _run_code(self, globs, line, text):
        """Plain code, statement by statement. False when the block cannot go on."""
        filename = str(self.path)
        try:
            tree = ast.parse('\n' * (line - 1) + text, filename)
        except SyntaxError as error:
            self.fail(error.lineno or line, 'syntax', f'SyntaxError: {error.msg}')
            return False
        for statement in tree.body:
            code = compile(ast.Module(body=[statement], type_ignores=[]), filename, 'exec')
            with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter('always')
                try:
                    exec(code, globs)
                    error = None
                except Exception as e:   # noqa: BLE001 -- a sample's failure is data here
                    error = e
            self._warned(statement.lineno, caught)
            if error is not None and not self._raised(statement.lineno, error):
                return False
        return True

    def _run_example(self, globs, line, example):
        """One >>> example, as doctest runs it. Always True: later examples still run."""
        self.examples += 1
        self.outputs += bool(example.want)
        if example.options.get(doctest.SKIP):
            self.fail(line, 'convention', '+SKIP: code that does not run goes in a ```text block')
            return True
        source = example.source
        out = io.StringIO()
        try:
            code = compile('\n' * (line - 1) + source, str(self.path), 'single', dont_inherit=True)
        except SyntaxError as error:
            self.fail(line, 'syntax', f'SyntaxError: {error.msg}', source=source)
            return True
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
            warnings.simplefilter('always')
            try:
                exec(code, globs)
                error = None
            except Exception as e:   # noqa: BLE001
                error = e
        self._warned(line, caught)
        got = out.getvalue()
        flags = FLAGS
        for flag, on in example.options.items():
            flags = flags | flag if on else flags & ~flag
        if error is None:
            if not CHECKER.check_output(example.want, got, flags):
                self.fail(line, 'output', 'the output differs', source=source, expected=example.want, got=got,
                          diff=CHECKER.output_difference(example, got, flags))
        elif example.exc_msg is not None:
            self._declared(type(error), str(error))
            got_msg = ''.join(traceback.format_exception_only(type(error), error))
            if not CHECKER.check_output(example.exc_msg, got_msg, flags):
                self.fail(line, 'output', 'the exception differs', source=source,
                          expected=example.exc_msg, got=got_msg,
                          diff=CHECKER.output_difference(example, got_msg, flags))
        else:
            self.fail(line, 'exception', 'unexpected exception', source=source, expected=example.want,
                      got=_traceback(error))
        return True


def fresh_namespace():
    """A new namespace, and NumPy's global settings back to their defaults."""
    np.seterr(all='warn', under='ignore')
    np.set_printoptions(**DEFAULT_PRINTOPTIONS)
    return {'__name__': '__sample__', '__builtins__': builtins}


def run_file(path):
    text = path.read_text(encoding='utf-8')
    blocks, problems = [], []
    for line, info, code, first_line in code_blocks(text):
        words = info.split()
        language = words[0].lower() if words else ''
        if language in PYTHON_LOOKALIKES:
            problems.append({'line': line, 'kind': 'convention',
                             'message': f'```{language}: a sample is ```python (it runs); code that does not run is ```text'})
        if language == 'python':
            blocks.append(Block(path, len(blocks), line, info, code, first_line))
    globs = fresh_namespace()
    for block in blocks:
        block.run(globs)
    reports = [block.report() for block in blocks]
    return {'file': display(path), 'lang': path.parent.name, 'section': path.stem,
            'ok': not problems and all(r['ok'] for r in reports),
            'problems': problems, 'blocks': reports}


# ---------------------------------------------------------------------------- parity

def signature(block):
    """What must be the same in both languages: the code without its comments, the outputs, the expects."""
    parts = [' '.join(block.flags)]
    for kind, _, piece in pieces(block.code, block.first_line):
        if kind == 'code':
            try:
                parts.append(ast.dump(ast.parse(piece)))
            except SyntaxError:
                parts.append(piece)
            parts += [' '.join(m.group(1, 2)) for m in map(EXPECT.match, piece.split('\n')) if m]
        else:
            try:
                source = ast.dump(ast.parse(piece.source))
            except SyntaxError:
                source = piece.source
            parts.append(f'>>> {source}\n{" ".join(piece.want.split())}')
    return parts


def parity(files):
    """Sections whose samples differ between languages (comments may differ)."""
    by_section = {}
    for path in files:
        by_section.setdefault(path.stem, []).append(path)
    mismatches = []
    for section, paths in sorted(by_section.items()):
        sigs = {}
        for path in paths:
            text = path.read_text(encoding='utf-8')
            sigs[path] = [signature(Block(path, i, line, info, code, first))
                          for i, (line, info, code, first) in enumerate(
                              b for b in code_blocks(text) if (b[1].split() or [''])[0] == 'python')]
        first, *rest = paths
        for other in rest:
            a, b = sigs[first], sigs[other]
            if len(a) != len(b):
                mismatches.append({'files': [display(first), display(other)],
                                   'message': f'{len(a)} samples against {len(b)}'})
                continue
            for index, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    mismatches.append({'files': [display(first), display(other)], 'block': index,
                                       'message': f'sample {index + 1} differs (comments aside)'})
    return mismatches


# ---------------------------------------------------------------------------- main

def display(path):
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--content', type=Path, help='a folder of <lang>/<section>.md (default web/content)')
    parser.add_argument('files', nargs='*', type=Path)
    args = parser.parse_args(argv)
    if args.files:
        files, check_parity = args.files, False
    else:
        files, check_parity = sorted((args.content or CONTENT).glob('*/*.md')), True
    results = [run_file(path) for path in files]
    mismatches = parity(files) if check_parity else []
    blocks = [b for r in results for b in r['blocks']]
    report = {
        'ok': all(r['ok'] for r in results) and not mismatches,
        'python': sys.version.split()[0], 'numpy': np.__version__,
        'tolerance': {'rel': REL_TOL, 'abs': ABS_TOL},
        'blocks': len(blocks), 'examples': sum(b['examples'] for b in blocks),
        'outputs': sum(b['outputs'] for b in blocks),
        'files': results, 'parity': mismatches,
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')
    return 0 if report['ok'] else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

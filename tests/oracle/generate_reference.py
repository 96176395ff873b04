#!/usr/bin/python3
"""Independent high-precision oracle for the activation core's accuracy tests.

Usage: /usr/bin/python3 tests/oracle/generate_reference.py OUTPUT_PATH

Run it with Debian's /usr/bin/python3, which has python3-mpmath; a pyenv `python3`
on PATH may not. The output is deterministic (fixed seed, no timestamps).

Method
------
Every value is computed with mpmath at PREC bits (far beyond double's 53), then
rounded ONCE to the nearest double (ties to even) by `to_double`, which converts
the exact binary value man * 2**exp with Python's integer true division; CPython
rounds int/int correctly, subnormals and underflow to 0 included. (mpmath's own
float() rounds to 53 bits first and then lets ldexp round again in the subnormal
range, i.e. double rounding, so it is not used.)

For transcendental results a Ziv-style check guards that single rounding: the
mpmath value is within a few units of 2**-PREC of the true one, so if v*(1-d) and
v*(1+d) with d = 2**-(PREC-40) round to the same double, that double is the
correctly rounded true value. If they do not, the point is recomputed at twice
the precision (and the script aborts if even that is ambiguous). Products such as
leaky relu's 0.2*x are exact at PREC bits (106 bits suffice), so they are rounded
directly, ties to even, like the hardware multiply.

Output: one record per line, floats as Python repr() (shortest round-trip form,
parsed exactly by strtod and by JS Number); lines starting with '#' are comments.
    scalar <slug> <x> <f> <df>
    softmax <T> <n> <z_1> ... <z_n> <s_1> ... <s_n>
"""

import os
import random
import sys

import mpmath
from mpmath import mp, mpf

PREC = 160  # working precision in bits; 2*PREC on the rare ambiguous rounding
GUARD = 40  # bits of slack allowed for mpmath's error in composite formulas

GRID_N = 10001  # x_i = -50.0 + i*0.01 (a double product, then a double sum)
EDGE_MAGNITUDES = [1e-300, 710.0, 745.0, 1000.0, 0.0, 5e-324, 1e-20, 20.0, 37.0, 40.0, 355.0,
                   709.78]

# Parameters at the registry's defaults (the C++ test checks they still are).
ELU_ALPHA = 1.0
SOFTPLUS_BETA = 1.0
LEAKY_SLOPE = 0.2
PRELU_SLOPE = 0.25

SEED = 20240229


def to_double(v):
    """Round the exact binary value of mpf v to the nearest double, ties to even."""
    if v == 0:
        return 0.0
    sign, man, exp, _ = v._mpf_  # v == (-1)**sign * man * 2**exp exactly (man_exp drops the sign)
    if sign:
        man = -man
    if exp >= 0:
        try:
            return float(man << exp)  # int -> float is correctly rounded
        except OverflowError:
            return float('inf') if man > 0 else float('-inf')
    return man / (1 << -exp)  # int / int is correctly rounded in CPython


class Ambiguous(Exception):
    pass


def round_checked(v):
    """to_double(v), after checking that v's small error cannot change the rounding."""
    if v == 0:
        return 0.0
    d = mpf(2) ** (-(mp.prec - GUARD))
    lo, mid, hi = to_double(v * (1 - d)), to_double(v), to_double(v * (1 + d))
    if not (lo == mid == hi):
        raise Ambiguous(repr(v))
    return mid


def at_precision(compute, *args):
    """compute(*args) -> tuple of mpf (checked) or ('exact', mpf) values, rounded to doubles."""
    for prec in (PREC, 2 * PREC):
        with mp.workprec(prec):
            try:
                out = []
                for item in compute(*args):
                    if isinstance(item, tuple):  # ('exact', value): round directly
                        out.append(to_double(item[1]))
                    else:
                        out.append(round_checked(item))
                return out
            except Ambiguous:
                continue
    raise RuntimeError(f'rounding still ambiguous at {2 * PREC} bits: {compute.__name__}{args}')


def exact(v):
    return ('exact', v)


# ---- scalar functions: each returns (f, f') at x as mpf at the current precision.

def sigmoid_pair(x):
    e = mpmath.exp(-mpf(x))
    return 1 / (1 + e), e / (1 + e) ** 2


def tanh_pair(x):
    x = mpf(x)
    return mpmath.tanh(x), mpmath.sech(x) ** 2


def elu_pair(x):
    a = mpf(ELU_ALPHA)
    if x > 0:
        return exact(mpf(x)), exact(mpf(1))
    return a * mpmath.expm1(mpf(x)), a * mpmath.exp(mpf(x))  # f'(0) = alpha


def softplus_pair(x):
    b = mpf(SOFTPLUS_BETA)
    t = b * mpf(x)
    f = mpmath.log1p(mpmath.exp(t)) / b
    df = 1 / (1 + mpmath.exp(-t))  # sigmoid(beta x)
    return f, df


def step_pair(x):
    return exact(mpf(1 if x > 0 else 0)), exact(mpf(0))


def relu_pair(x):
    return (exact(mpf(x)), exact(mpf(1))) if x > 0 else (exact(mpf(0)), exact(mpf(0)))


def slope_pair(slope):
    def pair(x):
        if x > 0:
            return exact(mpf(x)), exact(mpf(1))
        return exact(mpf(slope) * mpf(x)), exact(mpf(slope))  # exact product, rounded once
    return pair


SCALARS = [
    ('step', step_pair),
    ('sigmoid', sigmoid_pair),
    ('tanh', tanh_pair),
    ('relu', relu_pair),
    ('leaky-relu', slope_pair(LEAKY_SLOPE)),
    ('prelu', slope_pair(PRELU_SLOPE)),
    ('elu', elu_pair),
    ('softplus', softplus_pair),
]


def sample_points():
    xs = [-50.0 + i * 0.01 for i in range(GRID_N)]
    for m in EDGE_MAGNITUDES:
        xs.append(m)
        xs.append(-m)
    return xs


# ---- softmax: s_i = 1 / sum_j exp((z_j - z_i)/T), exact arithmetic on the given doubles.

def softmax_exact(z, t):
    zs = [mpf(v) for v in z]
    m = max(zs)
    t = mpf(t)
    w = [mpmath.exp((v - m) / t) for v in zs]
    total = mpmath.fsum(w)
    return [wi / total for wi in w]


def softmax_vectors():
    rng = random.Random(SEED)
    random_logits = [rng.uniform(-20.0, 20.0) for _ in range(1000)]
    spread = [rng.uniform(-745.0, 745.0) for _ in range(8)] + [-745.0, 745.0]
    rng.shuffle(spread)
    cases = [
        (1.0, [1000.0, 1000.0]),
        (1.0, [-1000.0, -1000.0]),
        (1.0, [710.0, 0.0, -710.0]),
        (1.0, [0.0]),
        (1.0, [1.0, 2.0, 3.0]),
        (1.0, [-50.0, 0.0, 50.0, 1e-300]),
        (1.0, random_logits),
        (1.0, spread),
        # z/T would overflow exp without the max shift; T = 0.5 is exact in binary.
        (0.5, [710.0, 0.0, -710.0]),
        # T = 3 makes (z - max)/T inexact in double: the core must not lose it.
        (3.0, random_logits),
    ]
    return cases


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: generate_reference.py OUTPUT_PATH\n')
        return 2
    lines = [
        '# Activation Explorer accuracy reference, generated by tests/oracle/generate_reference.py',
        f'# mpmath {mpmath.__version__}, {PREC}-bit working precision, each value rounded once to '
        'the nearest double',
        f'# defaults: elu alpha={ELU_ALPHA!r} softplus beta={SOFTPLUS_BETA!r} '
        f'leaky-relu slope={LEAKY_SLOPE!r} prelu a={PRELU_SLOPE!r}',
        '# scalar <slug> <x> <f> <df>',
        '# softmax <T> <n> <z_1..z_n> <s_1..s_n>',
    ]
    xs = sample_points()
    for slug, pair in SCALARS:
        for x in xs:
            f, df = at_precision(pair, x)
            lines.append(f'scalar {slug} {x!r} {f!r} {df!r}')
    for t, z in softmax_vectors():
        s = at_precision(softmax_exact, z, t)
        fields = ['softmax', repr(t), str(len(z))] + [repr(v) for v in z] + [repr(v) for v in s]
        lines.append(' '.join(fields))
    path = argv[1]
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    partial = path + '.partial'  # renamed into place, so no half-written file is left behind
    with open(partial, 'w', encoding='ascii', newline='\n') as out:
        out.write('\n'.join(lines) + '\n')
    os.replace(partial, path)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

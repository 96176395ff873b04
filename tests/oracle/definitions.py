"""The oracle's own definition of every function, written from the mathematics with mpmath,
independently of the C++ core. One entry per registry slug: adding a function to the core
without adding it here makes generate_reference.py fail, naming it.

SCALAR[slug](x, p) -> (f, f') at x, for the kinds with a curve. `p` maps each parameter's
name to its value (a double) and, for the pieces kind, 'pieces' to [(w, b), ...]. Values are
mpf at the current precision, or exact(mpf) where the result is exact at that precision
(products of doubles), so it is rounded once like the hardware's multiply.

VECTOR[slug] = (function, cases): function(z, p) -> outputs; cases: [(p, z), ...].
"""

import random
from fractions import Fraction

import mpmath
from mpmath import mpf

from rounding import exact


def step(x, p):
    return exact(mpf(1 if x > 0 else 0)), exact(mpf(0))


def sigmoid(x, p):
    e = mpmath.exp(-mpf(x))
    return 1 / (1 + e), e / (1 + e) ** 2


def tanh(x, p):
    x = mpf(x)
    return mpmath.tanh(x), mpmath.sech(x) ** 2


def relu(x, p):
    return (exact(mpf(x)), exact(mpf(1))) if x > 0 else (exact(mpf(0)), exact(mpf(0)))


def softplus(x, p):
    b = mpf(p['beta'])
    t = b * mpf(x)
    return mpmath.log1p(mpmath.exp(t)) / b, 1 / (1 + mpmath.exp(-t))  # f' = sigmoid(beta x)


def slope_of(name):
    """x for x > 0, else slope*x (Leaky ReLU's alpha, PReLU's a); f'(0) = slope."""
    def pair(x, p):
        if x > 0:
            return exact(mpf(x)), exact(mpf(1))
        return exact(mpf(p[name]) * mpf(x)), exact(mpf(p[name]))
    return pair


def elu(x, p):
    a = mpf(p['alpha'])
    if x > 0:
        return exact(mpf(x)), exact(mpf(1))
    return a * mpmath.expm1(mpf(x)), a * mpmath.exp(mpf(x))  # f'(0) = alpha


def maxout(x, p):
    """The largest piece w*x + b; f' is the winner's w, ties to the lowest index."""
    values = [mpf(w) * mpf(x) + mpf(b) for w, b in p['pieces']]
    best = max(range(len(values)), key=lambda i: (values[i], -i))
    return exact(values[best]), exact(mpf(p['pieces'][best][0]))


def softsign(x, p):
    d = 1 + abs(mpf(x))
    return mpf(x) / d, 1 / d ** 2


def log_sigmoid(x, p):
    e = mpmath.exp(-mpf(x))
    return -mpmath.log1p(e), e / (1 + e)  # f' = 1 - sigmoid(x) = sigmoid(-x)


def tanhshrink(x, p):
    """x - tanh x; f' = tanh^2 x. Near 0 the difference is about x^3/3, so it cancels
    about 2*|log2 x| bits: the precision is raised by that much first."""
    x = mpf(x)
    if x == 0:
        return exact(mpf(0)), exact(mpf(0))
    with mpmath.extraprec(2 * max(0, -mpmath.mag(x)) + 20):
        t = mpmath.tanh(x)
        return x - t, t ** 2


def softshrink(x, p):
    """Soft thresholding: x - lambda above lambda, x + lambda below -lambda, else 0;
    f' is 1 where |x| > lambda and 0 on [-lambda, lambda] (PyTorch's mask)."""
    lam = mpf(p['lambda'])
    if mpf(x) > lam:
        return exact(mpf(x) - lam), exact(mpf(1))
    if mpf(x) < -lam:
        return exact(mpf(x) + lam), exact(mpf(1))
    return exact(mpf(0)), exact(mpf(0))


def hardshrink(x, p):
    """Hard thresholding: x where |x| > lambda, else 0 (0 at +-lambda too)."""
    if abs(mpf(x)) > mpf(p['lambda']):
        return exact(mpf(x)), exact(mpf(1))
    return exact(mpf(0)), exact(mpf(0))


def rrelu(x, p):
    """RReLU in evaluation: x for x >= 0, else the mean slope (lower + upper)/2 times x;
    f'(0) = that slope, as Leaky ReLU's."""
    slope = (mpf(p['lower']) + mpf(p['upper'])) / 2
    if x > 0:
        return exact(mpf(x)), exact(mpf(1))
    return exact(slope * mpf(x)), exact(slope)
# SELU's constants (Klambauer et al., 2017) as the nearest doubles, which every framework uses;
# the oracle multiplies by them exactly.
SELU_ALPHA = mpf(1.6732632423543772)
SELU_LAMBDA = mpf(1.0507009873554805)


def selu(x, p):
    if x > 0:
        return exact(SELU_LAMBDA * mpf(x)), exact(SELU_LAMBDA)
    scale = SELU_LAMBDA * SELU_ALPHA
    # expm1: at 160 bits e^x - 1 would be 0 for |x| < 2^-160 (x = -5e-324 is an edge point).
    return scale * mpmath.expm1(mpf(x)), scale * mpmath.exp(mpf(x))  # f'(0) = lambda*alpha


def celu(x, p):
    """max(0, x) + min(0, alpha*(exp(x/alpha) - 1)); f' = exp(x/alpha) for x <= 0."""
    a = mpf(p['alpha'])
    if x > 0:
        return exact(mpf(x)), exact(mpf(1))
    t = mpf(x) / a
    return a * mpmath.expm1(t), mpmath.exp(t)


# ---- the hard functions: piecewise polynomials in x, computed exactly with Fractions and
# rounded once (float(Fraction) is correctly rounded), so a value that is a double or a tie
# between two needs no precision check.

def rational(v):
    return exact(mpf(float(v)))


def clipped(lo, hi):
    """min(max(lo, x), hi); f' = 1 strictly between lo and hi, 0 at and beyond them."""
    def pair(x, p):
        t = Fraction(x)
        inside = lo < t < hi
        return rational(min(max(Fraction(lo), t), Fraction(hi))), rational(1 if inside else 0)
    return pair


def hard_sigmoid(x, p):
    """clip(s*x + 1/2, 0, 1) with s the parameter's double; f' = s strictly inside."""
    s = Fraction(p['slope'])
    t = s * Fraction(x) + Fraction(1, 2)
    return rational(min(max(t, Fraction(0)), Fraction(1))), rational(s if 0 < t < 1 else 0)


def hard_swish(x, p):
    """x * relu6(x + 3) / 6; f' = (2x + 3)/6 on [-3, 3] (ends included), 0 left, 1 right."""
    t = Fraction(x)
    f = t * min(max(t + 3, Fraction(0)), Fraction(6)) / 6
    df = Fraction(0) if t < -3 else (2 * t + 3) / 6 if t <= 3 else Fraction(1)
    return rational(f), rational(df)
def gated(pair):
    """For f = x * gate(x) with gate(0) = 1/2 (GELU, SiLU): at x = +-5e-324, x/2 is a rounding
    tie that only the x^2 term, 2^-1074 times smaller, decides. There f is computed at 2,400
    bits, enough to see that term, and rounded directly."""
    def tie_resolved(x, p):
        if x != 0 and abs(x) < 1e-300:
            with mpmath.workprec(2400):
                f, _ = pair(x, p)
            return exact(f), pair(x, p)[1]
        return pair(x, p)
    return tie_resolved


def gelu(x, p):
    """x Phi(x), Phi the standard normal CDF; f' = Phi(x) + x phi(x)."""
    x = mpf(x)
    cdf = mpmath.erfc(-x / mpmath.sqrt(2)) / 2
    pdf = mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)
    return x * cdf, cdf + x * pdf


def gelu_tanh(x, p):
    """x/2 (1 + tanh u), u = sqrt(2/pi)(x + 0.044715 x^3), both constants as the nearest
    doubles (as frameworks write them), taken exactly; f' = (1 + tanh u)/2 + x/2 sech^2(u) u'."""
    x = mpf(x)
    k0 = mpf(0.7978845608028654)
    k1 = mpf(0.044715)
    u = k0 * (x + k1 * x ** 3)
    du = k0 * (1 + 3 * k1 * x ** 2)
    t = mpmath.tanh(u)
    # 1 + tanh u, without cancelling for u << 0 (mpmath's tanh rounds to -1 there too).
    one_plus_t = 2 / (1 + mpmath.exp(-2 * u))
    return x / 2 * one_plus_t, one_plus_t / 2 + x / 2 * mpmath.sech(u) ** 2 * du


def silu(x, p):
    """x sigmoid(beta x); f' = s + beta x s (1 - s) with s = sigmoid(beta x)."""
    x = mpf(x)
    t = mpf(p['beta']) * x
    s = 1 / (1 + mpmath.exp(-t))
    return x * s, s + t * s * (1 - s)


def mish(x, p):
    """x tanh(softplus(x)); f' = tanh(sp) + x sech^2(sp) sigmoid(x)."""
    x = mpf(x)
    sp = mpmath.log1p(mpmath.exp(x))
    return x * mpmath.tanh(sp), mpmath.tanh(sp) + x * mpmath.sech(sp) ** 2 / (1 + mpmath.exp(-x))


def squareplus(x, p):
    """(x + sqrt(x^2 + b))/2; f' = (1 + x/sqrt(x^2 + b))/2."""
    x = mpf(x)
    r = mpmath.sqrt(x * x + mpf(p['b']))
    return (x + r) / 2, (1 + x / r) / 2


SCALAR = {
    'step': step,
    'sigmoid': sigmoid,
    'tanh': tanh,
    'relu': relu,
    'softplus': softplus,
    'leaky-relu': slope_of('alpha'),
    'prelu': slope_of('a'),
    'elu': elu,
    'maxout': maxout,
    'softsign': softsign,
    'log-sigmoid': log_sigmoid,
    'tanhshrink': tanhshrink,
    'softshrink': softshrink,
    'hardshrink': hardshrink,
    'rrelu': rrelu,
    'selu': selu,
    'celu': celu,
    'relu6': clipped(0, 6),
    'hard-sigmoid': hard_sigmoid,
    'hard-swish': hard_swish,
    'hard-tanh': clipped(-1, 1),
    'gelu': gated(gelu),
    'gelu-tanh': gated(gelu_tanh),
    'silu': gated(silu),
    'mish': mish,
    'squareplus': squareplus,
}


# ---- vector functions: exact arithmetic on the given double logits.

def softmax(z, p):
    """s_i = exp((z_i - max)/T) / sum_j exp((z_j - max)/T)."""
    zs = [mpf(v) for v in z]
    m = max(zs)
    t = mpf(p['temperature'])
    w = [mpmath.exp((v - m) / t) for v in zs]
    total = mpmath.fsum(w)
    return [wi / total for wi in w]


def log_softmax(z, p):
    """l_i = (z_i - max)/T - log(sum_j exp((z_j - max)/T)), exactly; finite wherever z is."""
    zs = [mpf(v) for v in z]
    m = max(zs)
    t = mpf(p['temperature'])
    # log(1 + rest) with log1p: at mpmath's working precision 1 + e^-1420 would round to 1.
    top = zs.index(m)
    log_total = mpmath.log1p(mpmath.fsum(mpmath.exp((v - m) / t) for i, v in enumerate(zs) if i != top))
    return [(v - m) / t - log_total for v in zs]


def softmax_cases(seed=20240229):
    rng = random.Random(seed)
    random_logits = [rng.uniform(-20.0, 20.0) for _ in range(1000)]
    spread = [rng.uniform(-745.0, 745.0) for _ in range(8)] + [-745.0, 745.0]
    rng.shuffle(spread)
    at = lambda t: {'temperature': t}  # noqa: E731
    return [
        (at(1.0), [1000.0, 1000.0]),
        (at(1.0), [-1000.0, -1000.0]),
        (at(1.0), [710.0, 0.0, -710.0]),
        (at(1.0), [0.0]),
        (at(1.0), [1.0, 2.0, 3.0]),
        (at(1.0), [-50.0, 0.0, 50.0, 1e-300]),
        (at(1.0), random_logits),
        (at(1.0), spread),
        # z/T would overflow exp without the max shift; T = 0.5 is exact in binary.
        (at(0.5), [710.0, 0.0, -710.0]),
        # T = 3 makes (z - max)/T inexact in double: the core must not lose it.
        (at(3.0), random_logits),
    ]


VECTOR = {
    'softmax': (softmax, softmax_cases()),
    'log-softmax': (log_softmax, softmax_cases()),
}

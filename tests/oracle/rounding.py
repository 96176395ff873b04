"""Rounding mpmath values once, correctly, to doubles (see README.md, "Method")."""

from mpmath import mp, mpf

PREC = 160  # working precision in bits; 2*PREC on the rare ambiguous rounding
GUARD = 40  # bits of slack allowed for mpmath's error in composite formulas


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


def exact(v):
    """Marks a value that is exact at the working precision: rounded directly."""
    return ('exact', v)


def at_precision(compute, *args):
    """compute(*args) -> iterable of mpf (checked) or exact(mpf) values, rounded to doubles."""
    for prec in (PREC, 2 * PREC):
        with mp.workprec(prec):
            try:
                out = []
                for item in compute(*args):
                    if isinstance(item, tuple):
                        out.append(to_double(item[1]))
                    else:
                        out.append(round_checked(item))
                return out
            except Ambiguous:
                continue
    raise RuntimeError(f'rounding still ambiguous at {2 * PREC} bits: {compute}{args}')

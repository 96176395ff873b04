// Distance between two doubles in units in the last place, for the accuracy tests.
//
// Each double's bits are read as a signed 64-bit integer; negative doubles
// (sign-magnitude) are reflected to -2^63 - bits, so the integers are ordered like
// the doubles, adjacent doubles differ by 1, and -0 and +0 both map to 0.

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const MIN_INT64 = -(2n ** 63n);

/** The ordered integer (BigInt) of double x. */
export function orderedBits(x) {
  f64[0] = x;
  const bits = i64[0];
  return bits < 0n ? MIN_INT64 - bits : bits;
}

/**
 * ULP distance between doubles a and b as a Number: 0 when equal (+0 equals -0),
 * 1 for neighbours; Infinity when either is NaN, so NaN never passes a tolerance.
 * Distances beyond 2^53 lose precision, which no tolerance cares about.
 */
export function ulpDistance(a, b) {
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  const d = orderedBits(a) - orderedBits(b);
  return Number(d < 0n ? -d : d);
}

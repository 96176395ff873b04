#include "softmax.hpp"

#include <cmath>

#include "exact_arithmetic.hpp"

namespace activation {

namespace detail {
// The shifted logit x - max is carried exactly (two_difference) and divided by T keeping the
// remainder: plain (x - max)/T would cost ~|x - max| ULP after exp.
inline TwoDouble divide(TwoDouble d, double t) noexcept {
  if (t == 1.0) return d;
  const double q = d.hi / t;
  const TwoDouble qt = two_product(q, t);
  // Exact remainder of d.hi - q*t, plus the low part, over t.
  const double r = ((d.hi - qt.hi) - qt.lo) + d.lo;
  return {q, r / t};
}
}  // namespace detail

void softmax(const double* logits, std::size_t n, double temperature, double* out) noexcept {
  double max = -INFINITY;
  bool any_nan = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(logits[i])) any_nan = true;
    if (logits[i] > max) max = logits[i];
  }
  if (any_nan) {
    for (std::size_t i = 0; i < n; ++i) out[i] = NAN;
    return;
  }
  // All -inf is the limit of equal logits: a uniform distribution.
  if (max == -INFINITY) {
    for (std::size_t i = 0; i < n; ++i) out[i] = 1.0 / static_cast<double>(n);
    return;
  }
  // Several +inf logits share the mass equally; a lone +inf takes all of it.
  if (std::isinf(max) && max > 0) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) count += logits[i] == max;
    for (std::size_t i = 0; i < n; ++i) out[i] = logits[i] == max ? 1.0 / static_cast<double>(count) : 0.0;
    return;
  }
  // Neumaier-compensated sum of exp((x - max)/T), each term corrected to first order
  // by the exact low part of its argument: exp(hi + lo) ~ exp(hi) * (1 + lo).
  double sum = 0.0, compensation = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const TwoDouble arg = detail::divide(two_difference(logits[i], max), temperature);
    const double e = std::exp(arg.hi);
    const double term = std::isfinite(arg.lo) ? e + e * arg.lo : e;
    out[i] = term;
    const double t = sum + term;
    compensation += std::fabs(sum) >= std::fabs(term) ? (sum - t) + term : (term - t) + sum;
    sum = t;
  }
  const double total = sum + compensation;
  for (std::size_t i = 0; i < n; ++i) out[i] /= total;
}

void log_softmax(const double* logits, std::size_t n, double temperature, double* out) noexcept {
  double max = -INFINITY;
  std::size_t top = 0;  // the first largest logit: its own term, exp(0) = 1, is left out of the sum
  bool any_nan = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(logits[i])) any_nan = true;
    if (logits[i] > max) {
      max = logits[i];
      top = i;
    }
  }
  if (any_nan) {
    for (std::size_t i = 0; i < n; ++i) out[i] = NAN;
    return;
  }
  // The logarithms of softmax's limits: all -inf is uniform, +inf logits share the mass.
  if (max == -INFINITY) {
    for (std::size_t i = 0; i < n; ++i) out[i] = -std::log(static_cast<double>(n));
    return;
  }
  if (std::isinf(max) && max > 0) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) count += logits[i] == max;
    for (std::size_t i = 0; i < n; ++i) out[i] = logits[i] == max ? -std::log(static_cast<double>(count)) : -INFINITY;
    return;
  }
  // log sum_j exp(d_j) = log1p(sum over j != top): the largest term is exactly 1, so the
  // rest is summed (compensated, each term corrected by its argument's low part) and log1p
  // keeps it when it is tiny.
  double sum = 0.0, compensation = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i == top) continue;
    const TwoDouble arg = detail::divide(two_difference(logits[i], max), temperature);
    const double e = std::exp(arg.hi);
    const double term = std::isfinite(arg.lo) ? e + e * arg.lo : e;
    const double t = sum + term;
    compensation += std::fabs(sum) >= std::fabs(term) ? (sum - t) + term : (term - t) + sum;
    sum = t;
  }
  const double log_total = std::log1p(sum + compensation);
  // d_i - log_total: both parts are <= 0, so nothing cancels.
  for (std::size_t i = 0; i < n; ++i) {
    const TwoDouble arg = detail::divide(two_difference(logits[i], max), temperature);
    out[i] = (arg.hi - log_total) + (std::isfinite(arg.lo) ? arg.lo : 0.0);
  }
}

void log_softmax_jacobian(const double* log_probabilities, std::size_t n, double temperature,
                          double* out) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      out[i * n + j] = (i == j ? -std::expm1(log_probabilities[j]) : -std::exp(log_probabilities[j])) / temperature;
    }
  }
}

void log_softmax_jacobian_diagonal(const double* log_probabilities, std::size_t n, double temperature,
                                   double* out) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = -std::expm1(log_probabilities[i]) / temperature;
}

void softmax_jacobian(const double* probabilities, std::size_t n, double temperature,
                      double* out) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    const double si = probabilities[i];
    for (std::size_t j = 0; j < n; ++j) {
      const double sj = probabilities[j];
      out[i * n + j] = (i == j ? si * (1.0 - si) : -si * sj) / temperature;
    }
  }
}

void softmax_jacobian_diagonal(const double* probabilities, std::size_t n, double temperature,
                               double* out) noexcept {
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = probabilities[i] * (1.0 - probabilities[i]) / temperature;
  }
}

}  // namespace activation

#include "maxout.hpp"

#include <algorithm>
#include <cmath>

namespace activation {

namespace {
// w = 0 must give b even at x = +-inf, where 0 * inf would be NaN.
double piece_value(const Piece& p, double x) noexcept { return p.w == 0.0 ? p.b : p.w * x + p.b; }
}  // namespace

std::vector<Piece> maxout_default_pieces() { return {{0.0, 0.0}, {1.0, 0.0}}; }

std::size_t maxout_argmax(double x, const Piece* pieces, std::size_t k) noexcept {
  std::size_t best = 0;
  double best_value = piece_value(pieces[0], x);
  for (std::size_t i = 1; i < k; ++i) {
    const double v = piece_value(pieces[i], x);
    if (v > best_value) {
      best_value = v;
      best = i;
    }
  }
  return best;
}

void maxout_argmax_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                         std::size_t k) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<double>(maxout_argmax(x[i], pieces, k));
}

double maxout(double x, const Piece* pieces, std::size_t k) noexcept {
  if (std::isnan(x)) return x;
  return piece_value(pieces[maxout_argmax(x, pieces, k)], x);
}

void maxout_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                  std::size_t k) noexcept {
  for (std::size_t i = 0; i < n; ++i) out[i] = piece_value(pieces[0], x[i]);
  for (std::size_t j = 1; j < k; ++j) {
    const Piece p = pieces[j];
    for (std::size_t i = 0; i < n; ++i) {
      const double v = piece_value(p, x[i]);
      out[i] = v > out[i] ? v : out[i];  // strictly greater: ties keep the lower index
    }
  }
  for (std::size_t i = 0; i < n; ++i) out[i] = x[i] != x[i] ? x[i] : out[i];
}

void maxout_derivative_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                             std::size_t k) noexcept {
  // Blocks small enough that the running best values stay on the stack and in cache.
  constexpr std::size_t kBlock = 256;
  double best[kBlock];
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t m = std::min(kBlock, n - start);
    const double* xb = x + start;
    double* slope = out + start;
    for (std::size_t i = 0; i < m; ++i) {
      best[i] = piece_value(pieces[0], xb[i]);
      slope[i] = pieces[0].w;
    }
    for (std::size_t j = 1; j < k; ++j) {
      const Piece p = pieces[j];
      for (std::size_t i = 0; i < m; ++i) {
        const double v = piece_value(p, xb[i]);
        const bool wins = v > best[i];
        best[i] = wins ? v : best[i];
        slope[i] = wins ? p.w : slope[i];
      }
    }
    for (std::size_t i = 0; i < m; ++i) slope[i] = xb[i] != xb[i] ? xb[i] : slope[i];
  }
}

double maxout_derivative(double x, const Piece* pieces, std::size_t k) noexcept {
  if (std::isnan(x)) return x;
  return pieces[maxout_argmax(x, pieces, k)].w;
}

std::vector<double> maxout_breakpoints(const Piece* pieces, std::size_t k) {
  // Candidate crossings of every pair; keep those where the winner really changes slope.
  std::vector<double> candidates;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i + 1; j < k; ++j) {
      if (pieces[i].w != pieces[j].w) {
        // + 0.0 turns a -0 crossing into 0, which reads better and compares the same.
        candidates.push_back((pieces[j].b - pieces[i].b) / (pieces[i].w - pieces[j].w) + 0.0);
      }
    }
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<double> breakpoints;
  for (double c : candidates) {
    if (!breakpoints.empty() && breakpoints.back() == c) continue;
    const double h = 1e-9 * std::max(1.0, std::fabs(c));
    const double left = pieces[maxout_argmax(c - h, pieces, k)].w;
    const double right = pieces[maxout_argmax(c + h, pieces, k)].w;
    if (left != right) breakpoints.push_back(c);
  }
  return breakpoints;
}

}  // namespace activation

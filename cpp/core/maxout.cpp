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

// The batch forms' main loops test w = 0 (whose piece is b even at +-inf) once a pass, not
// once an element as piece_value does, so each is straight vector code: in wasm a
// per-element select on it became a branch. Pieces are copied to locals because out could alias them,
// which would reload them every element. NaN inputs start at NaN (their result), which no
// piece can beat, so no pass fixes them up afterwards. Ties keep the lower index (strictly
// greater wins), written best < v so that clang emits wasm's one-instruction pmax and gcc
// vectorises the maximum.
void maxout_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                  std::size_t k) noexcept {
  const Piece first = pieces[0];
  if (first.w == 0.0) {
    for (std::size_t i = 0; i < n; ++i) out[i] = x[i] != x[i] ? x[i] : first.b;
  } else {
    for (std::size_t i = 0; i < n; ++i) out[i] = x[i] != x[i] ? x[i] : first.w * x[i] + first.b;
  }
  for (std::size_t j = 1; j < k; ++j) {
    const Piece p = pieces[j];
    if (p.w == 0.0) {
      for (std::size_t i = 0; i < n; ++i) out[i] = out[i] < p.b ? p.b : out[i];
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        const double v = p.w * x[i] + p.b;
        out[i] = out[i] < v ? v : out[i];
      }
    }
  }
}

void maxout_derivative_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                             std::size_t k) noexcept {
  // Blocks small enough that the running best values stay on the stack and in cache.
  constexpr std::size_t kBlock = 256;
  double best[kBlock];
  const Piece first = pieces[0];
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t m = std::min(kBlock, n - start);
    const double* xb = x + start;
    double* slope = out + start;
    for (std::size_t i = 0; i < m; ++i) {
      const bool nan = xb[i] != xb[i];
      best[i] = nan ? xb[i] : (first.w == 0.0 ? first.b : first.w * xb[i] + first.b);
      slope[i] = nan ? xb[i] : first.w;
    }
    for (std::size_t j = 1; j < k; ++j) {
      const Piece p = pieces[j];
      // Forced: clang's cost model for wasm prices the two selects too high, yet vectorised
      // these loops ran about 1.25x faster there. best is read once, before either store.
      if (p.w == 0.0) {
#if defined(__clang__)
#pragma clang loop vectorize(enable)
#endif
        for (std::size_t i = 0; i < m; ++i) {
          const double old = best[i];
          slope[i] = old < p.b ? p.w : slope[i];
          best[i] = old < p.b ? p.b : old;
        }
      } else {
#if defined(__clang__)
#pragma clang loop vectorize(enable)
#endif
        for (std::size_t i = 0; i < m; ++i) {
          const double v = p.w * xb[i] + p.b;
          const double old = best[i];
          slope[i] = old < v ? p.w : slope[i];
          best[i] = old < v ? v : old;
        }
      }
    }
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

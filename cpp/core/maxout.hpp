// Maxout: the maximum of k affine pieces w_i x + b_i.
#pragma once

#include <cstddef>
#include <vector>

namespace activation {

struct Piece {
  double w;
  double b;
};

inline constexpr std::size_t kMaxoutMaxPieces = 8;

// The two pieces 0 and x, whose maximum is relu.
std::vector<Piece> maxout_default_pieces();

// Index of the winning piece at x; ties go to the lowest index, so the default
// pieces reproduce relu's f'(0) = 0. Returns 0 for NaN x.
std::size_t maxout_argmax(double x, const Piece* pieces, std::size_t k) noexcept;

// The winning index for each of n inputs, as doubles (what the JS side reads back).
void maxout_argmax_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                         std::size_t k) noexcept;

double maxout(double x, const Piece* pieces, std::size_t k) noexcept;
// Batch forms, piece by piece over the whole array so the inner loops vectorise; they give
// exactly what the scalar maxout and maxout_derivative give.
void maxout_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                  std::size_t k) noexcept;
void maxout_derivative_batch(const double* x, double* out, std::size_t n, const Piece* pieces,
                             std::size_t k) noexcept;
// Subgradient: the slope w of the winning piece.
double maxout_derivative(double x, const Piece* pieces, std::size_t k) noexcept;

// Points where the winning piece changes to one with a different slope, ascending.
std::vector<double> maxout_breakpoints(const Piece* pieces, std::size_t k);

}  // namespace activation

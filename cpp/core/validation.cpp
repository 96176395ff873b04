#include "validation.hpp"

#include <cmath>

#include "number_text.hpp"

namespace activation {

namespace {
using detail::shortest_text;

std::string interval(double min, double max, bool min_exclusive) {
  return (min_exclusive ? "(" : "[") + shortest_text(min) + ", " + shortest_text(max) + "]";
}


bool in_range(const ParamSpec& param, double value) {
  const bool above_min = param.min_exclusive ? value > param.min : value >= param.min;
  return std::isfinite(value) && above_min && value <= param.max;
}
}  // namespace

std::string check_param(const ActivationSpec& spec, const ParamSpec& param, double value) {
  if (in_range(param, value)) return {};
  return std::string(spec.slug) + " parameter " + std::string(param.name) +
         " must be a finite number in " + interval(param.min, param.max, param.min_exclusive) +
         " (got " + shortest_text(value) + ")";
}

// Every batch call passes here: the passing path builds no message (no string at all).
std::string check_params(const ActivationSpec& spec, const ParamValues& values) {
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    if (!in_range(spec.params[i], values[i])) return check_param(spec, spec.params[i], values[i]);
  }
  return {};
}

std::string check_sample_range(double xmin, double xmax, double n) {
  if (!std::isfinite(xmin)) return "xmin must be a finite number (got " + shortest_text(xmin) + ")";
  if (!std::isfinite(xmax)) return "xmax must be a finite number (got " + shortest_text(xmax) + ")";
  if (!(xmin < xmax)) {
    return "xmin must be less than xmax (got xmin " + shortest_text(xmin) + ", xmax " +
           shortest_text(xmax) + ")";
  }
  if (!std::isfinite(xmax - xmin)) return "xmax - xmin must be finite (the range is too wide)";
  if (!(n >= static_cast<double>(kSampleMinPoints) && n <= static_cast<double>(kSampleMaxPoints)) ||
      n != std::floor(n)) {
    return "n must be a whole number in [" + std::to_string(kSampleMinPoints) + ", " +
           std::to_string(kSampleMaxPoints) + "] (got " + shortest_text(n) + ")";
  }
  return {};
}

std::string check_vector_length(const ActivationSpec& spec, std::size_t n, bool jacobian) {
  const std::size_t max_length = jacobian ? spec.vector.jacobian_max_length : spec.vector.max_length;
  if (n >= 1 && n <= max_length) return {};
  return std::string("logits must have 1 to ") + std::to_string(max_length) + " logits (got " +
         std::to_string(n) + ")";
}

std::string check_pieces(const ActivationSpec& spec, const Piece* pieces, std::size_t k) {
  const PiecesLimits& limits = spec.pieces;
  if (k < limits.min_count || k > limits.max_count) {
    return "pieces must hold " + std::to_string(limits.min_count) + " to " +
           std::to_string(limits.max_count) + " pieces {w, b} (got " + std::to_string(k) + ")";
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (!std::isfinite(pieces[i].w) || !std::isfinite(pieces[i].b)) {
      return "pieces[" + std::to_string(i) + "] must have finite w and b (got w " +
             shortest_text(pieces[i].w) + ", b " + shortest_text(pieces[i].b) + ")";
    }
  }
  return {};
}

}  // namespace activation

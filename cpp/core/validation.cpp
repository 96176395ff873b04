#include "validation.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "softmax.hpp"

namespace activation {

namespace {
// Shortest text that reads back as the same double, so messages quote values faithfully.
std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  // snprintf rather than iostreams: streams pull ~100 KB of locale code into the wasm.
  char text[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {  // whole numbers without an exponent
    std::snprintf(text, sizeof text, "%.0f", v);
    return text;
  }
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, v);
    if (std::strtod(text, nullptr) == v) break;
  }
  return text;
}

std::string interval(double min, double max, bool min_exclusive) {
  return (min_exclusive ? "(" : "[") + format_number(min) + ", " + format_number(max) + "]";
}
}  // namespace

std::string check_param(const ActivationSpec& spec, const ParamSpec& param, double value) {
  const bool too_low = param.min_exclusive ? !(value > param.min) : !(value >= param.min);
  if (std::isfinite(value) && !too_low && value <= param.max) return {};
  return std::string(spec.slug) + " parameter " + std::string(param.name) +
         " must be a finite number in " + interval(param.min, param.max, param.min_exclusive) +
         " (got " + format_number(value) + ")";
}

std::string check_params(const ActivationSpec& spec, const ParamValues& values) {
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    std::string error = check_param(spec, spec.params[i], values[i]);
    if (!error.empty()) return error;
  }
  return {};
}

std::string check_sample_range(double xmin, double xmax, double n) {
  if (!std::isfinite(xmin)) return "xmin must be a finite number (got " + format_number(xmin) + ")";
  if (!std::isfinite(xmax)) return "xmax must be a finite number (got " + format_number(xmax) + ")";
  if (!(xmin < xmax)) {
    return "xmin must be less than xmax (got xmin " + format_number(xmin) + ", xmax " +
           format_number(xmax) + ")";
  }
  if (!std::isfinite(xmax - xmin)) return "xmax - xmin must be finite (the range is too wide)";
  if (!(n >= static_cast<double>(kSampleMinPoints) && n <= static_cast<double>(kSampleMaxPoints)) ||
      n != std::floor(n)) {
    return "n must be a whole number in [" + std::to_string(kSampleMinPoints) + ", " +
           std::to_string(kSampleMaxPoints) + "] (got " + format_number(n) + ")";
  }
  return {};
}

std::string check_temperature(double temperature) {
  if (std::isfinite(temperature) && temperature >= kTemperatureMin && temperature <= kTemperatureMax) {
    return {};
  }
  return "temperature must be a finite number in " +
         interval(kTemperatureMin, kTemperatureMax, false) + " (got " +
         format_number(temperature) + ")";
}

std::string check_softmax_length(std::size_t n, std::size_t max_length, std::string_view what) {
  if (n >= 1 && n <= max_length) return {};
  return std::string(what) + " must have 1 to " + std::to_string(max_length) + " logits (got " +
         std::to_string(n) + ")";
}

std::string check_pieces(const Piece* pieces, std::size_t k) {
  if (k < 1 || k > kMaxoutMaxPieces) {
    return "pieces must hold 1 to " + std::to_string(kMaxoutMaxPieces) + " pieces {w, b} (got " +
           std::to_string(k) + ")";
  }
  for (std::size_t i = 0; i < k; ++i) {
    if (!std::isfinite(pieces[i].w) || !std::isfinite(pieces[i].b)) {
      return "pieces[" + std::to_string(i) + "] must have finite w and b (got w " +
             format_number(pieces[i].w) + ", b " + format_number(pieces[i].b) + ")";
    }
  }
  return {};
}

}  // namespace activation

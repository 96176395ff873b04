// The one table that describes every activation: slug, parameters, formulas and
// properties. The bindings, the page's controls and URL state, and the tests all read it.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "maxout.hpp"

namespace activation {

enum class Kind { scalar, vector };

struct ParamSpec {
  std::string_view name;
  double default_value;
  double min;
  double max;
  bool min_exclusive;  // e.g. ELU's alpha > 0
};

inline constexpr std::size_t kMaxParams = 2;
using ParamValues = std::array<double, kMaxParams>;

// Everything a scalar activation needs besides x. Maxout reads its pieces from here.
struct Arguments {
  ParamValues values{};
  const Piece* pieces = nullptr;
  std::size_t piece_count = 0;
};

// An interval of outputs; for step, also the discrete set it takes.
struct Range {
  double min;
  double max;
  bool min_inclusive;
  bool max_inclusive;
  std::vector<double> discrete_values;  // empty unless the function takes only these values
};

enum class Centring { symmetric, partial, none };  // odd function / takes both signs / never negative
enum class Saturation { none, left, right, both };  // where f' tends to 0

inline constexpr double kSmooth = std::numeric_limits<double>::infinity();
inline constexpr double kDiscontinuous = -1.0;

struct Properties {
  Range range;
  double f_at_zero;
  bool monotonic;  // non-decreasing over the whole real line
  Centring zero_centred;
  double continuity_order;  // kDiscontinuous, 0 (C0), 1 (C1) ... or kSmooth
  std::vector<double> non_differentiable_points;
  double max_abs_derivative;  // supremum of |f'| (for softmax: of |J_ij|)
  double max_abs_derivative_from;  // the x interval where it is reached or approached
  double max_abs_derivative_to;
  bool max_abs_derivative_attained;  // false when only approached (softplus as x -> inf)
  Saturation saturates;
  bool uses_exp;
};

using ScalarFn = double (*)(double x, const Arguments& args) noexcept;
using BatchFn = void (*)(const double* x, double* out, std::size_t n, const Arguments& args) noexcept;
using PropertiesFn = Properties (*)(const Arguments& args);

struct ActivationSpec {
  std::string_view slug;
  Kind kind;
  std::vector<ParamSpec> params;
  std::string_view formula_tex;     // f, in TeX (the page typesets it at build time)
  std::string_view derivative_tex;  // f'
  std::string_view param_derivative_tex;  // df/d(first param), for learnable ones (PReLU)
  // Scalar kind only (null for softmax, which works on whole vectors).
  ScalarFn f = nullptr;
  ScalarFn df = nullptr;
  BatchFn f_batch = nullptr;
  BatchFn df_batch = nullptr;
  // The derivative with respect to the first parameter, for functions that learn it (PReLU).
  BatchFn param_derivative_batch = nullptr;
  PropertiesFn properties = nullptr;
};

// In the seed article's order, softplus after relu (its smooth relative).
const std::vector<ActivationSpec>& registry();
// nullptr when the slug is unknown.
const ActivationSpec* find_activation(std::string_view slug) noexcept;
// Defaults for every parameter of `spec`, in the order of spec.params.
ParamValues default_params(const ActivationSpec& spec) noexcept;

}  // namespace activation

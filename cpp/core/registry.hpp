// The one table that describes every activation: everything about a function that is not
// prose. Its math, its page placement, its limits, its formulas and how accurate it must be.
// The bindings, the page (controls, URL state, sections, colours), the oracle, the tests and
// the benchmark all read it, through registry_json() on the web side.
//
// Rows are written in the function-group files under functions/ (math, derivative,
// properties and row together); registry() concatenates the groups in page order.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

#include "maxout.hpp"

namespace activation {

// A view of a static array: rows are constant data (no code runs to build the registry),
// so their lists point into arrays defined next to them.
template <class T>
class Span {
 public:
  constexpr Span() = default;
  template <std::size_t N>
  constexpr Span(const T (&items)[N]) noexcept : data_(items), size_(N) {}  // NOLINT: implicit on purpose
  constexpr const T* data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const T* begin() const noexcept { return data_; }
  constexpr const T* end() const noexcept { return data_ + size_; }
  constexpr const T& operator[](std::size_t i) const noexcept { return data_[i]; }
  constexpr const T& front() const noexcept { return data_[0]; }
  // A copy, for code that wants to own or change the list (tests, variations of presets).
  operator std::vector<T>() const { return std::vector<T>(begin(), end()); }  // NOLINT: implicit on purpose

 private:
  const T* data_ = nullptr;
  std::size_t size_ = 0;
};

// scalar: f(x) with numeric parameters. pieces: f(x) over a list of affine pieces (maxout).
// vector: a whole vector in, a vector out (softmax), with a Jacobian.
enum class Kind { scalar, pieces, vector };

struct ParamSpec {
  std::string_view name;    // the URL and API key: alpha, beta, temperature
  std::string_view symbol;  // as the formulas write it: α, β, T
  double default_value;
  double min;
  double max;
  bool min_exclusive;  // e.g. ELU's alpha > 0
};

inline constexpr std::size_t kMaxParams = 2;
using ParamValues = std::array<double, kMaxParams>;

// Everything a scalar activation needs besides x. Pieces-kind functions read their pieces here.
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

// An odd function / outputs of both signs / outputs of one sign only (never negative, or
// never positive).
enum class Centring { symmetric, partial, none };
enum class Saturation { none, left, right, both };  // where f' tends to 0
// Which way the outputs move with the inputs. non_decreasing: f(a) <= f(b) whenever a < b.
// none: neither that nor own_input. own_input (vector kind): each output rises with its own
// input and falls as any other rises (the Jacobian's diagonal positive, the rest negative),
// so "never decreasing" would be false for every output but one.
enum class Monotonicity { non_decreasing, none, own_input };

inline constexpr double kSmooth = std::numeric_limits<double>::infinity();
inline constexpr double kDiscontinuous = -1.0;

struct Properties {
  Range range;
  double f_at_zero;
  Monotonicity monotonic;
  Centring zero_centred;
  double continuity_order;  // kDiscontinuous, 0 (C0), 1 (C1) ... or kSmooth
  // Where f or f' has a kink or jump: the charts put exact points (or gaps) there.
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
// A vector function of n logits with parameters (softmax's temperature) into out[n].
using VectorFn = void (*)(const double* z, std::size_t n, const ParamValues& values, double* out) noexcept;
// Its Jacobian from the function's own output: out[n*n] row-major, or only the diagonal.
using JacobianFn = void (*)(const double* s, std::size_t n, const ParamValues& values, double* out) noexcept;

// A named set of pieces the page offers as a button (the pieces kind).
struct PiecesPreset {
  std::string_view id;
  Span<Piece> pieces;
  // The curve c·x² these pieces approximate, drawn dotted beside them; NaN when none.
  double target_quadratic = std::numeric_limits<double>::quiet_NaN();
};

struct PiecesLimits {
  std::size_t min_count = 0;
  std::size_t max_count = 0;  // the core's hard limit
  double value_limit = 0;     // |w| and |b| a link or a box may set
  Span<Piece> defaults;
  Span<PiecesPreset> presets;
};

struct VectorLimits {
  std::size_t max_length = 0;  // the core's hard limits
  std::size_t jacobian_max_length = 0;
  std::size_t edit_min = 0;    // what the page's editor and links allow
  std::size_t edit_max = 0;
  double value_limit = 0;      // |z| a link or a box may set
  Span<double> defaults;
};

// Worst error against the mpmath oracle, in ULP, at the default parameters.
// near_zero_and_tails (issue 12's rule, opted into per row): within the ULP tolerance, or,
// where that cannot be asked, within its alternative: where the true |value| < 0.05 (f'
// near a zero crossing, whose relative error no double formula bounds), absolutely within
// 1e-15 · max(1, |x|); beyond |x| = 30, relatively within 1e-10. The article's rows keep
// the plain ULP check.
struct Accuracy {
  unsigned f_ulp;
  unsigned df_ulp;
  bool near_zero_and_tails = false;
};

// The same stable formula in plain JavaScript, the benchmark's baseline: statements that
// set `y` from `v` (the input), `p0`/`p1` (the parameters) and `P` (pieces, [{ w, b }]).
struct JsBaseline {
  std::string_view f;
  std::string_view df;
};

inline constexpr int kNoColour = -1;

struct ActivationSpec {
  std::string_view slug;
  Kind kind = Kind::scalar;
  std::string_view group;   // the part of the page it belongs to
  std::string_view parent;  // shown inside this function's section (PReLU in Leaky ReLU)
  int colour = kNoColour;   // its colour slot in the page's palette (CSS --slot-<n>)
  double half_range = 3.0;  // the chart's default x-range is [-half_range, half_range]
  Span<ParamSpec> params;
  std::string_view formula_tex;     // f, in TeX (the page typesets it at build time)
  std::string_view derivative_tex;  // f'
  std::string_view param_derivative_tex;  // df/d(first param), for learnable ones (PReLU)
  // A band the function ranges over in training (RReLU's random slope): its edges are f with
  // both these parameters at the first's value, and at the second's. Empty: no band.
  std::string_view band_low;
  std::string_view band_high;
  Accuracy accuracy{2, 4};
  JsBaseline baseline{};
  // Scalar and pieces kinds.
  ScalarFn f = nullptr;
  ScalarFn df = nullptr;
  BatchFn f_batch = nullptr;
  BatchFn df_batch = nullptr;
  // The derivative with respect to the first parameter, for functions that learn it (PReLU).
  BatchFn param_derivative_batch = nullptr;
  PropertiesFn properties = nullptr;
  // Pieces kind: its limits and presets, and the index of the winning piece at each x.
  PiecesLimits pieces{};
  BatchFn argmax_batch = nullptr;
  // Vector kind.
  VectorFn vector_f = nullptr;
  JacobianFn jacobian = nullptr;
  JacobianFn jacobian_diagonal = nullptr;
  VectorLimits vector{};
};

// The page's two parts: the seed article's functions, then the ones students meet beyond it.
enum class Part { article, beyond };

// How a comparison presents its functions. checklist: a section after the functions, each
// curve switched on and off, with their derivatives. picker: the page's first chart, every
// curve at once and one highlighted (with its derivative), the rest to pick from.
// frameworks: "same name, different function": each member drawn at the defaults each deep
// learning framework gives it (the explanations' front matter names them), with a switch
// that sets those defaults on the page.
enum class ComparisonStyle { checklist, picker, frameworks };

// A comparison section: several functions at their defaults on one chart.
struct ComparisonSpec {
  std::string_view id;
  Span<std::string_view> members;  // empty: every function with a curve
  Span<std::string_view> hidden;   // members not drawn until the reader picks them
  double half_range;
  ComparisonStyle style = ComparisonStyle::checklist;
  std::string_view featured;       // picker: the member highlighted at first
  Part part = Part::article;       // the part of the page it is shown in
};

// A group of functions shown together (a row names its group in `group`), in page order. A
// group of the beyond part has its own section, with the group's functions inside it.
struct GroupSpec {
  std::string_view id;
  Part part;
};

// Limits that are not a single function's.
inline constexpr std::size_t kSampleMinPoints = 2;
inline constexpr std::size_t kSampleMaxPoints = 1000000;

// Every function, in page order.
const std::vector<ActivationSpec>& registry();
Span<ComparisonSpec> comparisons();
Span<GroupSpec> groups();
// nullptr when no group has this id.
const GroupSpec* find_group(std::string_view id) noexcept;
// nullptr when the slug is unknown.
const ActivationSpec* find_activation(std::string_view slug) noexcept;
// Defaults for every parameter of `spec`, in the order of spec.params.
ParamValues default_params(const ActivationSpec& spec) noexcept;
// Arguments at the defaults (parameters and, for the pieces kind, its default pieces).
Arguments default_arguments(const ActivationSpec& spec) noexcept;
// True for the kinds that map x to f(x) and can be sampled and charted.
inline bool has_curve(const ActivationSpec& spec) noexcept { return spec.kind != Kind::vector; }

}  // namespace activation

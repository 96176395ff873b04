// embind adapters for the activation core: conversions and validation only, no math.
// Errors come back as values (a non-empty message) because C++ exceptions do not reach
// JavaScript on Emscripten 3.1.6; web/src/core.js turns them into thrown Errors.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "batch.hpp"
#include "registry.hpp"
#include "softmax.hpp"
#include "validation.hpp"

using emscripten::val;

namespace {

using activation::ActivationSpec;
using activation::Arguments;
using activation::Piece;

// The message of the last failed call; read by core.js right after a call returns false.
std::string last_error;

bool fail(std::string message) {
  last_error = std::move(message);
  return false;
}

double* as_doubles(std::uintptr_t address) { return reinterpret_cast<double*>(address); }

val copy_out(const double* data, std::size_t n) {
  return val::global("Float64Array").new_(emscripten::typed_memory_view(n, data));
}

val number_list(const std::vector<double>& values) { return copy_out(values.data(), values.size()); }

const char* centring_name(activation::Centring c) {
  switch (c) {
    case activation::Centring::symmetric: return "symmetric";
    case activation::Centring::partial: return "partial";
    default: return "none";
  }
}

const char* saturation_name(activation::Saturation s) {
  switch (s) {
    case activation::Saturation::left: return "left";
    case activation::Saturation::right: return "right";
    case activation::Saturation::both: return "both";
    default: return "none";
  }
}

val properties_object(const activation::Properties& p) {
  val range = val::object();
  range.set("min", p.range.min);
  range.set("max", p.range.max);
  range.set("minInclusive", p.range.min_inclusive);
  range.set("maxInclusive", p.range.max_inclusive);
  if (!p.range.discrete_values.empty()) range.set("values", number_list(p.range.discrete_values));
  val steepest = val::object();
  steepest.set("value", p.max_abs_derivative);
  steepest.set("from", p.max_abs_derivative_from);
  steepest.set("to", p.max_abs_derivative_to);
  steepest.set("attained", p.max_abs_derivative_attained);
  val out = val::object();
  out.set("range", range);
  out.set("f0", p.f_at_zero);
  out.set("monotonic", p.monotonic);
  out.set("zeroCentred", std::string(centring_name(p.zero_centred)));
  out.set("continuity", p.continuity_order);
  out.set("nonDifferentiableAt", number_list(p.non_differentiable_points));
  out.set("maxAbsDerivative", steepest);
  out.set("saturates", std::string(saturation_name(p.saturates)));
  out.set("usesExp", p.uses_exp);
  return out;
}

// Checks and gathers a call's arguments; pieces live in wasm memory at pieces_address.
bool make_arguments(const ActivationSpec& spec, double p0, double p1, std::uintptr_t pieces_address,
                    std::size_t piece_count, Arguments& args) {
  args.values = {p0, p1};
  const std::string error = activation::check_params(spec, args.values);
  if (!error.empty()) return fail(error);
  if (spec.slug == "maxout") {
    args.pieces = reinterpret_cast<const Piece*>(pieces_address);
    args.piece_count = piece_count;
    const std::string piece_error = activation::check_pieces(args.pieces, piece_count);
    if (!piece_error.empty()) return fail(piece_error);
  }
  return true;
}

const ActivationSpec* spec_at(std::size_t index) {
  const auto& table = activation::registry();
  return index < table.size() ? &table[index] : nullptr;
}

// ---- Exported functions ----

std::string lastError() { return last_error; }

val list() {
  val out = val::array();
  for (const ActivationSpec& spec : activation::registry()) {
    val entry = val::object();
    entry.set("slug", std::string(spec.slug));
    entry.set("kind", std::string(spec.kind == activation::Kind::scalar ? "scalar" : "vector"));
    val params = val::array();
    for (const activation::ParamSpec& p : spec.params) {
      val param = val::object();
      param.set("name", std::string(p.name));
      param.set("default", p.default_value);
      param.set("min", p.min);
      param.set("max", p.max);
      param.set("minExclusive", p.min_exclusive);
      params.call<void>("push", param);
    }
    entry.set("params", params);
    entry.set("formula", std::string(spec.formula_tex));
    entry.set("derivativeFormula", std::string(spec.derivative_tex));
    if (!spec.param_derivative_tex.empty()) {
      entry.set("parameterDerivativeFormula", std::string(spec.param_derivative_tex));
    }
    out.call<void>("push", entry);
  }
  return out;
}

}  // namespace

// The two hot paths are plain C exports: an embind call costs ~0.6 us more per call here,
// because -sDYNAMIC_EXECUTION=0 (no eval, for the page's CSP) rules out its fast invokers.
extern "C" {

// which: 0 = f, 1 = f', 2 = df/d(first parameter). Reads n doubles at in, writes n at out.
EMSCRIPTEN_KEEPALIVE bool activation_evaluate_into(std::size_t index, int which, std::uintptr_t in, std::uintptr_t out, std::size_t n,
                  double p0, double p1, std::uintptr_t pieces, std::size_t piece_count) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) return fail("unknown activation");
  if (which < 0 || which > 2) return fail("which must be 0 (f), 1 (f') or 2 (df/dparameter)");
  const std::string error = activation::evaluate_checked(
      *spec, static_cast<activation::Which>(which), as_doubles(in), as_doubles(out), n, {p0, p1},
      reinterpret_cast<const Piece*>(pieces), piece_count);
  return error.empty() || fail(error);
}

// Writes n points to x, y and dy (each n doubles).
EMSCRIPTEN_KEEPALIVE bool activation_sample_into(std::size_t index, double xmin, double xmax, double n, double p0, double p1,
                std::uintptr_t pieces, std::size_t piece_count, std::uintptr_t x, std::uintptr_t y,
                std::uintptr_t dy) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr || spec->kind != activation::Kind::scalar) return fail("not a scalar activation");
  Arguments args;
  if (!make_arguments(*spec, p0, p1, pieces, piece_count, args)) return false;
  const std::string error = activation::check_sample_range(xmin, xmax, n);
  if (!error.empty()) return fail(error);
  activation::sample(*spec, xmin, xmax, static_cast<std::size_t>(n), args, as_doubles(x),
                     as_doubles(y), as_doubles(dy));
  return true;
}

}  // extern "C"

namespace {

// Returns the properties object, or null with lastError() set.
val properties(std::size_t index, double p0, double p1, std::uintptr_t pieces, std::size_t piece_count) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) {
    fail("unknown activation");
    return val::null();
  }
  Arguments args;
  if (!make_arguments(*spec, p0, p1, pieces, piece_count, args)) return val::null();
  return properties_object(spec->properties(args));
}

// kind: 0 = probabilities, 1 = Jacobian (n*n, row-major), 2 = the Jacobian's diagonal.
bool softmaxInto(int kind, std::uintptr_t logits, std::size_t n, double temperature, std::uintptr_t out) {
  const std::size_t max_length =
      kind == 1 ? activation::kSoftmaxJacobianMaxLength : activation::kSoftmaxMaxLength;
  std::string error = activation::check_softmax_length(n, max_length, "logits");
  if (error.empty()) error = activation::check_temperature(temperature);
  if (!error.empty()) return fail(error);
  double* result = as_doubles(out);
  activation::softmax(as_doubles(logits), n, temperature, result);
  if (kind == 0) return true;
  // The Jacobian and its diagonal reuse the probabilities, so compute them first.
  std::vector<double> probabilities(result, result + n);
  if (kind == 1) {
    activation::softmax_jacobian(probabilities.data(), n, temperature, result);
  } else {
    activation::softmax_jacobian_diagonal(probabilities.data(), n, temperature, result);
  }
  return true;
}

// Writes the index of the winning piece for each x.
bool maxoutArgmaxInto(std::uintptr_t in, std::uintptr_t out, std::size_t n, std::uintptr_t pieces,
                      std::size_t piece_count) {
  const Piece* p = reinterpret_cast<const Piece*>(pieces);
  const std::string error = activation::check_pieces(p, piece_count);
  if (!error.empty()) return fail(error);
  activation::maxout_argmax_batch(as_doubles(in), as_doubles(out), n, p, piece_count);
  return true;
}

}  // namespace

EMSCRIPTEN_BINDINGS(activation_core) {
  emscripten::function("list", &list);
  emscripten::function("lastError", &lastError);
  emscripten::function("properties", &properties);
  emscripten::function("softmaxInto", &softmaxInto);
  emscripten::function("maxoutArgmaxInto", &maxoutArgmaxInto);
}

// embind adapters for the activation core: conversions only. Every check and every number
// is the core's (batch.hpp's checked calls, registry_json.hpp). Errors come back as values (a
// non-empty message) because C++ exceptions do not reach JavaScript on Emscripten 3.1.6;
// web/src/core/core.js turns them into thrown Errors.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>

#include <cstdint>
#include <string>

#include "batch.hpp"
#include "registry.hpp"
#include "registry_json.hpp"

namespace {

using activation::ActivationSpec;
using activation::Piece;

// The message of the last failed call; read by core.js right after a call returns false.
std::string last_error;

bool report(std::string error) {
  if (error.empty()) return true;
  last_error = std::move(error);
  return false;
}

double* as_doubles(std::uintptr_t address) { return reinterpret_cast<double*>(address); }
const Piece* as_pieces(std::uintptr_t address) { return reinterpret_cast<const Piece*>(address); }

// Functions are addressed by their index in registry(), which core.js learns from list().
const ActivationSpec* spec_at(std::size_t index) {
  const auto& table = activation::registry();
  return index < table.size() ? &table[index] : nullptr;
}

std::string lastError() { return last_error; }

std::string registryJson() { return activation::registry_json(); }

// The properties as JSON, or "" with lastError() set.
std::string properties(std::size_t index, double p0, double p1, std::uintptr_t pieces, std::size_t piece_count) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) {
    report("unknown activation");
    return {};
  }
  activation::Properties p;
  if (!report(activation::properties_checked(*spec, {p0, p1}, as_pieces(pieces), piece_count, p))) return {};
  return activation::properties_json(p);
}

}  // namespace

// The array calls are plain C exports: an embind call costs ~0.6 us more per call here,
// because -sDYNAMIC_EXECUTION=0 (no eval, for the page's CSP) rules out its fast invokers.
extern "C" {

// which: 0 = f, 1 = f', 2 = df/d(first parameter). Reads n doubles at in, writes n at out.
EMSCRIPTEN_KEEPALIVE bool activation_evaluate_into(std::size_t index, int which, std::uintptr_t in, std::uintptr_t out, std::size_t n,
                  double p0, double p1, std::uintptr_t pieces, std::size_t piece_count) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) return report("unknown activation");
  if (which < 0 || which > 2) return report("which must be 0 (f), 1 (f') or 2 (df/dparameter)");
  return report(activation::evaluate_checked(*spec, static_cast<activation::Which>(which), as_doubles(in),
                                             as_doubles(out), n, {p0, p1}, as_pieces(pieces), piece_count));
}

// Writes n points to x, y and dy (each n doubles).
EMSCRIPTEN_KEEPALIVE bool activation_sample_into(std::size_t index, double xmin, double xmax, double n, double p0, double p1,
                std::uintptr_t pieces, std::size_t piece_count, std::uintptr_t x, std::uintptr_t y,
                std::uintptr_t dy) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) return report("unknown activation");
  return report(activation::sample_checked(*spec, xmin, xmax, n, {p0, p1}, as_pieces(pieces), piece_count,
                                           as_doubles(x), as_doubles(y), as_doubles(dy)));
}

// which: 0 = outputs (n), 1 = Jacobian (n*n, row-major), 2 = its diagonal (n).
EMSCRIPTEN_KEEPALIVE bool activation_vector_into(std::size_t index, int which, std::uintptr_t z, std::size_t n,
                double p0, double p1, std::uintptr_t out) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) return report("unknown activation");
  if (which < 0 || which > 2) return report("which must be 0 (outputs), 1 (Jacobian) or 2 (its diagonal)");
  return report(activation::vector_checked(*spec, static_cast<activation::VectorWhich>(which), as_doubles(z), n,
                                           {p0, p1}, as_doubles(out)));
}

// The index of the winning piece for each of n x, as doubles.
EMSCRIPTEN_KEEPALIVE bool activation_argmax_into(std::size_t index, std::uintptr_t in, std::uintptr_t out, std::size_t n,
                std::uintptr_t pieces, std::size_t piece_count) {
  const ActivationSpec* spec = spec_at(index);
  if (spec == nullptr) return report("unknown activation");
  return report(activation::argmax_checked(*spec, as_doubles(in), as_doubles(out), n, as_pieces(pieces), piece_count));
}

}  // extern "C"

EMSCRIPTEN_BINDINGS(activation_core) {
  emscripten::function("registryJson", &registryJson);
  emscripten::function("lastError", &lastError);
  emscripten::function("properties", &properties);
}

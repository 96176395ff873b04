// The argument sets the generic tests (derivative_test.cpp, edges_test.cpp) run every
// registry function at, derived from its row alone, so a new function is covered without
// touching a test: the defaults, then each parameter in turn at its low end, its maximum
// and its midpoint (the others at their defaults); for the pieces kind, each of those with
// the default pieces and with every preset's pieces.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "registry.hpp"

namespace activation::cases {

// The low end of a parameter's range: its minimum, or just above an exclusive one. "Just
// above" is a thousandth of the range, a value a slider can reach; `extreme` takes the very
// next double instead, for the tests that only ask for no NaN.
inline double low_end(const ParamSpec& p, bool extreme = false) {
  if (!p.min_exclusive) return p.min;
  return extreme ? std::nextafter(p.min, p.max) : p.min + 1e-3 * (p.max - p.min);
}

// The defaults first, then for each parameter its low end, maximum and midpoint. Duplicates
// (a default at an end) are dropped.
inline std::vector<ParamValues> param_sets(const ActivationSpec& spec, bool extreme = false) {
  std::vector<ParamValues> sets = {default_params(spec)};
  for (std::size_t i = 0; i < spec.params.size() && i < kMaxParams; ++i) {
    const ParamSpec& p = spec.params[i];
    std::vector<double> values = {low_end(p), p.max, 0.5 * (p.min + p.max)};
    if (extreme && p.min_exclusive) values.push_back(low_end(p, true));
    for (double v : values) {
      ParamValues set = default_params(spec);
      set[i] = v;
      if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
    }
  }
  return sets;
}

inline std::string describe(const ActivationSpec& spec, const ParamValues& values) {
  std::string text(spec.slug);
  for (std::size_t i = 0; i < spec.params.size() && i < kMaxParams; ++i) {
    char number[40];
    std::snprintf(number, sizeof number, "%.17g", values[i]);
    text += " " + std::string(spec.params[i].name) + "=" + number;
  }
  return text;
}

// One function at one set of arguments. It owns its pieces; args() points into them.
struct CurveCase {
  const ActivationSpec* spec = nullptr;
  ParamValues values{};
  std::vector<Piece> pieces;
  std::string label;

  Arguments args() const {
    Arguments a;
    a.values = values;
    if (spec->kind == Kind::pieces) {
      a.pieces = pieces.data();
      a.piece_count = pieces.size();
    }
    return a;
  }
};

// Every function with a curve at every argument set above.
inline std::vector<CurveCase> curve_cases(bool extreme = false) {
  std::vector<CurveCase> out;
  for (const ActivationSpec& spec : registry()) {
    if (!has_curve(spec)) continue;
    std::vector<std::pair<std::string, std::vector<Piece>>> piece_sets = {{"", {}}};
    if (spec.kind == Kind::pieces) {
      piece_sets = {{" (default pieces)", spec.pieces.defaults}};
      for (const PiecesPreset& preset : spec.pieces.presets) {
        piece_sets.push_back({" (preset " + std::string(preset.id) + ")", preset.pieces});
      }
    }
    for (const ParamValues& values : param_sets(spec, extreme)) {
      for (const auto& [name, pieces] : piece_sets) {
        CurveCase c;
        c.spec = &spec;
        c.values = values;
        c.pieces = pieces;
        c.label = describe(spec, values) + name;
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

// The cases of one function, for tests parameterised by slug.
inline std::vector<CurveCase> curve_cases_of(const std::string& slug, bool extreme = false) {
  std::vector<CurveCase> out;
  for (CurveCase& c : curve_cases(extreme)) {
    if (c.spec->slug == slug) out.push_back(std::move(c));
  }
  return out;
}

// The slugs of the rows `keep` accepts, in registry order: one test instance each, so a
// failure names its function and a new row gets its own ctest test.
inline std::vector<std::string> slugs_where(bool (*keep)(const ActivationSpec&)) {
  std::vector<std::string> out;
  for (const ActivationSpec& spec : registry()) {
    if (keep(spec)) out.emplace_back(spec.slug);
  }
  return out;
}

inline bool is_vector(const ActivationSpec& spec) { return spec.kind == Kind::vector; }

// A test-name suffix from a slug ("leaky-relu" -> "leaky_relu").
inline std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// A small deterministic generator (splitmix64), the same on every platform, unlike the
// standard distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return lo + (hi - lo) * static_cast<double>(z >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_;
};

}  // namespace activation::cases

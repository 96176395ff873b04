// Doubles as text that reads back as the same double: for error messages and for JSON.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace activation::detail {

// Shortest such text; NaN and infinities spelled out (messages quote values faithfully).
// snprintf rather than iostreams: streams pull ~100 KB of locale code into the wasm.
inline std::string shortest_text(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
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

// A JSON number that JSON.parse reads back exactly: null for NaN, ±1e999 for ±infinity
// (JSON.parse overflows it to ±Infinity). At most two tries: this runs on every slider frame.
inline std::string json_number(double v) {
  if (std::isnan(v)) return "null";
  if (std::isinf(v)) return v > 0 ? "1e999" : "-1e999";
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", v);
  if (std::strtod(text, nullptr) != v) std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

}  // namespace activation::detail

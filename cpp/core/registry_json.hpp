// The registry and a function's properties as JSON: what the web side (core.list()), the
// oracle and the tests read. One writer, so every reader sees the same fields.
#pragma once

#include <string>

#include "registry.hpp"

namespace activation {

// { "functions": [ … ], "comparisons": [ … ], "limits": { "samplePoints": { min, max } } }
// Keys are camelCase, as JavaScript reads them. Infinite numbers are ±1e999, NaN is null.
std::string registry_json();

// One function's properties for some arguments (see Properties).
std::string properties_json(const Properties& p);

}  // namespace activation

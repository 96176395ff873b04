// Checks on user input, returning a message that names the argument and its allowed
// range. An empty string means the input is fine. No exceptions: they do not cross the
// wasm boundary on Emscripten 3.1.6. Every limit comes from the function's registry row.
#pragma once

#include <cstddef>
#include <string>

#include "registry.hpp"

namespace activation {

std::string check_param(const ActivationSpec& spec, const ParamSpec& param, double value);
std::string check_params(const ActivationSpec& spec, const ParamValues& values);
std::string check_sample_range(double xmin, double xmax, double n);
// n logits for the function itself, or for its Jacobian (a smaller limit: n*n outputs).
std::string check_vector_length(const ActivationSpec& spec, std::size_t n, bool jacobian);
std::string check_pieces(const ActivationSpec& spec, const Piece* pieces, std::size_t k);

}  // namespace activation

// Checks on user input, returning a message that names the argument and its
// allowed range. An empty string means the input is fine. No exceptions: they do
// not cross the wasm boundary on Emscripten 3.1.6.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "registry.hpp"

namespace activation {

inline constexpr std::size_t kSampleMinPoints = 2;
inline constexpr std::size_t kSampleMaxPoints = 1000000;

std::string check_param(const ActivationSpec& spec, const ParamSpec& param, double value);
std::string check_params(const ActivationSpec& spec, const ParamValues& values);
std::string check_sample_range(double xmin, double xmax, double n);
std::string check_temperature(double temperature);
std::string check_softmax_length(std::size_t n, std::size_t max_length, std::string_view what);
std::string check_pieces(const Piece* pieces, std::size_t k);

}  // namespace activation

// The properties of the article's functions as functions of their parameters. Tests check
// every field numerically against the functions themselves.
#pragma once

#include "../registry.hpp"

namespace activation {

Properties step_properties(const Arguments& args);
Properties sigmoid_properties(const Arguments& args);
Properties tanh_properties(const Arguments& args);
Properties relu_properties(const Arguments& args);
Properties softplus_properties(const Arguments& args);
// Leaky ReLU and PReLU share a shape: x for x > 0, slope*x otherwise.
Properties leaky_relu_properties(const Arguments& args);
Properties elu_properties(const Arguments& args);
Properties maxout_properties(const Arguments& args);
Properties softmax_properties(const Arguments& args);
Properties log_softmax_properties(const Arguments& args);

}  // namespace activation

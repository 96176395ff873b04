// The function groups, each written in its own file under functions/, in page order.
#pragma once

#include "../registry.hpp"

namespace activation {

// The seed article's functions: step, sigmoid, tanh, relu, softplus, leaky relu, prelu,
// elu, maxout, softmax.
Span<ActivationSpec> article_functions();

// Beyond the article: smooth relatives of ReLU (GELU, SiLU, Mish, squareplus).
Span<ActivationSpec> smooth_relu_functions();
// Beyond the article: self-normalising ELU relatives (SELU, CELU).
Span<ActivationSpec> self_normalising_functions();

// Beyond the article: hard (piecewise) stand-ins for smooth functions: relu6, hard-sigmoid,
// hard-swish, hard-tanh.
Span<ActivationSpec> hard_functions();

// Beyond the article: squashing curves without exponentials (softsign).
Span<ActivationSpec> squashing_functions();

// Shrinkage: functions that pull inputs towards 0 (tanhshrink, softshrink, hardshrink).
Span<ActivationSpec> shrinkage_functions();

// Randomised in training, a fixed curve at evaluation (RReLU).
Span<ActivationSpec> randomised_functions();

}  // namespace activation

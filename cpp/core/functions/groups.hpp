// The function groups, each written in its own file under functions/, in page order.
#pragma once

#include "../registry.hpp"

namespace activation {

// The seed article's functions: step, sigmoid, tanh, relu, softplus, leaky relu, prelu,
// elu, maxout, softmax.
Span<ActivationSpec> article_functions();

// Beyond the article: smooth relatives of ReLU (GELU, SiLU, Mish, squareplus).
Span<ActivationSpec> smooth_relu_functions();

// Beyond the article: squashing curves without exponentials (softsign).
Span<ActivationSpec> squashing_functions();

}  // namespace activation

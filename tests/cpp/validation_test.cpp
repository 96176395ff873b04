// Every rejected input gets a message that names the argument and its allowed range.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "validation.hpp"

namespace activation {
namespace {

bool mentions(const std::string& message, const std::string& part) {
  return message.find(part) != std::string::npos;
}

TEST(Validation, ParametersNameThemselvesAndTheirRange) {
  const ActivationSpec& elu = *find_activation("elu");
  EXPECT_EQ(check_param(elu, elu.params[0], 1.0), "");
  EXPECT_EQ(check_param(elu, elu.params[0], 5.0), "");
  const std::string zero = check_param(elu, elu.params[0], 0.0);
  EXPECT_TRUE(mentions(zero, "alpha")) << zero;
  EXPECT_TRUE(mentions(zero, "(0, 5]")) << zero;
  EXPECT_TRUE(mentions(zero, "got 0")) << zero;
  EXPECT_TRUE(mentions(check_param(elu, elu.params[0], std::nan("")), "got NaN"));
  const ActivationSpec& leaky = *find_activation("leaky-relu");
  EXPECT_EQ(check_param(leaky, leaky.params[0], 0.0), "");  // inclusive lower end
  EXPECT_TRUE(mentions(check_param(leaky, leaky.params[0], 1.5), "[0, 1]"));
  EXPECT_TRUE(mentions(check_param(leaky, leaky.params[0], 1.5), "got 1.5"));
  EXPECT_TRUE(mentions(check_params(leaky, {std::numeric_limits<double>::infinity(), 0}), "Infinity"));
}

TEST(Validation, SampleRange) {
  EXPECT_EQ(check_sample_range(-3, 3, 2), "");
  EXPECT_EQ(check_sample_range(-3, 3, 1000000), "");
  EXPECT_TRUE(mentions(check_sample_range(std::nan(""), 3, 10), "xmin"));
  EXPECT_TRUE(mentions(check_sample_range(-3, std::numeric_limits<double>::infinity(), 10), "xmax"));
  EXPECT_TRUE(mentions(check_sample_range(3, 3, 10), "less than"));
  EXPECT_TRUE(mentions(check_sample_range(-1e308, 1e308, 10), "too wide"));
  EXPECT_TRUE(mentions(check_sample_range(-3, 3, 1), "[2, 1000000]"));
  EXPECT_TRUE(mentions(check_sample_range(-3, 3, 1000001), "[2, 1000000]"));
  EXPECT_TRUE(mentions(check_sample_range(-3, 3, 2.5), "whole number"));
}

TEST(Validation, SoftmaxAndMaxout) {
  EXPECT_EQ(check_temperature(1.0), "");
  EXPECT_TRUE(mentions(check_temperature(0.01), "[0.05, 20]"));
  EXPECT_TRUE(mentions(check_temperature(std::nan("")), "temperature"));
  EXPECT_TRUE(mentions(check_softmax_length(0, 100000, "logits"), "1 to 100000"));
  EXPECT_EQ(check_softmax_length(100000, 100000, "logits"), "");
  const Piece ok[] = {{0, 0}, {1, 0}};
  EXPECT_EQ(check_pieces(ok, 2), "");
  EXPECT_TRUE(mentions(check_pieces(ok, 0), "1 to 8"));
  const Piece bad[] = {{0, 0}, {std::nan(""), 0}};
  EXPECT_TRUE(mentions(check_pieces(bad, 2), "pieces[1]"));
}

}  // namespace
}  // namespace activation

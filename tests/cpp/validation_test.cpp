// Every rejected input gets a message that names the argument and its allowed range.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

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

// Every parameter of every function, from its registry row.
TEST(Validation, EveryParameterRejectsNonFiniteAndOutOfRangeValues) {
  for (const ActivationSpec& spec : registry()) {
    for (const ParamSpec& p : spec.params) {
      SCOPED_TRACE(std::string(spec.slug) + " " + std::string(p.name));
      EXPECT_EQ(check_param(spec, p, p.default_value), "");
      EXPECT_EQ(check_param(spec, p, p.max), "");
      EXPECT_EQ(check_param(spec, p, p.min) == "", !p.min_exclusive);
      for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), p.max + 1, p.min - 1}) {
        const std::string message = check_param(spec, p, bad);
        EXPECT_TRUE(mentions(message, std::string(spec.slug) + " parameter " + std::string(p.name))) << message;
        EXPECT_TRUE(mentions(message, "got ")) << message;
      }
    }
  }
}

TEST(Validation, VectorLengthsAndPiecesFollowTheirRows) {
  for (const ActivationSpec& spec : registry()) {
    SCOPED_TRACE(std::string(spec.slug));
    if (spec.kind == Kind::vector) {
      const std::size_t max = spec.vector.max_length;
      const std::size_t jacobian_max = spec.vector.jacobian_max_length;
      EXPECT_TRUE(mentions(check_vector_length(spec, 0, false), "1 to " + std::to_string(max)));
      EXPECT_EQ(check_vector_length(spec, max, false), "");
      EXPECT_TRUE(mentions(check_vector_length(spec, max + 1, false), "logits"));
      EXPECT_EQ(check_vector_length(spec, jacobian_max, true), "");
      EXPECT_TRUE(mentions(check_vector_length(spec, jacobian_max + 1, true), "1 to " + std::to_string(jacobian_max)));
    }
    if (spec.kind == Kind::pieces) {
      const std::vector<Piece>& ok = spec.pieces.defaults;
      EXPECT_EQ(check_pieces(spec, ok.data(), ok.size()), "");
      const std::string range = std::to_string(spec.pieces.min_count) + " to " + std::to_string(spec.pieces.max_count);
      EXPECT_TRUE(mentions(check_pieces(spec, ok.data(), spec.pieces.min_count - 1), range));
      EXPECT_TRUE(mentions(check_pieces(spec, ok.data(), spec.pieces.max_count + 1), range));
      const Piece bad[] = {{0, 0}, {std::nan(""), 0}};
      EXPECT_TRUE(mentions(check_pieces(spec, bad, 2), "pieces[1]"));
    }
  }
}

TEST(Validation, TemperatureNamesItsRange) {
  const ActivationSpec& softmax = *find_activation("softmax");
  EXPECT_TRUE(mentions(check_params(softmax, {0.01, 0}), "[0.05, 20]"));
  EXPECT_TRUE(mentions(check_params(softmax, {std::nan(""), 0}), "temperature"));
}

}  // namespace
}  // namespace activation

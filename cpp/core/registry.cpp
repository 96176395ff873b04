#include "registry.hpp"

#include "functions/groups.hpp"

namespace activation {

namespace {

std::vector<ActivationSpec> build_registry() {
  std::vector<ActivationSpec> table;
  for (auto group : {&article_functions, &smooth_relu_functions, &self_normalising_functions, &hard_functions,
                     &squashing_functions, &shrinkage_functions, &randomised_functions}) {
    table.insert(table.end(), group().begin(), group().end());
  }
  return table;
}

constexpr std::string_view kReluFamily[] = {"relu", "leaky-relu", "elu"};
// Maxout's default pieces are exactly ReLU: drawn at once it would hide behind it.
constexpr std::string_view kHiddenInAll[] = {"maxout"};
// Functions whose defaults differ between frameworks (Leaky ReLU's slope, PReLU's start,
// hard sigmoid's slope).
constexpr std::string_view kFrameworkMembers[] = {"leaky-relu", "prelu", "hard-sigmoid"};
constexpr ComparisonSpec kComparisons[] = {
    // The first screen: every function, ReLU (today's default) highlighted.
    {"overview", {}, kHiddenInAll, 4.0, ComparisonStyle::picker, "relu"},
    {"compare-relu-family", kReluFamily, {}, 3.0, ComparisonStyle::checklist, {}},
    {"compare-all", {}, kHiddenInAll, 3.0, ComparisonStyle::checklist, {}},
    {"framework-defaults", kFrameworkMembers, {}, 3.0, ComparisonStyle::frameworks, {}, Part::beyond},
};

// Page order. The beyond part's groups are the issue-12 families; one with no function yet
// is not shown.
constexpr GroupSpec kGroups[] = {
    {"article", Part::article},
    {"smooth-relu", Part::beyond},
    {"self-normalising", Part::beyond},
    {"hard", Part::beyond},
    {"squashing", Part::beyond},
    {"shrinkage", Part::beyond},
    {"randomised", Part::beyond},
    {"gated", Part::beyond},
};

}  // namespace

const std::vector<ActivationSpec>& registry() {
  static const std::vector<ActivationSpec> table = build_registry();
  return table;
}

Span<ComparisonSpec> comparisons() { return kComparisons; }

Span<GroupSpec> groups() { return kGroups; }

const GroupSpec* find_group(std::string_view id) noexcept {
  for (const GroupSpec& g : kGroups) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

const ActivationSpec* find_activation(std::string_view slug) noexcept {
  for (const ActivationSpec& spec : registry()) {
    if (spec.slug == slug) return &spec;
  }
  return nullptr;
}

ParamValues default_params(const ActivationSpec& spec) noexcept {
  ParamValues values{};
  for (std::size_t i = 0; i < spec.params.size() && i < kMaxParams; ++i) {
    values[i] = spec.params[i].default_value;
  }
  return values;
}

Arguments default_arguments(const ActivationSpec& spec) noexcept {
  Arguments args;
  args.values = default_params(spec);
  if (spec.kind == Kind::pieces) {
    args.pieces = spec.pieces.defaults.data();
    args.piece_count = spec.pieces.defaults.size();
  }
  return args;
}

}  // namespace activation

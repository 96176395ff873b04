#include "registry_json.hpp"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "number_text.hpp"

namespace activation {

namespace {

// A small JSON writer: objects and arrays are opened and closed by hand, commas are its job.
class Json {
 public:
  Json& open(char bracket) {
    comma();
    out_ += bracket;
    first_ = true;
    return *this;
  }
  Json& close(char bracket) {
    out_ += bracket;
    first_ = false;
    return *this;
  }
  Json& key(std::string_view name) {
    comma();
    string_value(name);
    out_ += ':';
    first_ = true;  // the value that follows takes no comma
    return *this;
  }
  Json& value(std::string_view text) {
    comma();
    string_value(text);
    return *this;
  }
  // Not to bool, which a const char* would otherwise convert to.
  Json& value(const char* text) { return value(std::string_view(text)); }
  Json& value(double v) {
    comma();
    out_ += detail::json_number(v);
    return *this;
  }
  Json& value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
  }
  Json& null() {
    comma();
    out_ += "null";
    return *this;
  }
  template <class T>
  Json& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }
  template <class List>
  Json& numbers(const List& values) {
    open('[');
    for (double v : values) value(v);
    return close(']');
  }
  Json& strings(Span<std::string_view> values) {
    open('[');
    for (std::string_view v : values) value(v);
    return close(']');
  }
  std::string take() { return std::move(out_); }

 private:
  void comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void string_value(std::string_view text) {
    out_ += '"';
    for (const char c : text) {
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out_ += escaped;
      } else {
        out_ += c;  // UTF-8 (α, β) passes through as it is
      }
    }
    out_ += '"';
  }

  std::string out_;
  bool first_ = true;
};

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::pieces: return "pieces";
    case Kind::vector: return "vector";
    default: return "scalar";
  }
}

const char* part_name(Part part) { return part == Part::beyond ? "beyond" : "article"; }

const char* style_name(ComparisonStyle style) {
  switch (style) {
    case ComparisonStyle::picker: return "picker";
    case ComparisonStyle::frameworks: return "frameworks";
    case ComparisonStyle::checklist: break;
  }
  return "checklist";
}

const char* centring_name(Centring c) {
  switch (c) {
    case Centring::symmetric: return "symmetric";
    case Centring::partial: return "partial";
    default: return "none";
  }
}

const char* saturation_name(Saturation s) {
  switch (s) {
    case Saturation::left: return "left";
    case Saturation::right: return "right";
    case Saturation::both: return "both";
    default: return "none";
  }
}

const char* monotonicity_name(Monotonicity m) {
  switch (m) {
    case Monotonicity::non_decreasing: return "nonDecreasing";
    case Monotonicity::own_input: return "own";
    default: return "none";
  }
}

void write_pieces(Json& j, Span<Piece> pieces) {
  j.open('[');
  for (const Piece& p : pieces) j.open('{').field("w", p.w).field("b", p.b).close('}');
  j.close(']');
}

void write_params(Json& j, Span<ParamSpec> params) {
  j.key("params").open('[');
  for (const ParamSpec& p : params) {
    j.open('{')
        .field("name", p.name)
        .field("symbol", p.symbol)
        .field("default", p.default_value)
        .field("min", p.min)
        .field("max", p.max)
        .field("minExclusive", p.min_exclusive)
        .close('}');
  }
  j.close(']');
}

void write_function(Json& j, const ActivationSpec& s) {
  j.open('{').field("slug", s.slug).field("kind", kind_name(s.kind)).field("group", s.group);
  if (!s.parent.empty()) j.field("parent", s.parent);
  j.key("colour");
  if (s.colour == kNoColour) j.null(); else j.value(static_cast<double>(s.colour));
  if (has_curve(s)) j.field("halfRange", s.half_range);
  write_params(j, s.params);
  j.field("formula", s.formula_tex).field("derivativeFormula", s.derivative_tex);
  if (!s.param_derivative_tex.empty()) j.field("parameterDerivativeFormula", s.param_derivative_tex);
  if (!s.band_low.empty()) j.key("band").open('[').value(s.band_low).value(s.band_high).close(']');
  j.key("accuracy").open('{')
      .field("f", static_cast<double>(s.accuracy.f_ulp))
      .field("df", static_cast<double>(s.accuracy.df_ulp));
  if (s.accuracy.near_zero_and_tails) j.field("nearZeroAndTails", true);
  j.close('}');
  if (!s.baseline.f.empty()) {
    j.key("baseline").open('{').field("f", s.baseline.f).field("df", s.baseline.df).close('}');
  }
  if (s.kind == Kind::pieces) {
    const PiecesLimits& p = s.pieces;
    j.key("pieces").open('{')
        .field("min", static_cast<double>(p.min_count))
        .field("max", static_cast<double>(p.max_count))
        .field("limit", p.value_limit);
    write_pieces(j.key("default"), p.defaults);
    j.key("presets").open('[');
    for (const PiecesPreset& preset : p.presets) {
      j.open('{').field("id", preset.id);
      write_pieces(j.key("pieces"), preset.pieces);
      if (!std::isnan(preset.target_quadratic)) j.field("targetQuadratic", preset.target_quadratic);
      j.close('}');
    }
    j.close(']').close('}');
  }
  if (s.kind == Kind::vector) {
    const VectorLimits& v = s.vector;
    j.field("maxLength", static_cast<double>(v.max_length))
        .field("jacobianMaxLength", static_cast<double>(v.jacobian_max_length));
    j.key("logits").open('{')
        .field("min", static_cast<double>(v.edit_min))
        .field("max", static_cast<double>(v.edit_max))
        .field("limit", v.value_limit);
    j.key("default").numbers(v.defaults);
    j.close('}');
  }
  j.close('}');
}

}  // namespace

std::string registry_json() {
  Json j;
  j.open('{').key("functions").open('[');
  for (const ActivationSpec& spec : registry()) write_function(j, spec);
  j.close(']').key("comparisons").open('[');
  for (const ComparisonSpec& c : comparisons()) {
    j.open('{').field("id", c.id);
    j.key("members").strings(c.members);
    j.key("hidden").strings(c.hidden);
    j.field("halfRange", c.half_range)
        .field("style", style_name(c.style));
    if (!c.featured.empty()) j.field("featured", c.featured);
    j.field("part", part_name(c.part));
    j.close('}');
  }
  j.close(']').key("groups").open('[');
  for (const GroupSpec& g : groups()) j.open('{').field("id", g.id).field("part", part_name(g.part)).close('}');
  j.close(']').key("limits").open('{').key("samplePoints").open('{')
      .field("min", static_cast<double>(kSampleMinPoints))
      .field("max", static_cast<double>(kSampleMaxPoints))
      .close('}').close('}').close('}');
  return j.take();
}

std::string properties_json(const Properties& p) {
  Json j;
  j.open('{').key("range").open('{')
      .field("min", p.range.min)
      .field("max", p.range.max)
      .field("minInclusive", p.range.min_inclusive)
      .field("maxInclusive", p.range.max_inclusive);
  if (!p.range.discrete_values.empty()) j.key("values").numbers(p.range.discrete_values);
  j.close('}')
      .field("f0", p.f_at_zero)
      .field("monotonic", monotonicity_name(p.monotonic))
      .field("zeroCentred", centring_name(p.zero_centred))
      .field("continuity", p.continuity_order);
  j.key("nonDifferentiableAt").numbers(p.non_differentiable_points);
  j.key("maxAbsDerivative").open('{')
      .field("value", p.max_abs_derivative)
      .field("from", p.max_abs_derivative_from)
      .field("to", p.max_abs_derivative_to)
      .field("attained", p.max_abs_derivative_attained)
      .close('}');
  j.field("saturates", saturation_name(p.saturates)).field("usesExp", p.uses_exp).close('}');
  return j.take();
}

}  // namespace activation

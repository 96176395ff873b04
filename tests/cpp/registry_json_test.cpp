// The registry and properties as JSON (registry_json.hpp): what the page, the oracle and the JS
// tests read. Checked with a small strict JSON parser written here (no library): the text is
// well-formed, lists every registry function and comparison with the registry's values, and
// writes NaN as null and infinities as +-1e999 (which JSON.parse, like strtod, reads back as
// +-Infinity).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "registry.hpp"
#include "registry_cases.hpp"
#include "registry_json.hpp"

namespace activation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- a strict recursive-descent JSON parser (RFC 8259) into a small tree

struct Value {
  enum class Type { null, boolean, number, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  double number = 0.0;
  std::string text;  // a string's contents, or a number as written
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  // The member named key, or nullptr (also when this is not an object).
  const Value* get(const std::string& key) const {
    for (const auto& [name, value] : members) {
      if (name == key) return &value;
    }
    return nullptr;
  }
};

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  // The whole text as one value, or false with error() saying where and why.
  bool parse(Value& out) {
    space();
    if (!value(out, 0)) return false;
    space();
    return pos_ == s_.size() || fail("text after the value");
  }
  const std::string& error() const { return error_; }

 private:
  static constexpr int kMaxDepth = 64;

  bool fail(const std::string& why) {
    if (error_.empty()) error_ = why + " at offset " + std::to_string(pos_);
    return false;
  }
  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return at_end() ? '\0' : s_[pos_]; }
  void space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++pos_;
  }
  bool literal(const char* word) {
    const std::string w(word);
    if (s_.compare(pos_, w.size(), w) != 0) return fail("unexpected character");
    pos_ += w.size();
    return true;
  }

  bool value(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting too deep");
    switch (peek()) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': out.type = Value::Type::string; return string(out.text);
      case 't': out.type = Value::Type::boolean; out.boolean = true; return literal("true");
      case 'f': out.type = Value::Type::boolean; out.boolean = false; return literal("false");
      case 'n': out.type = Value::Type::null; return literal("null");
      default: return number(out);
    }
  }

  bool object(Value& out, int depth) {
    out.type = Value::Type::object;
    ++pos_;  // {
    space();
    if (peek() == '}') return ++pos_, true;
    for (;;) {
      space();
      std::string key;
      if (peek() != '"') return fail("expected a key");
      if (!string(key)) return false;
      if (out.get(key) != nullptr) return fail("duplicate key \"" + key + "\"");
      space();
      if (peek() != ':') return fail("expected ':'");
      ++pos_;
      space();
      Value v;
      if (!value(v, depth + 1)) return false;
      out.members.emplace_back(std::move(key), std::move(v));
      space();
      if (peek() == ',') { ++pos_; continue; }
      if (peek() == '}') return ++pos_, true;
      return fail("expected ',' or '}'");
    }
  }

  bool array(Value& out, int depth) {
    out.type = Value::Type::array;
    ++pos_;  // [
    space();
    if (peek() == ']') return ++pos_, true;
    for (;;) {
      space();
      Value v;
      if (!value(v, depth + 1)) return false;
      out.items.push_back(std::move(v));
      space();
      if (peek() == ',') { ++pos_; continue; }
      if (peek() == ']') return ++pos_, true;
      return fail("expected ',' or ']'");
    }
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  bool digits() {
    if (!is_digit(peek())) return fail("expected a digit");
    while (is_digit(peek())) ++pos_;
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, read with strtod (so 1e999 is +inf).
  bool number(Value& out) {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (is_digit(peek())) return fail("leading zero");
    } else if (!digits()) {
      return false;
    }
    if (peek() == '.') {
      ++pos_;
      if (!digits()) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return false;
    }
    out.type = Value::Type::number;
    out.text = s_.substr(start, pos_ - start);
    out.number = std::strtod(out.text.c_str(), nullptr);
    return true;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool hex4(unsigned& code) {
    code = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      const char c = peek();
      const int digit = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                              : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (digit < 0) return fail("bad \\u escape");
      code = code * 16 + static_cast<unsigned>(digit);
    }
    return true;
  }

  // One UTF-8 sequence starting at pos_ (a byte >= 0x80), copied to out.
  bool utf8(std::string& out) {
    const auto lead = static_cast<unsigned char>(peek());
    const int more = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC2 && lead < 0xE0 ? 1 : -1;
    if (lead >= 0xF5 || more < 0) return fail("invalid UTF-8");
    out += s_[pos_++];
    for (int i = 0; i < more; ++i, ++pos_) {
      if (at_end() || (static_cast<unsigned char>(peek()) & 0xC0) != 0x80) return fail("invalid UTF-8");
      out += s_[pos_];
    }
    return true;
  }

  bool string(std::string& out) {
    ++pos_;  // "
    for (;;) {
      if (at_end()) return fail("unterminated string");
      const char c = peek();
      if (c == '"') return ++pos_, true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("raw control character in a string");
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (!utf8(out)) return false;
        continue;
      }
      ++pos_;
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned code = 0;
          if (!hex4(code)) return false;
          if (code >= 0xD800 && code < 0xDC00) {  // a high surrogate needs its low half
            unsigned low = 0;
            if (peek() != '\\' || (++pos_, peek() != 'u')) return fail("lone surrogate");
            ++pos_;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low >= 0xE000) return fail("lone surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code < 0xE000) {
            return fail("lone surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default: --pos_; return fail("bad escape");
      }
    }
  }

  const std::string& s_;
  std::size_t pos_ = 0;
  std::string error_;
};

bool valid(const std::string& text) {
  Value v;
  return Parser(text).parse(v);
}

Value parse_or_fail(const std::string& text) {
  Value v;
  Parser parser(text);
  const bool ok = parser.parse(v);
  EXPECT_TRUE(ok) << parser.error() << "\n" << text.substr(0, 2000);
  return v;
}

// ---- the parser accepts JSON and rejects everything else

TEST(JsonParser, AcceptsJson) {
  for (const char* text : {"null", "true", "false", "0", "-0", "1.5", "-2.5e-3", "1E+2", "1e999",
                           "-1e999", "\"\"", "[]", "{}", "[[[]]]", " { \"a\" : [1, true, null] } \n",
                           "\"tab\\t quote\\\" slash\\/ \\u00e9 \\ud83d\\ude00\"", "\"α β\""}) {
    EXPECT_TRUE(valid(text)) << text;
  }
  Value v = parse_or_fail(R"({"a": {"b": [1, "x\u0041"]}, "n": 1e999, "m": -1e999})");
  ASSERT_EQ(v.type, Value::Type::object);
  EXPECT_EQ(v.get("a")->get("b")->items[1].text, "xA");
  EXPECT_EQ(v.get("n")->number, kInf);
  EXPECT_EQ(v.get("m")->number, -kInf);
  EXPECT_EQ(v.get("absent"), nullptr);
}

TEST(JsonParser, RejectsWhatIsNotJson) {
  for (const char* text : {"", " ", "{", "}", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}",
                           "{a:1}", "{\"a\":1,\"a\":2}", "01", "1.", ".5", "-", "+1", "1e", "1e+",
                           "0x10", "NaN", "Infinity", "-Infinity", "nul", "True", "'a'", "\"abc",
                           "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "[1] 2", "{} {}"}) {
    EXPECT_FALSE(valid(text)) << text;
  }
  EXPECT_FALSE(valid(std::string("\"a\x01\"")));     // a raw control character
  EXPECT_FALSE(valid(std::string("\"\xff\"")));      // not UTF-8
  EXPECT_FALSE(valid(std::string("\"\xce\"")));      // a truncated sequence
  EXPECT_FALSE(valid(std::string(100, '[') + std::string(100, ']')));  // deeper than 64
}

// ---- numbers as the writer spells them

// value is v: null for NaN, the literal +-1e999 for infinities, otherwise the same double.
::testing::AssertionResult same_number(const Value* value, double v) {
  if (value == nullptr) return ::testing::AssertionFailure() << "missing";
  if (std::isnan(v)) {
    if (value->type == Value::Type::null) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "NaN written as " << value->text << ", not null";
  }
  if (value->type != Value::Type::number) return ::testing::AssertionFailure() << "not a number";
  if (std::isinf(v) && value->text != (v > 0 ? "1e999" : "-1e999")) {
    return ::testing::AssertionFailure() << v << " written as " << value->text;
  }
  if (value->number != v) return ::testing::AssertionFailure() << value->text << " is not " << v;
  return ::testing::AssertionSuccess();
}

bool same_string(const Value* value, std::string_view s) {
  return value != nullptr && value->type == Value::Type::string && value->text == s;
}

// Every number in the tree is finite unless written as exactly +-1e999.
void expect_no_accidental_overflow(const Value& v) {
  if (v.type == Value::Type::number && std::isinf(v.number)) {
    EXPECT_TRUE(v.text == "1e999" || v.text == "-1e999") << v.text;
  }
  for (const Value& item : v.items) expect_no_accidental_overflow(item);
  for (const auto& member : v.members) expect_no_accidental_overflow(member.second);
}

// ---- registry_json()

class RegistryJson : public ::testing::Test {
 protected:
  const std::string text = registry_json();
  const Value root = parse_or_fail(text);
};

TEST_F(RegistryJson, IsWellFormed) {
  ASSERT_EQ(root.type, Value::Type::object);
  ASSERT_NE(root.get("functions"), nullptr);
  ASSERT_NE(root.get("comparisons"), nullptr);
  EXPECT_EQ(root.get("functions")->type, Value::Type::array);
  EXPECT_EQ(root.get("comparisons")->type, Value::Type::array);
  expect_no_accidental_overflow(root);
  const Value* samples = root.get("limits") ? root.get("limits")->get("samplePoints") : nullptr;
  ASSERT_NE(samples, nullptr);
  EXPECT_TRUE(same_number(samples->get("min"), static_cast<double>(kSampleMinPoints)));
  EXPECT_TRUE(same_number(samples->get("max"), static_cast<double>(kSampleMaxPoints)));
}

TEST_F(RegistryJson, ListsEveryFunctionInRegistryOrder) {
  const Value* functions = root.get("functions");
  ASSERT_NE(functions, nullptr);
  ASSERT_EQ(functions->items.size(), registry().size());
  for (std::size_t i = 0; i < registry().size(); ++i) {
    const ActivationSpec& spec = registry()[i];
    const Value& f = functions->items[i];
    SCOPED_TRACE(std::string(spec.slug));
    EXPECT_TRUE(same_string(f.get("slug"), spec.slug));
    EXPECT_TRUE(same_string(f.get("kind"), spec.kind == Kind::scalar   ? "scalar"
                                           : spec.kind == Kind::pieces ? "pieces"
                                                                       : "vector"));
    EXPECT_TRUE(same_string(f.get("group"), spec.group));
    EXPECT_TRUE(same_string(f.get("formula"), spec.formula_tex));
    EXPECT_TRUE(same_string(f.get("derivativeFormula"), spec.derivative_tex));
    if (!spec.parent.empty()) {
      EXPECT_TRUE(same_string(f.get("parent"), spec.parent));
    }
    const Value* band = f.get("band");
    if (spec.band_low.empty()) {
      EXPECT_EQ(band, nullptr);
    } else {
      ASSERT_NE(band, nullptr);
      ASSERT_EQ(band->items.size(), 2u);
      EXPECT_TRUE(same_string(&band->items[0], spec.band_low));
      EXPECT_TRUE(same_string(&band->items[1], spec.band_high));
    }
    if (has_curve(spec)) {
      EXPECT_TRUE(same_number(f.get("halfRange"), spec.half_range));
    }
    const Value* params = f.get("params");
    ASSERT_NE(params, nullptr);
    ASSERT_EQ(params->items.size(), spec.params.size());
    for (std::size_t k = 0; k < spec.params.size(); ++k) {
      const ParamSpec& p = spec.params[k];
      const Value& json = params->items[k];
      EXPECT_TRUE(same_string(json.get("name"), p.name));
      EXPECT_TRUE(same_string(json.get("symbol"), p.symbol));
      EXPECT_TRUE(same_number(json.get("default"), p.default_value));
      EXPECT_TRUE(same_number(json.get("min"), p.min));
      EXPECT_TRUE(same_number(json.get("max"), p.max));
      ASSERT_NE(json.get("minExclusive"), nullptr);
      EXPECT_EQ(json.get("minExclusive")->boolean, p.min_exclusive);
    }
    const Value* accuracy = f.get("accuracy");
    ASSERT_NE(accuracy, nullptr);
    EXPECT_TRUE(same_number(accuracy->get("f"), spec.accuracy.f_ulp));
    EXPECT_TRUE(same_number(accuracy->get("df"), spec.accuracy.df_ulp));
    if (spec.kind == Kind::pieces) {
      const Value* pieces = f.get("pieces");
      ASSERT_NE(pieces, nullptr);
      EXPECT_EQ(pieces->get("default")->items.size(), spec.pieces.defaults.size());
      ASSERT_EQ(pieces->get("presets")->items.size(), spec.pieces.presets.size());
      for (std::size_t k = 0; k < spec.pieces.presets.size(); ++k) {
        const PiecesPreset& preset = spec.pieces.presets[k];
        const Value& json = pieces->get("presets")->items[k];
        EXPECT_TRUE(same_string(json.get("id"), preset.id));
        ASSERT_EQ(json.get("pieces")->items.size(), preset.pieces.size());
        for (std::size_t j = 0; j < preset.pieces.size(); ++j) {
          EXPECT_TRUE(same_number(json.get("pieces")->items[j].get("w"), preset.pieces[j].w));
          EXPECT_TRUE(same_number(json.get("pieces")->items[j].get("b"), preset.pieces[j].b));
        }
      }
    }
    if (spec.kind == Kind::vector) {
      EXPECT_TRUE(same_number(f.get("maxLength"), static_cast<double>(spec.vector.max_length)));
      ASSERT_NE(f.get("logits"), nullptr);
      EXPECT_EQ(f.get("logits")->get("default")->items.size(), spec.vector.defaults.size());
    }
  }
}

TEST_F(RegistryJson, ListsEveryComparison) {
  const Value* list = root.get("comparisons");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items.size(), comparisons().size());
  for (std::size_t i = 0; i < comparisons().size(); ++i) {
    const ComparisonSpec& c = comparisons()[i];
    const Value& json = list->items[i];
    SCOPED_TRACE(std::string(c.id));
    EXPECT_TRUE(same_string(json.get("id"), c.id));
    EXPECT_TRUE(same_number(json.get("halfRange"), c.half_range));
    const char* style = c.style == ComparisonStyle::picker ? "picker" : c.style == ComparisonStyle::frameworks ? "frameworks" : "checklist";
    EXPECT_TRUE(same_string(json.get("style"), style));
    if (c.featured.empty()) EXPECT_EQ(json.get("featured"), nullptr);
    else EXPECT_TRUE(same_string(json.get("featured"), c.featured));
    EXPECT_TRUE(same_string(json.get("part"), c.part == Part::beyond ? "beyond" : "article"));
    for (const auto& [key, names] : {std::make_pair("members", &c.members), std::make_pair("hidden", &c.hidden)}) {
      const Value* array = json.get(key);
      ASSERT_NE(array, nullptr) << key;
      ASSERT_EQ(array->items.size(), names->size()) << key;
      for (std::size_t k = 0; k < names->size(); ++k) EXPECT_TRUE(same_string(&array->items[k], (*names)[k]));
    }
  }
}

TEST_F(RegistryJson, ListsEveryGroupInPageOrder) {
  const Value* list = root.get("groups");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items.size(), groups().size());
  for (std::size_t i = 0; i < groups().size(); ++i) {
    SCOPED_TRACE(std::string(groups()[i].id));
    EXPECT_TRUE(same_string(list->items[i].get("id"), groups()[i].id));
    EXPECT_TRUE(same_string(list->items[i].get("part"), groups()[i].part == Part::beyond ? "beyond" : "article"));
  }
}

// The page shows the groups in their order and each row inside its group, so the registry's
// rows run through the groups in that order, and every row's group is one of them.
TEST(RegistryGroups, EveryRowIsInAKnownGroupInPageOrder) {
  std::size_t last = 0;
  for (const ActivationSpec& spec : registry()) {
    SCOPED_TRACE(std::string(spec.slug));
    const GroupSpec* group = find_group(spec.group);
    ASSERT_NE(group, nullptr) << "unknown group " << spec.group;
    const auto index = static_cast<std::size_t>(group - groups().data());
    EXPECT_GE(index, last) << "rows of group " << spec.group << " after a later group's";
    last = index;
    if (!spec.parent.empty()) {
      const ActivationSpec* parent = find_activation(spec.parent);
      ASSERT_NE(parent, nullptr);
      EXPECT_EQ(parent->group, spec.group) << "a nested function sits in its parent's group";
    }
  }
  for (std::size_t i = 0; i < groups().size(); ++i) {
    for (std::size_t k = i + 1; k < groups().size(); ++k) EXPECT_NE(groups()[i].id, groups()[k].id);
  }
  EXPECT_EQ(groups()[0].part, Part::article) << "the article comes first";
  EXPECT_EQ(find_group("no such group"), nullptr);
}

// ---- properties_json()

void expect_properties(const Properties& p) {
  const Value v = parse_or_fail(properties_json(p));
  ASSERT_EQ(v.type, Value::Type::object);
  const Value* range = v.get("range");
  ASSERT_NE(range, nullptr);
  EXPECT_TRUE(same_number(range->get("min"), p.range.min));
  EXPECT_TRUE(same_number(range->get("max"), p.range.max));
  EXPECT_EQ(range->get("minInclusive")->boolean, p.range.min_inclusive);
  EXPECT_EQ(range->get("maxInclusive")->boolean, p.range.max_inclusive);
  const Value* values = range->get("values");
  EXPECT_EQ(values == nullptr, p.range.discrete_values.empty());
  if (values != nullptr) {
    ASSERT_EQ(values->items.size(), p.range.discrete_values.size());
    for (std::size_t i = 0; i < values->items.size(); ++i) {
      EXPECT_TRUE(same_number(&values->items[i], p.range.discrete_values[i]));
    }
  }
  EXPECT_TRUE(same_number(v.get("f0"), p.f_at_zero));
  EXPECT_TRUE(same_number(v.get("continuity"), p.continuity_order));
  const Value* kinks = v.get("nonDifferentiableAt");
  ASSERT_NE(kinks, nullptr);
  ASSERT_EQ(kinks->items.size(), p.non_differentiable_points.size());
  for (std::size_t i = 0; i < kinks->items.size(); ++i) {
    EXPECT_TRUE(same_number(&kinks->items[i], p.non_differentiable_points[i]));
  }
  const Value* steepest = v.get("maxAbsDerivative");
  ASSERT_NE(steepest, nullptr);
  EXPECT_TRUE(same_number(steepest->get("value"), p.max_abs_derivative));
  EXPECT_TRUE(same_number(steepest->get("from"), p.max_abs_derivative_from));
  EXPECT_TRUE(same_number(steepest->get("to"), p.max_abs_derivative_to));
  EXPECT_EQ(steepest->get("attained")->boolean, p.max_abs_derivative_attained);
  EXPECT_EQ(v.get("usesExp")->boolean, p.uses_exp);
  ASSERT_NE(v.get("zeroCentred"), nullptr);
  ASSERT_NE(v.get("saturates"), nullptr);
  const char* centring[] = {"symmetric", "partial", "none"};
  const char* saturation[] = {"none", "left", "right", "both"};
  const char* monotonicity[] = {"nonDecreasing", "none", "own"};
  EXPECT_TRUE(same_string(v.get("monotonic"), monotonicity[static_cast<int>(p.monotonic)]));
  EXPECT_TRUE(same_string(v.get("zeroCentred"), centring[static_cast<int>(p.zero_centred)]));
  EXPECT_TRUE(same_string(v.get("saturates"), saturation[static_cast<int>(p.saturates)]));
}

// Every function at every argument set the generic tests use: each field reads back as the
// same value, whatever its kind (NaN, infinities, subnormal kinks).
TEST(PropertiesJson, EveryFunctionReadsBackExactly) {
  for (const cases::CurveCase& c : cases::curve_cases(true)) {
    SCOPED_TRACE(c.label);
    expect_properties(c.spec->properties(c.args()));
  }
  for (const ActivationSpec& spec : registry()) {
    if (has_curve(spec)) continue;
    for (const ParamValues& values : cases::param_sets(spec, true)) {
      SCOPED_TRACE(cases::describe(spec, values));
      Arguments args;
      args.values = values;
      expect_properties(spec.properties(args));
    }
  }
}

// The spellings themselves, on rows that have them today.
TEST(PropertiesJson, NaNIsNullAndInfinityIs1e999) {
  const ActivationSpec& softmax = *find_activation("softmax");
  const std::string soft = properties_json(softmax.properties(default_arguments(softmax)));
  EXPECT_NE(soft.find("\"f0\":null"), std::string::npos) << soft;  // f(0) means nothing for a vector

  const ActivationSpec& relu = *find_activation("relu");
  const std::string r = properties_json(relu.properties(default_arguments(relu)));
  EXPECT_NE(r.find("\"to\":1e999"), std::string::npos) << r;   // |f'| = 1 all the way to +inf
  EXPECT_NE(r.find("\"max\":1e999"), std::string::npos) << r;  // range [0, inf)

  const ActivationSpec& step = *find_activation("step");
  const std::string s = properties_json(step.properties(default_arguments(step)));
  EXPECT_NE(s.find("\"from\":-1e999"), std::string::npos) << s;

  // A hand-made one with every special value in every numeric field.
  Properties p = relu.properties(default_arguments(relu));
  p.range = {-kInf, kInf, false, false, {}};
  p.f_at_zero = std::nan("");
  p.continuity_order = kSmooth;
  p.non_differentiable_points = {-kInf, std::nan(""), 5e-324, -0.0};
  const std::string text = properties_json(p);
  EXPECT_NE(text.find("\"range\":{\"min\":-1e999,\"max\":1e999,"), std::string::npos) << text;
  EXPECT_NE(text.find("\"continuity\":1e999"), std::string::npos) << text;
  EXPECT_NE(text.find("\"nonDifferentiableAt\":[-1e999,null,"), std::string::npos) << text;
  expect_properties(p);
  for (const char* bad : {"nan", "NaN", "inf", "Infinity"}) {
    EXPECT_EQ(text.find(bad), std::string::npos) << bad << " in " << text;
  }
}

}  // namespace
}  // namespace activation

// Native timing server for bench/core-bench.mjs: the same checked batch calls the wasm
// module's exports make (activation::evaluate_checked), built with -O3, driven over stdin so the Node script can interleave
// its samples with the wasm and plain-JS ones (A, B, C, A, B, C, ...).
//
// One command a line, one reply a line (errors reply "err <message>"):
//   list                              one "act <slug> <name>=<default>..." line per
//                                     function with a curve (activation::has_curve:
//                                     the scalar and pieces kinds), then "end"
//   dump <slug> <f|df> <n> <path>     write f or f' at the n bench inputs to <path>
//                                     as raw native-endian doubles; reply "ok"
//   time <slug> <f|df> <n> <reps> [min_ms]
//                                     reps samples of one batch call repeated until a
//                                     sample lasts >= min_ms (default 5; the repeat
//                                     count is calibrated once per slug/fn/n and kept);
//                                     reply "ok iters=<k> median=<ns/el> raw=<ns/el>,..."
//   quit
// The bench inputs are n points evenly spaced over [-10, 10], both ends included,
// computed as -10 + 20*i/(n-1) exactly as the Node script does. Every function is run at
// its registry defaults (activation::default_arguments: parameters and, for the pieces
// kind, its default pieces), so a row added to the registry is benchmarked as it is.
//
// Example: printf 'list\ntime <slug> f 1000 5\nquit\n' | build/native_bench

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "batch.hpp"
#include "registry.hpp"

namespace {

inline constexpr double kInputMin = -10.0;
inline constexpr double kInputSpan = 20.0;
inline constexpr double kDefaultMinSampleMs = 5.0;
inline constexpr std::size_t kMaxPoints = 100000000;
inline constexpr std::size_t kMaxReps = 1000;

using Clock = std::chrono::steady_clock;

// Tells the optimiser the buffer was read and may have been written, so a batch
// call whose result is never otherwise used cannot be dropped or hoisted.
inline void escape(void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  asm volatile("" : : "g"(p) : "memory");
#else
  static void* volatile sink_ptr;
  sink_ptr = p;
#endif
}

volatile double g_sink = 0.0;  // one value of every call's output ends up here

std::vector<double> bench_inputs(std::size_t n) {
  std::vector<double> x(n);
  if (n == 1) {
    x[0] = kInputMin;
    return x;
  }
  const double last = static_cast<double>(n - 1);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = kInputMin + kInputSpan * static_cast<double>(i) / last;
  }
  return x;
}

struct Case {
  const activation::ActivationSpec* spec;
  activation::Which which;
  activation::Arguments args;
};

// One call as the public APIs make it: checked (parameters, pieces), then the batch loop.
// The wasm module's exports run the same evaluate_checked, so both sides do the same work.
inline std::string call(const Case& c, const double* x, double* out, std::size_t n) {
  return activation::evaluate_checked(*c.spec, c.which, x, out, n, c.args.values, c.args.pieces,
                                      c.args.piece_count);
}

class Bench {
 public:
  void list(std::ostream& out) const {
    for (const auto& spec : activation::registry()) {
      if (!activation::has_curve(spec)) continue;
      const activation::ParamValues values = activation::default_arguments(spec).values;
      out << "act " << spec.slug;
      for (std::size_t i = 0; i < spec.params.size() && i < values.size(); ++i) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", values[i]);
        out << ' ' << spec.params[i].name << '=' << buf;
      }
      out << '\n';
    }
    out << "end\n";
  }

  // Empty string on success, else why the case can't be run.
  std::string make_case(const std::string& slug, const std::string& fn_name, Case& c) const {
    c.spec = activation::find_activation(slug);
    if (c.spec == nullptr) return "unknown slug '" + slug + "'";
    if (!activation::has_curve(*c.spec)) return "'" + slug + "' has no curve (a vector function)";
    if (fn_name == "f") {
      c.which = activation::Which::value;
    } else if (fn_name == "df") {
      c.which = activation::Which::derivative;
    } else {
      return "fn must be f or df, not '" + fn_name + "'";
    }
    // The registry's defaults; the pieces kind's default pieces live in the registry row.
    c.args = activation::default_arguments(*c.spec);
    double probe = 0.0;
    return call(c, &probe, &probe, 1);  // the checks' verdict, once, outside any timing
  }

  std::string dump(const Case& c, std::size_t n, const std::string& path) {
    const std::vector<double>& x = inputs(n);
    std::vector<double> out(n);
    const std::string error = call(c, x.data(), out.data(), n);
    if (!error.empty()) return error;
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) return "cannot open '" + path + "' for writing";
    const std::size_t written = std::fwrite(out.data(), sizeof(double), n, file);
    const bool closed = std::fclose(file) == 0;
    if (written != n || !closed) return "short write to '" + path + "'";
    return {};
  }

  // Median and raw ns/element over `reps` samples.
  std::string time(const Case& c, const std::string& slug, const std::string& fn_name,
                   std::size_t n, std::size_t reps, double min_ms) {
    const std::vector<double>& x = inputs(n);
    std::vector<double>& out = output(n);
    const double min_ns = min_ms * 1e6;

    const auto key = std::make_tuple(slug, fn_name, n);
    auto found = iterations_.find(key);
    if (found == iterations_.end() || found->second.min_ms != min_ms) {
      found = iterations_.insert_or_assign(key, Calibration{calibrate(c, x, out, min_ns), min_ms})
                  .first;
    }
    const std::size_t iters = found->second.iters;

    std::vector<double> samples;
    samples.reserve(reps);
    for (std::size_t r = 0; r < reps; ++r) {
      const double ns = run(c, x, out, iters);
      samples.push_back(ns / (static_cast<double>(iters) * static_cast<double>(n)));
    }
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    const double median =
        sorted.size() % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);

    std::ostringstream reply;
    reply.precision(6);
    reply << "ok iters=" << iters << " median=" << median << " raw=";
    for (std::size_t r = 0; r < samples.size(); ++r) reply << (r ? "," : "") << samples[r];
    return reply.str();
  }

 private:
  struct Calibration {
    std::size_t iters;
    double min_ms;
  };

  const std::vector<double>& inputs(std::size_t n) {
    auto it = inputs_.find(n);
    if (it == inputs_.end()) it = inputs_.emplace(n, bench_inputs(n)).first;
    return it->second;
  }
  std::vector<double>& output(std::size_t n) {
    auto it = outputs_.find(n);
    if (it == outputs_.end()) it = outputs_.emplace(n, std::vector<double>(n)).first;
    return it->second;
  }

  // Wall time in ns of `iters` back-to-back batch calls.
  static double run(const Case& c, const std::vector<double>& x, std::vector<double>& out,
                    std::size_t iters) {
    const std::size_t n = x.size();
    double acc = 0.0;
    const auto start = Clock::now();
    for (std::size_t k = 0; k < iters; ++k) {
      call(c, x.data(), out.data(), n);
      escape(out.data());
      acc += out[k % n];
    }
    const auto stop = Clock::now();
    g_sink = g_sink + acc;
    return static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count());
  }

  // Smallest doubling of the repeat count whose sample lasts >= min_ns, with a
  // little margin; also warms caches and the branch predictors.
  static std::size_t calibrate(const Case& c, const std::vector<double>& x,
                               std::vector<double>& out, double min_ns) {
    std::size_t iters = 1;
    for (;;) {
      const double ns = run(c, x, out, iters);
      if (ns >= min_ns) return iters;
      if (ns < min_ns / 8.0) {
        iters *= 2;
        continue;
      }
      const double scaled = static_cast<double>(iters) * min_ns * 1.1 / std::max(ns, 1.0);
      iters = std::max(iters + 1, static_cast<std::size_t>(scaled));
    }
  }

  std::map<std::size_t, std::vector<double>> inputs_;
  std::map<std::size_t, std::vector<double>> outputs_;
  std::map<std::tuple<std::string, std::string, std::size_t>, Calibration> iterations_;
};

bool parse_size(const std::string& text, std::size_t max, std::size_t& value) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  try {
    const unsigned long long parsed = std::stoull(text);
    if (parsed == 0 || parsed > max) return false;
    value = static_cast<std::size_t>(parsed);
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  Bench bench;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string command;
    if (!(in >> command)) continue;
    if (command == "quit") break;
    if (command == "list") {
      bench.list(std::cout);
      std::cout.flush();
      continue;
    }
    std::string slug, fn_name, n_text, extra;
    std::size_t n = 0;
    in >> slug >> fn_name >> n_text;
    std::string reply;
    Case c{};
    if (command != "dump" && command != "time") {
      reply = "err unknown command '" + command + "' (list, dump, time, quit)";
    } else if (!parse_size(n_text, kMaxPoints, n)) {
      reply = "err n must be an integer in [1, " + std::to_string(kMaxPoints) + "]";
    } else if (std::string why = bench.make_case(slug, fn_name, c); !why.empty()) {
      reply = "err " + why;
    } else if (command == "dump") {
      std::string path;
      if (!(in >> path)) {
        reply = "err usage: dump <slug> <f|df> <n> <path>";
      } else {
        const std::string why_not = bench.dump(c, n, path);
        reply = why_not.empty() ? "ok" : "err " + why_not;
      }
    } else {
      std::string reps_text;
      std::size_t reps = 0;
      double min_ms = kDefaultMinSampleMs;
      in >> reps_text;
      if (!parse_size(reps_text, kMaxReps, reps)) {
        reply = "err reps must be an integer in [1, " + std::to_string(kMaxReps) + "]";
      } else if (in >> extra) {
        try {
          min_ms = std::stod(extra);
        } catch (...) {
          min_ms = -1.0;
        }
        if (!(min_ms > 0.0 && min_ms <= 10000.0)) reply = "err min_ms must be in (0, 10000]";
      }
      if (reply.empty()) reply = bench.time(c, slug, fn_name, n, reps, min_ms);
    }
    std::cout << reply << '\n';
    std::cout.flush();
  }
  return 0;
}

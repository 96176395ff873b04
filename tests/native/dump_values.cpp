// Prints f and f' of every activation with a curve (at its default pieces) from the native build, so the JS tests can
// check that the WebAssembly module computes the same numbers.
// Input lines: "<slug> <param or -> <x1> <x2> ...". Output: "<f1> <df1> <f2> <df2> ...".
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "registry.hpp"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string slug, param;
    in >> slug >> param;
    const activation::ActivationSpec* spec = activation::find_activation(slug);
    if (spec == nullptr || !activation::has_curve(*spec)) {
      std::printf("error unknown activation with a curve %s\n", slug.c_str());
      continue;
    }
    activation::Arguments args = activation::default_arguments(*spec);
    if (param != "-") args.values[0] = std::stod(param);
    std::string x;
    bool first = true;
    while (in >> x) {
      const double v = std::stod(x);
      std::printf(first ? "%.17g %.17g" : " %.17g %.17g", spec->f(v, args), spec->df(v, args));
      first = false;
    }
    std::printf("\n");
    std::fflush(stdout);
  }
  return 0;
}

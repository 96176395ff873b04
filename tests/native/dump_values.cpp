// Prints f and f' of every scalar activation from the native build, so the JS tests can
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
  const std::vector<activation::Piece> pieces = activation::maxout_default_pieces();
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string slug, param;
    in >> slug >> param;
    const activation::ActivationSpec* spec = activation::find_activation(slug);
    if (spec == nullptr || spec->kind != activation::Kind::scalar) {
      std::printf("error unknown scalar activation %s\n", slug.c_str());
      continue;
    }
    activation::Arguments args;
    args.values = activation::default_params(*spec);
    if (param != "-") args.values[0] = std::stod(param);
    args.pieces = pieces.data();
    args.piece_count = pieces.size();
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

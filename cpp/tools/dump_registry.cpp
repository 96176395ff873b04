// Writes the registry as JSON (registry_json.hpp) to the path given, for readers outside
// the core: the mpmath oracle takes its list of functions and parameters from it.
//   dump_registry OUTPUT_PATH
#include <cstdio>
#include <string>

#include "registry_json.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: dump_registry OUTPUT_PATH\n");
    return 2;
  }
  const std::string json = activation::registry_json() + "\n";
  std::FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr || std::fwrite(json.data(), 1, json.size(), out) != json.size() || std::fclose(out) != 0) {
    std::fprintf(stderr, "dump_registry: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}

// Any text: load_yaml must not crash, and a plan it accepts must survive to_yaml → load_yaml
// unchanged (and the canonical text must be stable).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "planfile/plan_yaml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace planscore::planfile;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = load_yaml(text);
  if (!loaded.plan) return 0;
  const std::string canonical = to_yaml(*loaded.plan);
  auto reloaded = load_yaml(canonical);
  if (!reloaded.plan || !(*reloaded.plan == *loaded.plan)) __builtin_trap();
  if (to_yaml(*reloaded.plan) != canonical) __builtin_trap();
  return 0;
}

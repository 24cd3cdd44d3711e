// libFuzzer target: reading out/.plenary-cache/unchanged.stat, the unchanged check's stat
// cache, which the front reads before anything else in the output folder, whatever a crash, a
// careless tool or a hostile user left there (output/stat_cache.cpp). Any bytes must give a
// cache or "not ours" (the full check then runs), quickly, never a crash, a hang or a runaway
// allocation. Most mutations break the cache's own checksum, so each input is also tried with
// its checksum appended: the fuzzer reaches the parser behind it. What is accepted survives
// the round trip: written again and read back, it is accepted and writes the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/content_hash.hpp"
#include "output/stat_cache.hpp"

namespace {

void check(const std::string& text) {
  namespace detail = plenary::output::detail;
  const auto cache = detail::parse_stat_cache(text);
  if (!cache) return;
  const std::string written = detail::serialize_stat_cache(*cache);
  const auto again = detail::parse_stat_cache(written);
  if (!again) std::abort();                                          // we refuse what we wrote
  if (detail::serialize_stat_cache(*again) != written) std::abort();  // not a fixed point
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check(text);
  check(text + "sum " + plenary::core::content_hash(text) + "\n");
  return 0;
}

// libFuzzer target: reading out/manifest.json, which every build and the front's unchanged
// check read first, whatever an earlier run, a crash or a careless tool left in out/
// (output/manifest_parse.cpp, nlohmann's event parser). Any bytes must give a manifest or
// "not ours" (every output rebuilt), quickly, never a crash, a hang or a runaway allocation.
// And what it accepts must survive the round trip: written again (serialize_manifest, Poco)
// and read back, it is accepted and writes the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "output/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace detail = plenary::output::detail;
  const std::string text(reinterpret_cast<const char*>(data), size);
  detail::Manifest manifest;
  if (!detail::parse_manifest(text, manifest)) return 0;
  const std::string written = detail::serialize_manifest(manifest, "0.1.0");
  detail::Manifest again;
  if (!detail::parse_manifest(written, again)) std::abort();  // we refuse what we wrote
  if (detail::serialize_manifest(again, "0.1.0") != written) std::abort();  // not a fixed point
  return 0;
}

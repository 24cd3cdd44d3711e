// Reading out/manifest.json (manifest.hpp). With nlohmann/json, a header-only library, going
// around Poco::JSON for a measured bottleneck: the unchanged nightly's fast path, the front
// (src/front/main.cpp), must not load Poco. Measured (callgrind, docs/performance.md,
// "Start-up"): a program printing one line executes 0.23 M instructions with libstdc++ linked
// in, 9.9 M once Poco's Foundation, JSON and Util are loaded (the dynamic loader's
// relocations); `plenary --version` went from 26.9 M to 0.23 M and the unchanged nightly at
// K=0 from 15.4 to 5.4 ms of CPU. serialize_manifest (manifest.cpp) still writes with
// Poco::JSON, so the manifest's bytes are unchanged, and manifest_test holds what this reads
// equal to what Poco wrote (escapes, accents, a character beyond the BMP).
#include <nlohmann/json.hpp>

#include "output/manifest.hpp"

namespace plenary::output::detail {

namespace {

using Json = nlohmann::json;

// A member's value as T, or `fallback` when the member is absent (a member of another type
// throws, as a damaged manifest should).
template <typename T>
T optional_member(const Json& object, const char* name, T fallback) {
  const auto it = object.find(name);
  return it == object.end() ? fallback : it->get<T>();
}

}  // namespace

bool parse_manifest(const std::string& text, Manifest& manifest) {
  manifest.outputs.clear();
  manifest.check = {};
  try {
    const Json root = Json::parse(text);
    if (!root.is_object() || optional_member<int>(root, "schema", 0) != Manifest::kSchema)
      return false;
    const auto outputs = root.find("outputs");
    if (outputs == root.end() || !outputs->is_object()) return false;
    for (const auto& [path, entry] : outputs->items()) {
      if (!entry.is_object()) throw std::runtime_error("an output entry is not an object");
      ManifestEntry e;
      e.document = optional_member<std::string>(entry, "document", "");
      e.lang = optional_member<std::string>(entry, "lang", "");
      e.input_hash = entry.at("input_hash").get<std::string>();
      e.output_hash = entry.at("output_hash").get<std::string>();
      e.bytes = optional_member<std::uint64_t>(entry, "bytes", 0);
      e.inputs_digest = optional_member<std::string>(entry, "inputs_digest", "");
      manifest.outputs.emplace(path, std::move(e));
    }
    if (const auto check = root.find("unchanged_check");
        check != root.end() && check->is_object()) {
      UnchangedCheck c;
      c.key = check->at("key").get<std::string>();
      const auto read = check->find("read");
      const auto paths = check->find("outputs");
      if (read != check->end() && read->is_object() && paths != check->end() &&
          paths->is_array()) {
        for (const auto& [name, value] : read->items())
          c.read.emplace(name, value.get<std::string>());
        for (const auto& path : *paths) c.outputs.push_back(path.get<std::string>());
        if (const auto warnings = check->find("warnings");
            warnings != check->end() && warnings->is_array()) {
          for (const auto& w : *warnings) {
            if (!w.is_object()) throw std::runtime_error("a warning is not an object");
            Diagnostic d;
            d.severity = Severity::Warning;
            d.pos.path = w.at("path").get<std::string>();
            d.pos.line = w.at("line").get<int>();
            d.pos.col = w.at("col").get<int>();
            d.message = w.at("message").get<std::string>();
            d.hint = optional_member<std::string>(w, "hint", "");
            c.warnings.push_back(std::move(d));
          }
        }
        manifest.check = std::move(c);
      }
    }
    return true;
  } catch (const std::exception&) {
  }
  manifest.outputs.clear();
  manifest.check = {};
  return false;
}

}  // namespace plenary::output::detail

#include "output/manifest.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace plenary::output::detail {

std::string serialize_manifest(const Manifest& manifest, const std::string& program_version) {
  Poco::JSON::Object outputs;
  for (const auto& [path, e] : manifest.outputs) {
    Poco::JSON::Object entry;
    entry.set("document", e.document);
    entry.set("lang", e.lang);
    entry.set("input_hash", e.input_hash);
    entry.set("output_hash", e.output_hash);
    entry.set("bytes", e.bytes);
    if (!e.inputs_digest.empty()) entry.set("inputs_digest", e.inputs_digest);
    outputs.set(path, entry);
  }
  Poco::JSON::Object root;
  root.set("schema", Manifest::kSchema);
  root.set("plenary_version", program_version);
  root.set("outputs", outputs);
  if (!manifest.check.key.empty()) {
    Poco::JSON::Object check;
    Poco::JSON::Object read;
    for (const auto& [name, value] : manifest.check.read) read.set(name, value);
    Poco::JSON::Array paths;
    for (const auto& path : manifest.check.outputs) paths.add(path);
    check.set("key", manifest.check.key);
    check.set("read", read);
    check.set("outputs", paths);
    Poco::JSON::Array warnings;
    for (const Diagnostic& d : manifest.check.warnings) {
      Poco::JSON::Object w;
      w.set("path", d.pos.path);
      w.set("line", d.pos.line);
      w.set("col", d.pos.col);
      w.set("message", d.message);
      w.set("hint", d.hint);
      warnings.add(w);
    }
    check.set("warnings", warnings);
    root.set("unchanged_check", check);
  }
  std::ostringstream text;
  root.stringify(text, 2);
  text << '\n';
  return text.str();
}

}  // namespace plenary::output::detail

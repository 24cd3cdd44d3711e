#include "output/manifest.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace plenary::output::detail {

bool parse_manifest(const std::string& text, Manifest& manifest) {
  manifest.outputs.clear();
  manifest.check = {};
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    if (!root || root->optValue<int>("schema", 0) != Manifest::kSchema) return false;
    auto outputs = root->getObject("outputs");
    if (!outputs) return false;
    for (const auto& [path, value] : *outputs) {
      auto entry = value.extract<Poco::JSON::Object::Ptr>();
      ManifestEntry e;
      e.document = entry->optValue<std::string>("document", "");
      e.lang = entry->optValue<std::string>("lang", "");
      e.input_hash = entry->getValue<std::string>("input_hash");
      e.output_hash = entry->getValue<std::string>("output_hash");
      e.bytes = entry->optValue<std::uint64_t>("bytes", 0);
      e.inputs_digest = entry->optValue<std::string>("inputs_digest", "");
      manifest.outputs.emplace(path, std::move(e));
    }
    if (auto check = root->getObject("unchanged_check")) {
      UnchangedCheck c;
      c.key = check->getValue<std::string>("key");
      auto read = check->getObject("read");
      auto paths = check->getArray("outputs");
      if (read && paths) {
        for (const auto& [name, value] : *read) c.read.emplace(name, value.extract<std::string>());
        for (const auto& path : *paths) c.outputs.push_back(path.extract<std::string>());
        if (auto warnings = check->getArray("warnings")) {
          for (std::size_t i = 0; i < warnings->size(); ++i) {
            auto w = warnings->getObject(static_cast<unsigned>(i));
            if (!w) return false;
            Diagnostic d;
            d.severity = Severity::Warning;
            d.pos.path = w->getValue<std::string>("path");
            d.pos.line = w->getValue<int>("line");
            d.pos.col = w->getValue<int>("col");
            d.message = w->getValue<std::string>("message");
            d.hint = w->optValue<std::string>("hint", "");
            c.warnings.push_back(std::move(d));
          }
        }
        manifest.check = std::move(c);
      }
    }
    return true;
  } catch (const Poco::Exception&) {
  } catch (const std::exception&) {
  }
  manifest.outputs.clear();
  manifest.check = {};
  return false;
}

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

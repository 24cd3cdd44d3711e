// Reading out/manifest.json (manifest.hpp). With nlohmann/json, a header-only library, going
// around Poco::JSON for a measured bottleneck: the unchanged nightly's fast path, the front
// (src/front/main.cpp), must not load Poco. Measured (callgrind, docs/performance.md,
// "Start-up"): a program printing one line executes 0.23 M instructions with libstdc++ linked
// in, 9.9 M once Poco's Foundation, JSON and Util are loaded (the dynamic loader's
// relocations); `plenary --version` went from 26.9 M to 0.23 M and the unchanged nightly at
// K=0 from 15.4 to 5.4 ms of CPU. serialize_manifest (manifest.cpp) still writes with
// Poco::JSON, so the manifest's bytes are unchanged, and manifest_test holds what this reads
// equal to what Poco wrote (escapes, accents, a character beyond the BMP).
//
// Read as events (nlohmann's SAX interface) straight into the Manifest, without building the
// document tree first: the tree's nodes were 40 % of the parse (0.89 of 1.08 ms for the 152 KB
// manifest of the K=8 committee, whose every unchanged nightly reads it; docs/performance.md,
// branch nightly). What is accepted and refused is what the tree version accepted and refused.
#include <nlohmann/json.hpp>

#include "output/manifest.hpp"

namespace plenary::output::detail {

namespace {

using Json = nlohmann::json;

// Fills a Manifest from the parser's events. Every container opened is pushed with what it is;
// a member this version does not read is skipped, whatever it holds. A member of the wrong
// type fails the whole parse (a damaged manifest counts as empty).
class ManifestReader : public nlohmann::json_sax<Json> {
 public:
  explicit ManifestReader(Manifest& manifest) : manifest_(manifest) {}

  // After a parse that succeeded: whether the text is a manifest of ours.
  bool complete() {
    if (!root_seen_ || schema_ != Manifest::kSchema || !outputs_seen_) return false;
    if (check_seen_) {
      if (!check_key_seen_) return false;
      if (read_is_object_ && paths_is_array_) {
        check_.warnings = warnings_is_array_ ? std::move(warnings_) : std::vector<Diagnostic>{};
        manifest_.check = std::move(check_);
      }
    }
    return true;
  }

  bool null() override { return scalar(Kind::Other); }
  bool boolean(bool) override { return scalar(Kind::Other); }
  bool number_integer(number_integer_t value) override {
    integer_ = static_cast<std::int64_t>(value);
    return scalar(Kind::Number);
  }
  bool number_unsigned(number_unsigned_t value) override {
    integer_ = static_cast<std::int64_t>(value);
    return scalar(Kind::Number);
  }
  bool number_float(number_float_t value, const string_t&) override {
    // Truncated as the tree's get<int> truncates; a value no integer holds (1e300) is refused
    // rather than converted (which would be undefined).
    if (!(value > -9.2e18 && value < 9.2e18)) return false;
    integer_ = static_cast<std::int64_t>(value);
    return scalar(Kind::Number);
  }
  bool string(string_t& value) override {
    string_ = &value;
    return scalar(Kind::String);
  }
  bool binary(binary_t&) override { return scalar(Kind::Other); }

  bool key(string_t& name) override {
    key_ = std::move(name);
    return true;
  }

  bool start_object(std::size_t) override {
    const At at = stack_.empty() ? At::Top : stack_.back();
    At opened = At::Skip;
    switch (at) {
      case At::Top:
        root_seen_ = true;
        opened = At::Root;
        break;
      case At::Root:
        if (key_ == "outputs") {
          outputs_seen_ = true;
          manifest_.outputs.clear();
          opened = At::Outputs;
        } else if (key_ == "unchanged_check") {
          check_seen_ = true;
          check_key_seen_ = read_is_object_ = paths_is_array_ = warnings_is_array_ = false;
          check_ = {};
          warnings_.clear();
          opened = At::Check;
        } else if (key_ == "schema") {
          return false;
        }
        break;
      case At::Outputs:
        entry_path_ = key_;
        entry_ = {};
        has_input_hash_ = has_output_hash_ = false;
        opened = At::Entry;
        break;
      case At::Check:
        if (key_ == "read") {
          read_is_object_ = true;
          check_.read.clear();
          opened = At::Read;
        } else if (key_ == "key") {
          return false;
        }
        break;
      case At::Warnings:
        warning_ = {};
        warning_.severity = Severity::Warning;
        warning_members_ = 0;
        opened = At::Warning;
        break;
      case At::Entry:
      case At::Warning:
        if (fixed_member(at)) return false;
        break;
      case At::Read:
      case At::Paths:
        return false;  // a value that is not a string
      case At::Skip:
        break;
    }
    stack_.push_back(opened);
    return true;
  }

  bool end_object() override {
    const At at = stack_.back();
    stack_.pop_back();
    if (at == At::Entry) {
      if (!has_input_hash_ || !has_output_hash_) return false;
      manifest_.outputs.insert_or_assign(std::move(entry_path_), std::move(entry_));
    } else if (at == At::Warning) {
      if (warning_members_ != kAllWarningMembers) return false;
      warnings_.push_back(std::move(warning_));
    }
    return true;
  }

  bool start_array(std::size_t) override {
    const At at = stack_.empty() ? At::Top : stack_.back();
    At opened = At::Skip;
    switch (at) {
      case At::Top:
        return false;  // not an object: not ours
      case At::Root:
        if (key_ == "outputs" || key_ == "schema") return false;
        break;
      case At::Outputs:
      case At::Read:
      case At::Paths:
      case At::Warnings:
        return false;  // an entry, a value, a path, a warning that is not what it must be
      case At::Check:
        if (key_ == "outputs") {
          paths_is_array_ = true;
          check_.outputs.clear();
          opened = At::Paths;
        } else if (key_ == "warnings") {
          warnings_is_array_ = true;
          warnings_.clear();
          opened = At::Warnings;
        } else if (key_ == "key") {
          return false;
        }
        break;
      case At::Entry:
      case At::Warning:
        if (fixed_member(at)) return false;
        break;
      case At::Skip:
        break;
    }
    stack_.push_back(opened);
    return true;
  }

  bool end_array() override {
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  enum class At { Top, Root, Outputs, Entry, Check, Read, Paths, Warnings, Warning, Skip };
  enum class Kind { String, Number, Other };
  static constexpr int kAllWarningMembers = 1 | 2 | 4 | 8;  // path, line, col, message

  // Whether the current key names a member of an entry or a warning that this version reads
  // (which a container may not be).
  bool fixed_member(At at) const {
    if (at == At::Entry)
      return key_ == "document" || key_ == "lang" || key_ == "input_hash" ||
             key_ == "output_hash" || key_ == "bytes" || key_ == "inputs_digest";
    return key_ == "path" || key_ == "line" || key_ == "col" || key_ == "message" || key_ == "hint";
  }

  bool scalar(Kind kind) {
    if (stack_.empty()) return false;  // a scalar for the whole text
    switch (stack_.back()) {
      case At::Root:
        if (key_ == "schema") {
          if (kind != Kind::Number) return false;
          schema_ = static_cast<int>(integer_);
        } else if (key_ == "outputs") {
          return false;
        }
        return true;
      case At::Outputs:
        return false;  // an output entry is not an object
      case At::Entry:
        return entry_member(kind);
      case At::Check:
        if (key_ == "key") {
          if (kind != Kind::String) return false;
          check_.key = std::move(*string_);
          check_key_seen_ = true;
        }
        return true;
      case At::Read:
        if (kind != Kind::String) return false;
        check_.read.insert_or_assign(key_, std::move(*string_));
        return true;
      case At::Paths:
        if (kind != Kind::String) return false;
        check_.outputs.push_back(std::move(*string_));
        return true;
      case At::Warnings:
        return false;  // a warning is not an object
      case At::Warning:
        return warning_member(kind);
      case At::Top:
      case At::Skip:
        return true;
    }
    return true;
  }

  bool entry_member(Kind kind) {
    std::string* text = nullptr;
    if (key_ == "document") {
      text = &entry_.document;
    } else if (key_ == "lang") {
      text = &entry_.lang;
    } else if (key_ == "input_hash") {
      text = &entry_.input_hash;
      has_input_hash_ = true;
    } else if (key_ == "output_hash") {
      text = &entry_.output_hash;
      has_output_hash_ = true;
    } else if (key_ == "inputs_digest") {
      text = &entry_.inputs_digest;
    } else if (key_ == "bytes") {
      if (kind != Kind::Number) return false;
      entry_.bytes = static_cast<std::uint64_t>(integer_);
      return true;
    } else {
      return true;  // a member this version does not read
    }
    if (kind != Kind::String) return false;
    *text = std::move(*string_);
    return true;
  }

  bool warning_member(Kind kind) {
    if (key_ == "line" || key_ == "col") {
      if (kind != Kind::Number) return false;
      (key_ == "line" ? warning_.pos.line : warning_.pos.col) = static_cast<int>(integer_);
      warning_members_ |= key_ == "line" ? 2 : 4;
      return true;
    }
    std::string* text = nullptr;
    if (key_ == "path") {
      text = &warning_.pos.path;
      warning_members_ |= 1;
    } else if (key_ == "message") {
      text = &warning_.message;
      warning_members_ |= 8;
    } else if (key_ == "hint") {
      text = &warning_.hint;
    } else {
      return true;
    }
    if (kind != Kind::String) return false;
    *text = std::move(*string_);
    return true;
  }

  Manifest& manifest_;
  std::vector<At> stack_;
  std::string key_;
  string_t* string_ = nullptr;
  std::int64_t integer_ = 0;
  bool root_seen_ = false;
  int schema_ = 0;
  bool outputs_seen_ = false;
  std::string entry_path_;
  ManifestEntry entry_;
  bool has_input_hash_ = false;
  bool has_output_hash_ = false;
  bool check_seen_ = false;
  bool check_key_seen_ = false;
  bool read_is_object_ = false;
  bool paths_is_array_ = false;
  bool warnings_is_array_ = false;
  UnchangedCheck check_;
  std::vector<Diagnostic> warnings_;
  Diagnostic warning_;
  int warning_members_ = 0;
};

}  // namespace

bool parse_manifest(const std::string& text, Manifest& manifest) {
  manifest.outputs.clear();
  manifest.check = {};
  try {
    ManifestReader reader(manifest);
    if (Json::sax_parse(text, &reader) && reader.complete()) return true;
  } catch (const std::exception&) {
  }
  manifest.outputs.clear();
  manifest.check = {};
  return false;
}

}  // namespace plenary::output::detail

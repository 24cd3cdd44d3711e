// Typed, checked access to the raw YAML of one file. Every problem becomes a diagnostic at
// the node's position; a getter that fails returns an empty value and the caller moves on, so
// one run reports every problem of every file.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostic.hpp"
#include "model/model.hpp"
#include "model/values.hpp"

namespace plenary::model {

// "a mapping", "a list", "a string", "nothing": what a node is, for messages.
std::string describe(const YAML::Node& node);

// "id" -> "'id'": a name quoted in a message.
std::string squote(const std::string& s);

class FileReader {
 public:
  FileReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}
  const std::string& path() const { return path_; }
  Diagnostics& diags() const { return diags_; }
  SourcePos pos(const YAML::Node& node) const;

 private:
  std::string path_;
  Diagnostics& diags_;
};

enum class Need { None, Optional, Required };

// A mapping with a fixed set of known keys. Construction reports unknown keys (with the
// closest known key as hint), duplicate keys and non-string keys.
class Fields {
 public:
  Fields(const FileReader& file, const YAML::Node& node, std::initializer_list<const char*> keys,
         const std::string& what);

  bool ok() const { return ok_; }  // the node was a mapping
  SourcePos pos() const { return pos_; }
  const FileReader& file() const { return file_; }

  bool has(const std::string& key) const;          // present with a non-null value
  YAML::Node value(const std::string& key) const;  // undefined when absent
  SourcePos key_pos(const std::string& key) const;
  SourcePos value_pos(const std::string& key) const;  // the value's, or the key's when null

  std::string string(const std::string& key, Need need);
  std::string id(const std::string& key, Need need);  // checked against the id pattern
  std::optional<Markdown> markdown(const std::string& key, Need need);
  std::optional<Ref> ref(const std::string& key, Need need);
  std::optional<int> integer(const std::string& key, Need need);
  bool boolean(const std::string& key, bool fallback);
  std::optional<Date> date(const std::string& key, Need need, DatePrecision finest_required);
  std::optional<TimeOfDay> time(const std::string& key, Need need);
  std::optional<Person> person(const std::string& key, Need need);

  // Lists; `non_empty` reports an empty or missing list when set.
  YAML::Node list(const std::string& key, Need need, bool non_empty = false);
  std::vector<std::string> strings(const std::string& key);
  std::vector<Markdown> markdowns(const std::string& key, Need need);
  std::vector<Ref> refs(const std::string& key);
  std::vector<Person> persons(const std::string& key);

  // One of a fixed set of words; `fallback` when absent (and Need::Optional).
  template <typename E>
  E choice(const std::string& key, Need need,
           std::initializer_list<std::pair<const char*, E>> words, E fallback);

  void missing(const std::string& key, const std::string& hint = {});

 private:
  bool scalar(const std::string& key, Need need, std::string& out);
  std::string choice_error(const std::string& key, const std::string& word,
                           const std::vector<std::string>& words);

  const FileReader& file_;
  YAML::Node node_;
  SourcePos pos_;
  bool ok_ = false;
  struct Entry {
    std::string key;
    YAML::Node key_node, value;
  };
  std::vector<Entry> entries_;
  const Entry* find(const std::string& key) const;
};

// A person: a plain string (the name) or a mapping {name, institute?, role?, email?}.
std::optional<Person> read_person(const FileReader& file, const YAML::Node& node);

// A scalar in a list, or an error naming what it should have been.
std::optional<std::string> read_scalar(const FileReader& file, const YAML::Node& node,
                                       const std::string& what);

template <typename E>
E Fields::choice(const std::string& key, Need need,
                 std::initializer_list<std::pair<const char*, E>> words, E fallback) {
  std::string word;
  if (!scalar(key, need, word)) return fallback;
  std::vector<std::string> names;
  for (const auto& w : words) {
    if (word == w.first) return w.second;
    names.push_back(w.first);
  }
  choice_error(key, word, names);
  return fallback;
}

}  // namespace plenary::model

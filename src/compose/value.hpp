// The Mustache context as plain, ordered data: one tree serves both rendering (converted to
// kainjow data) and fingerprinting (a canonical serialisation of exactly what a document uses).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::compose::detail {

struct Value {
  enum class Kind {
    None,      // absent; never stored
    Text,      // plain text from the data or the fixed texts: escaped for Markdown
    Markdown,  // a field marked (md): parsed as Markdown on its own, raw HTML shown as text
    Bool,      // a flag for sections: {{#flag}}...{{/flag}}
    List,      // a list for sections
    Object,    // named members, in insertion order
  };

  Kind kind = Kind::None;
  std::string text;  // Text, Markdown
  bool flag = false;
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  static Value plain(const std::string& s);     // control characters dropped, UTF-8 repaired
  static Value markdown(const std::string& s);  // likewise
  static Value boolean(bool b);
  static Value list();
  static Value object();

  // Object members. set() replaces an existing member. An empty text is stored as `false` and
  // a list always comes with has_<key>, so that a template's {{#key}} tests presence and never
  // falls through to a member of the same name further up the Mustache context stack.
  Value& set(const std::string& key, Value v);
  void set_text(const std::string& key, const std::string& s);
  void set_md(const std::string& key, const std::string& s);
  void set_list(const std::string& key, Value v);
  const Value* get(const std::string& key) const;
  Value* get(const std::string& key);

  Value& push(Value v);  // List items
};

// A canonical, unambiguous serialisation (kinds, lengths and order are all encoded).
std::string serialize(const Value& v);

// core::clean: drops characters XML cannot carry and replaces invalid UTF-8 by U+FFFD.
std::string sanitize(std::string_view s);

}  // namespace plenary::compose::detail

#include "compose/mustache_data.hpp"

#include <string_view>
#include <unordered_map>

#include "compose/escape.hpp"

namespace plenary::compose::detail {

namespace {

namespace mustache = kainjow::mustache;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// kainjow's data copies deeply whenever it is passed on (set() and push_back() take a const
// reference, and a list's growth copies its items: the move constructor is not noexcept), so a
// tree built bottom-up was copied once per level. This builds every node where it stays.
class DataBuilder {
 public:
  DataBuilder(const std::vector<std::string>* texts, std::vector<std::string>& fields)
      : texts_(texts), fields_(fields) {}

  void build(const Value& v, mustache::data& out) {
    using Kind = Value::Kind;
    switch (v.kind) {
      case Kind::Text:
        out = mustache::data(v.text);
        return;
      case Kind::Markdown:
        fields_.push_back(v.text);
        out = mustache::data(field_token(fields_.size() - 1));
        return;
      case Kind::Bool:
        out = mustache::data(v.flag);
        return;
      case Kind::List: {
        out = mustache::data(mustache::data::type::list);
        // kainjow gives no mutable access to a list's items; the vector is its own (made with
        // new, not const), filled here in place of copying each item in with push_back().
        auto& items = const_cast<mustache::list&>(out.list_value());
        items.reserve(v.items.size());
        for (const auto& item : v.items) {
          items.emplace_back(false);
          build(item, items.back());
        }
        return;
      }
      case Kind::Object:
        out = mustache::data(mustache::data::type::object);
        for (const auto& [key, member] : v.members) {
          if (nameable(key)) {
            build(member, out[key]);
          } else {
            skip(member);
          }
        }
        return;
      case Kind::None:
        break;
    }
    out = mustache::data(false);
  }

 private:
  // Whether a template can name `key`: it occurs as a whole word (see the header); remembered
  // per key.
  bool nameable(const std::string& key) {
    if (!texts_) return true;
    const auto known = nameable_.find(key);
    if (known != nameable_.end()) return known->second;
    bool found = false;
    for (const auto& text : *texts_) {
      for (auto at = text.find(key); at != std::string::npos && !found;
           at = text.find(key, at + 1)) {
        const std::size_t end = at + key.size();
        found =
            (at == 0 || !word_char(text[at - 1])) && (end == text.size() || !word_char(text[end]));
      }
      if (found) break;
    }
    nameable_.emplace(key, found);
    return found;
  }

  // A left-out member: its (md) fields keep their numbers.
  void skip(const Value& v) {
    switch (v.kind) {
      case Value::Kind::Markdown:
        fields_.emplace_back();
        return;
      case Value::Kind::List:
        for (const auto& item : v.items) skip(item);
        return;
      case Value::Kind::Object:
        for (const auto& member : v.members) skip(member.second);
        return;
      default:
        return;
    }
  }

  const std::vector<std::string>* texts_;
  std::vector<std::string>& fields_;
  std::unordered_map<std::string_view, bool> nameable_;  // keys live in the Value tree
};

}  // namespace

kainjow::mustache::data to_mustache_data(const Value& root,
                                         const std::vector<std::string>* template_texts,
                                         std::vector<std::string>& fields) {
  mustache::data data(false);
  DataBuilder(template_texts, fields).build(root, data);
  return data;
}

}  // namespace plenary::compose::detail

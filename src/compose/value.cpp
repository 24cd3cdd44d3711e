#include "compose/value.hpp"

#include "core/utf8.hpp"

namespace plenary::compose::detail {

std::string sanitize(std::string_view s) {
  return plenary::core::clean(s);
}

Value Value::plain(const std::string& s) {
  Value v;
  v.kind = Kind::Text;
  v.text = sanitize(s);
  return v;
}

Value Value::markdown(const std::string& s) {
  Value v;
  v.kind = Kind::Markdown;
  v.text = sanitize(s);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.flag = b;
  return v;
}

Value Value::list() {
  Value v;
  v.kind = Kind::List;
  return v;
}

Value Value::object() {
  Value v;
  v.kind = Kind::Object;
  return v;
}

Value& Value::set(const std::string& key, Value v) {
  for (auto& m : members) {
    if (m.first == key) {
      m.second = std::move(v);
      return m.second;
    }
  }
  members.emplace_back(key, std::move(v));
  return members.back().second;
}

void Value::set_text(const std::string& key, const std::string& s) {
  set(key, s.empty() ? boolean(false) : plain(s));
}

void Value::set_md(const std::string& key, const std::string& s) {
  set(key, s.empty() ? boolean(false) : markdown(s));
}

void Value::set_list(const std::string& key, Value v) {
  const bool any = !v.items.empty();
  set(key, std::move(v));
  set("has_" + key, boolean(any));
}

const Value* Value::get(const std::string& key) const {
  for (const auto& m : members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value* Value::get(const std::string& key) {
  for (auto& m : members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value& Value::push(Value v) {
  items.push_back(std::move(v));
  return items.back();
}

namespace {

void write(const Value& v, std::string& out) {
  const auto str = [&out](const std::string& s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
  };
  switch (v.kind) {
    case Value::Kind::None:
      out += 'n';
      break;
    case Value::Kind::Text:
      out += 't';
      str(v.text);
      break;
    case Value::Kind::Markdown:
      out += 'm';
      str(v.text);
      break;
    case Value::Kind::Bool:
      out += v.flag ? "b1" : "b0";
      break;
    case Value::Kind::List:
      out += 'l' + std::to_string(v.items.size()) + '[';
      for (const auto& item : v.items) write(item, out);
      out += ']';
      break;
    case Value::Kind::Object:
      out += 'o' + std::to_string(v.members.size()) + '{';
      for (const auto& m : v.members) {
        str(m.first);
        write(m.second, out);
      }
      out += '}';
      break;
  }
}

}  // namespace

std::string serialize(const Value& v) {
  std::string out;
  write(v, out);
  return out;
}

}  // namespace plenary::compose::detail

#include "compose/value.hpp"

namespace plenary::compose::detail {

namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8_length(const std::string& s, std::size_t i, unsigned* code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned c = byte(i);
  std::size_t n = 0;
  unsigned cp = 0;
  if (c < 0x80) {
    *code = c;
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  *code = cp;
  return n;
}

}  // namespace

std::string sanitize(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    unsigned cp = 0;
    const std::size_t n = utf8_length(s, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F;
    const bool nonchar = cp == 0xFFFE || cp == 0xFFFF;
    if (!control && !nonchar) out.append(s, i, n);
    i += n;
  }
  return out;
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

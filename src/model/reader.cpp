#include "model/reader.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>

#include "load/load.hpp"

namespace plenary::model {

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return "a string";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  return "nothing";
}

SourcePos FileReader::pos(const YAML::Node& node) const {
  if (!node.IsDefined()) return {path_, 0, 0};
  return load::position(path_, node.Mark());
}

namespace {

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// The scalar items of list `l` (undefined: none), each other item reported as not being
// `what`: as texts, or as {text, position} for a Markdown or a Ref.
template <typename T>
std::vector<T> scalars(const FileReader& file, const YAML::Node& l, const std::string& what) {
  std::vector<T> out;
  if (!l.IsDefined()) return out;
  for (const auto& item : l) {
    if (auto s = read_scalar(file, item, what)) {
      if constexpr (std::is_same_v<T, std::string>) {
        out.push_back(std::move(*s));
      } else {
        out.push_back({std::move(*s), file.pos(item)});
      }
    }
  }
  return out;
}

}  // namespace

std::string squote(const std::string& s) {
  return "'" + s + "'";
}

Fields::Fields(const FileReader& file, const YAML::Node& node,
               std::initializer_list<const char*> keys, const std::string& what)
    : file_(file), node_(node), pos_(file.pos(node)) {
  if (!node.IsMap()) {
    file.diags().error(pos_, "expected a mapping (" + what + "), found " + describe(node));
    return;
  }
  ok_ = true;
  std::vector<std::string> known(keys.begin(), keys.end());
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: operator-> yields a temporary
    if (!k.IsScalar()) {
      file.diags().error(file.pos(k), "expected a plain key, found " + describe(k));
      continue;
    }
    const std::string name = k.Scalar();
    if (const Entry* first = find(name)) {
      file.diags().error(file.pos(k), "duplicate key " + squote(name),
                         "first at line " + std::to_string(file.pos(first->key_node).line));
      continue;
    }
    entries_.push_back({name, k, it->second});
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string close = closest_match(name, known);
      file.diags().error(file.pos(k), "unknown key " + squote(name),
                         close.empty() ? "expected one of: " + join(known)
                                       : "did you mean " + squote(close) + "?");
    }
  }
}

const Fields::Entry* Fields::find(const std::string& key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

bool Fields::has(const std::string& key) const {
  const Entry* e = find(key);
  return e && e->value.IsDefined() && !e->value.IsNull();
}

YAML::Node Fields::value(const std::string& key) const {
  const Entry* e = find(key);
  return e ? e->value : YAML::Node(YAML::NodeType::Undefined);
}

SourcePos Fields::key_pos(const std::string& key) const {
  const Entry* e = find(key);
  return e ? file_.pos(e->key_node) : pos_;
}

SourcePos Fields::value_pos(const std::string& key) const {
  const Entry* e = find(key);
  if (!e) return pos_;
  if (!e->value.IsDefined() || e->value.IsNull()) return file_.pos(e->key_node);
  return file_.pos(e->value);
}

void Fields::missing(const std::string& key, const std::string& hint) {
  if (find(key)) {
    file_.diags().error(key_pos(key), "missing value for " + squote(key), hint);
  } else {
    file_.diags().error(pos_, "missing required key " + squote(key), hint);
  }
}

bool Fields::scalar(const std::string& key, Need need, std::string& out) {
  if (!ok_) return false;
  if (!has(key)) {
    if (need == Need::Required) missing(key);
    return false;
  }
  YAML::Node v = value(key);
  if (!v.IsScalar()) {
    file_.diags().error(value_pos(key),
                        "expected a string for " + squote(key) + ", found " + describe(v));
    return false;
  }
  out = v.Scalar();
  return true;
}

std::string Fields::choice_error(const std::string& key, const std::string& word,
                                 const std::vector<std::string>& words) {
  std::string close = closest_match(word, words);
  file_.diags().error(
      value_pos(key), "unknown " + key + " " + squote(word),
      close.empty() ? "expected one of: " + join(words) : "did you mean " + squote(close) + "?");
  return close;
}

std::string Fields::string(const std::string& key, Need need) {
  std::string out;
  if (scalar(key, need, out) && need == Need::Required && out.empty())
    file_.diags().error(value_pos(key), "empty value for " + squote(key));
  return out;
}

std::string Fields::id(const std::string& key, Need need) {
  std::string out = string(key, need);
  if (!out.empty() && !is_valid_id(out)) {
    file_.diags().error(value_pos(key), "invalid id " + squote(out),
                        "ids start with a letter or digit and continue with letters, digits, "
                        "'.', '_' or '-'");
  }
  return out;
}

std::optional<Markdown> Fields::markdown(const std::string& key, Need need) {
  std::string out;
  if (!scalar(key, need, out)) return std::nullopt;
  return Markdown{out, value_pos(key)};
}

std::optional<Ref> Fields::ref(const std::string& key, Need need) {
  std::string out;
  if (!scalar(key, need, out)) return std::nullopt;
  return Ref{out, value_pos(key)};
}

std::optional<int> Fields::integer(const std::string& key, Need need) {
  std::string text;
  if (!scalar(key, need, text)) return std::nullopt;
  std::size_t digits_from = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  bool ok = text.size() > digits_from && text.size() - digits_from <= 9;
  for (std::size_t i = digits_from; ok && i < text.size(); ++i)
    ok = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
  if (!ok) {
    file_.diags().error(value_pos(key),
                        "expected a whole number for " + squote(key) + ", found " + squote(text));
    return std::nullopt;
  }
  return std::stoi(text);
}

bool Fields::boolean(const std::string& key, bool fallback) {
  std::string text;
  if (!scalar(key, Need::Optional, text)) return fallback;
  bool b = fallback;
  if (!YAML::convert<bool>::decode(value(key), b)) {
    file_.diags().error(value_pos(key),
                        "expected true or false for " + squote(key) + ", found " + squote(text));
    return fallback;
  }
  return b;
}

std::optional<Date> Fields::date(const std::string& key, Need need, DatePrecision finest_required) {
  std::string text;
  if (!scalar(key, need, text)) return std::nullopt;
  DateParse parsed = parse_date(text, finest_required);
  if (!parsed.date)
    file_.diags().error(value_pos(key), "invalid date " + squote(text), parsed.hint);
  return parsed.date;
}

std::optional<TimeOfDay> Fields::time(const std::string& key, Need need) {
  std::string text;
  if (!scalar(key, need, text)) return std::nullopt;
  auto t = parse_time(text);
  if (!t)
    file_.diags().error(value_pos(key), "invalid time " + squote(text),
                        "times are written hh:mm, e.g. \"09:30\"");
  return t;
}

std::optional<Person> Fields::person(const std::string& key, Need need) {
  if (!ok_) return std::nullopt;
  if (!has(key)) {
    if (need == Need::Required) missing(key);
    return std::nullopt;
  }
  return read_person(file_, value(key));
}

YAML::Node Fields::list(const std::string& key, Need need, bool non_empty) {
  if (!ok_) return YAML::Node(YAML::NodeType::Undefined);
  if (!has(key)) {
    // "stakeholders:" with nothing after it is an empty list where an empty list is allowed
    if (need == Need::Required && find(key) && !non_empty)
      return YAML::Node(YAML::NodeType::Sequence);
    if (need == Need::Required) missing(key);
    return YAML::Node(YAML::NodeType::Undefined);
  }
  YAML::Node v = value(key);
  if (!v.IsSequence()) {
    file_.diags().error(value_pos(key),
                        "expected a list for " + squote(key) + ", found " + describe(v));
    return YAML::Node(YAML::NodeType::Undefined);
  }
  if (non_empty && v.size() == 0)
    file_.diags().error(value_pos(key), "expected at least one entry in " + squote(key));
  return v;
}

std::vector<std::string> Fields::strings(const std::string& key) {
  return scalars<std::string>(file_, list(key, Need::Optional), "a string in " + squote(key));
}

std::vector<Markdown> Fields::markdowns(const std::string& key, Need need) {
  return scalars<Markdown>(file_, list(key, need, need == Need::Required),
                           "a string in " + squote(key));
}

std::vector<Ref> Fields::refs(const std::string& key) {
  return scalars<Ref>(file_, list(key, Need::Optional), "an id in " + squote(key));
}

std::vector<Person> Fields::persons(const std::string& key) {
  std::vector<Person> out;
  YAML::Node l = list(key, Need::Optional);
  if (!l.IsDefined()) return out;
  for (const auto& item : l)
    if (auto p = read_person(file_, item)) out.push_back(*p);
  return out;
}

std::optional<std::string> read_scalar(const FileReader& file, const YAML::Node& node,
                                       const std::string& what) {
  if (node.IsScalar()) return node.Scalar();
  file.diags().error(file.pos(node), "expected " + what + ", found " + describe(node));
  return std::nullopt;
}

std::optional<Person> read_person(const FileReader& file, const YAML::Node& node) {
  if (node.IsScalar()) {
    if (node.Scalar().empty()) {
      file.diags().error(file.pos(node), "empty person name");
      return std::nullopt;
    }
    return Person{node.Scalar(), "", "", "", file.pos(node)};
  }
  if (!node.IsMap()) {
    file.diags().error(
        file.pos(node),
        "expected a person (a name or a mapping with 'name'), found " + describe(node));
    return std::nullopt;
  }
  Fields f(file, node, {"name", "institute", "role", "email"}, "a person");
  Person p;
  p.pos = f.pos();
  p.name = f.string("name", Need::Required);
  p.institute = f.string("institute", Need::Optional);
  p.role = f.string("role", Need::Optional);
  p.email = f.string("email", Need::Optional);
  if (p.name.empty()) return std::nullopt;
  return p;
}

}  // namespace plenary::model

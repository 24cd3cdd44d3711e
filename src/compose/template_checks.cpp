#include "compose/template_checks.hpp"

#include <map>
#include <set>

#include "compose/directives.hpp"
#include "compose/mustache/render.hpp"
#include "compose/template_text.hpp"

namespace plenary::compose::detail {

namespace {

// A partial that includes itself, directly or through others, would never finish rendering.
bool includes_itself(const TemplateSet& set, const std::vector<std::string>& files,
                     Diagnostics& diags) {
  std::map<std::string, std::vector<std::string>> includes;
  for (const auto& name : files) {
    const auto it = set.files.find(name);
    if (it == set.files.end()) continue;
    for (const auto& partial : partial_names(it->second))
      includes[name].push_back(partial_file(partial));
  }
  for (const auto& start : files) {
    std::vector<std::string> todo = includes[start];
    std::set<std::string> seen;
    while (!todo.empty()) {
      const std::string next = todo.back();
      todo.pop_back();
      if (next == start) {
        diags.error({path_of(set, start), 0, 0}, "template '" + start + "' includes itself",
                    "a partial cannot include itself, directly or through another partial");
        return true;
      }
      if (!seen.insert(next).second) continue;
      for (const auto& more : includes[next]) todo.push_back(more);
    }
  }
  return false;
}

// kainjow parses, renders and frees sections recursively: thousands of nested sections overflow
// the stack (found under AddressSanitizer). Checked on the text, before kainjow sees it; no
// real template nests more than a few. A delimiter change ({{=<% %>=}}) would hide tags from
// this check and from the unknown-field check, so it is refused.
constexpr int kMaxSectionDepth = 50;

bool sections_shallow(const std::string& text, const std::string& path, Diagnostics& diags) {
  int depth = 0;
  for (const Tag& tag : scan_tags(text)) {
    if (tag.kind == '=') {
      diags.error(position_in(text, tag.offset, path),
                  "changing the tag delimiters is not supported", "write tags with {{ and }}");
      return false;
    }
    if (tag.kind == '#' || tag.kind == '^') ++depth;
    if (tag.kind == '/') --depth;
    if (depth > kMaxSectionDepth) {
      diags.error(position_in(text, tag.offset, path),
                  "sections nested deeper than " + std::to_string(kMaxSectionDepth) + " levels");
      return false;
    }
  }
  return true;
}

// Every dotted field path the context offers, from the root and from each list item (the
// scopes a section opens), for "did you mean" hints.
void field_paths(const Value& v, const std::string& prefix, int depth, std::set<std::string>& out) {
  if (depth > 4) return;
  if (v.kind == Value::Kind::Object) {
    for (const auto& [key, member] : v.members) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      out.insert(path);
      field_paths(member, path, depth + 1, out);
    }
  } else if (v.kind == Value::Kind::List && !v.items.empty()) {
    field_paths(v.items.front(), "", depth + 1, out);
  }
}

}  // namespace

void report_mustache_error(const std::string& message, const std::string& text,
                           const std::string& path, Diagnostics& diags) {
  std::string what = message;
  SourcePos pos{path, 0, 0};
  const std::size_t at = message.rfind(" at ");
  if (at != std::string::npos && at + 4 < message.size() && message.size() - at - 4 <= 18 &&
      message.find_first_not_of("0123456789", at + 4) == std::string::npos) {
    what = message.substr(0, at);
    pos = position_in(text, std::stoull(message.substr(at + 4)), path);
  }
  if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  for (auto& ch : what) {
    if (ch == '"') ch = '\'';
  }
  diags.error(pos, what + " in template",
              "every {{#section}} needs its {{/section}}, every {{ its }}");
}

bool check_templates(const TemplateSet& set, const std::vector<std::string>& files,
                     Diagnostics& diags) {
  bool ok = true;
  for (const auto& name : files) {
    const auto it = set.files.find(name);
    if (it == set.files.end()) {
      diags.error({path_of(set, name), 0, 0}, "template file '" + name + "' not found",
                  "a partial {{> x}} is read from partials/x.md");
      ok = false;
      continue;
    }
    if (!sections_shallow(it->second, path_of(set, name), diags)) {
      ok = false;
      continue;
    }
    if (const auto error = mustache::parse_error(it->second)) {
      report_mustache_error(*error, it->second, path_of(set, name), diags);
      ok = false;
    }
  }
  return ok && !includes_itself(set, files, diags);
}

void check_directives(const TemplateSet& set, const std::vector<std::string>& files,
                      Diagnostics& diags) {
  // A line holding only "<!-- word -->": the word, else "".
  const auto comment_word = [](const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) return std::string();
    const auto last = line.find_last_not_of(" \t\r");
    const std::optional<std::string> inner = comment_inner(line.substr(first, last - first + 1));
    if (!inner) return std::string();
    const auto a = inner->find_first_not_of(" \t");
    const auto b = inner->find_last_not_of(" \t");
    if (a == std::string::npos) return std::string();
    const std::string word = inner->substr(a, b - a + 1);
    return word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos
               ? word
               : std::string();
  };
  const auto& known = directive_words();
  const std::vector<std::string> candidates(known.begin(), known.end());
  for_each_template_line(
      set, files, [&](const std::string& name, int number, const std::string& line) {
        const std::string word = comment_word(line);
        if (word.empty() || known.count(word)) return false;
        const std::string near = closest_match(word, candidates);
        if (near.empty()) return false;
        diags.warning({path_of(set, name), number, static_cast<int>(line.find("<!--")) + 1},
                      "unknown directive '" + word + "' (the comment is left out)",
                      "did you mean '" + near + "'?");
        return false;
      });
}

void report_unknown_fields(const TemplateSet& set, const std::vector<std::string>& files,
                           const std::vector<std::string>& names, const Value& root,
                           Diagnostics& diags) {
  std::set<std::string> known;
  field_paths(root, "", 0, known);
  const std::vector<std::string> candidates(known.begin(), known.end());
  for (const auto& name : names) {
    SourcePos pos{path_of(set, files.front()), 0, 0};
    bool found = false;
    for (std::size_t f = 0; f < files.size() && !found; ++f) {
      const auto it = set.files.find(files[f]);
      if (it == set.files.end()) continue;
      for (const Tag& tag : scan_tags(it->second)) {
        if (tag.name != name || tag.kind == '>' || tag.kind == '!' || tag.kind == '=') continue;
        pos = position_in(it->second, tag.offset, path_of(set, files[f]));
        found = true;
        break;
      }
    }
    if (name.empty()) {
      diags.error(pos, "empty tag in template", "write a field name between the braces");
      continue;
    }
    const std::string near = closest_match(name, candidates);
    diags.error(pos, "unknown field '" + name + "' in template",
                near.empty() ? "see docs/templates.md for the fields of each document"
                             : "did you mean '" + near + "'?");
  }
}

}  // namespace plenary::compose::detail

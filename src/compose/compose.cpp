// fingerprint and compose: the public face of the compose stage (plan_documents: kinds.cpp).
#include "compose/compose.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "compose/context.hpp"
#include "compose/escape.hpp"
#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "compose/mustache_data.hpp"
#include "compose/template_names.hpp"
#include "core/sha256.hpp"

namespace plenary::compose {

namespace {

namespace mustache = kainjow::mustache;

// The Mustache tags of a template text, found with the default {{ }} delimiters by a linear scan
// (std::regex recurses once per character matched and overflowed the stack on a tag holding
// 300,000 spaces): "{{", an optional third "{", spaces, a kind (# ^ / & > ! =), spaces, the name.
struct Tag {
  std::size_t offset = 0;  // of the "{{"
  char kind = 0;           // 0 for a plain variable
  std::string name;
  bool closed = false;  // "}}" follows the name (after spaces)
};

std::vector<Tag> scan_tags(const std::string& text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::vector<Tag> tags;
  std::size_t i = 0;
  while ((i = text.find("{{", i)) != std::string::npos) {
    Tag tag;
    tag.offset = i;
    std::size_t j = i + 2;
    if (j < text.size() && text[j] == '{') ++j;
    while (j < text.size() && space(text[j])) ++j;
    if (j < text.size() && std::string("#^/&>!=").find(text[j]) != std::string::npos)
      tag.kind = text[j++];
    while (j < text.size() && space(text[j])) ++j;
    const std::size_t start = j;
    while (j < text.size() && !space(text[j]) && text[j] != '}') ++j;
    tag.name = text.substr(start, j - start);
    while (j < text.size() && space(text[j])) ++j;
    tag.closed = text.compare(j, 2, "}}") == 0;
    tags.push_back(std::move(tag));
    i = std::max(j, i + 2);
  }
  return tags;
}

// The 1-based line and column (in characters) of a byte offset.
SourcePos position_in(const std::string& text, std::size_t offset, const std::string& path) {
  SourcePos pos{path, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.col;
    }
  }
  return pos;
}

// The names of the partials a template includes: {{> agenda-body}} -> "agenda-body".
std::vector<std::string> partial_names(const std::string& text) {
  std::vector<std::string> names;
  for (const Tag& tag : scan_tags(text)) {
    if (tag.kind == '>' && tag.closed && !tag.name.empty()) names.push_back(tag.name);
  }
  return names;
}

std::string partial_file(const std::string& name) {
  return "partials/" + name + ".md";
}

// The template and every partial it reaches, in a stable order.
std::vector<std::string> template_files(const TemplateSet& set, const std::string& main) {
  std::vector<std::string> files{main};
  std::set<std::string> seen{main};
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto it = set.files.find(files[i]);
    if (it == set.files.end()) continue;
    for (const auto& name : partial_names(it->second)) {
      const std::string file = partial_file(name);
      if (seen.insert(file).second) files.push_back(file);
    }
  }
  return files;
}

std::string path_of(const TemplateSet& set, const std::string& name) {
  const auto it = set.file_paths.find(name);
  return it == set.file_paths.end() ? "templates/" + name : it->second;
}

// kainjow reports "Unclosed tag at 123": turn the byte offset into line and column.
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
    mustache::mustache parsed(it->second);
    if (!parsed.is_valid()) {
      report_mustache_error(parsed.error_message(), it->second, path_of(set, name), diags);
      ok = false;
    }
  }
  return ok && !includes_itself(set, files, diags);
}

// Calls visit(name, number, line) for each line of the named template files that exist, in
// order, until visit returns true; true when it did.
template <typename Visit>
bool for_each_template_line(const TemplateSet& set, const std::vector<std::string>& files,
                            Visit visit) {
  for (const auto& name : files) {
    const auto it = set.files.find(name);
    if (it == set.files.end()) continue;
    std::istringstream lines(it->second);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      if (visit(name, number, line)) return true;
    }
  }
  return false;
}

// A one-word comment close to a directive is most likely a misspelt one: warn where it is.
void check_directives(const TemplateSet& set, const std::vector<std::string>& files,
                      Diagnostics& diags) {
  // A line holding only "<!-- word -->": the word, else "".
  const auto comment_word = [](const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r");
    const auto last = line.find_last_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 4, "<!--") != 0 || last < first + 6 ||
        line.compare(last - 2, 3, "-->") != 0)
      return std::string();
    const std::string inner = line.substr(first + 4, last - 2 - first - 4);
    const auto a = inner.find_first_not_of(" \t");
    const auto b = inner.find_last_not_of(" \t");
    if (a == std::string::npos) return std::string();
    const std::string word = inner.substr(a, b - a + 1);
    return word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos
               ? word
               : std::string();
  };
  const auto& known = detail::directive_words();
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

// The most Markdown one template may render to. Sections nested in sections over long lists
// repeat their content for every combination (six levels over 36 stakeholders: gigabytes), and
// a nightly build must end; a real briefing pack is well under 1 MiB.
constexpr std::size_t kMaxRenderedBytes = 8u << 20;
constexpr std::size_t kMaxRenderWork = 1'000'000;  // tags looked up plus sections entered

struct RenderedTooLarge {};
struct NeedsWholeContext {};

// A string buffer that stops the rendering (by throwing through kainjow, which is plain C++)
// once it holds more than kMaxRenderedBytes.
class LimitedBuffer : public std::stringbuf {
 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    check(n);
    return std::stringbuf::xsputn(s, n);
  }
  int_type overflow(int_type c) override {
    check(1);
    return std::stringbuf::overflow(c);
  }

 private:
  void check(std::streamsize n) {
    written_ += static_cast<std::size_t>(n);
    if (written_ > kMaxRenderedBytes) throw RenderedTooLarge{};
  }
  std::size_t written_ = 0;
};

// Renders like kainjow's own context and records every name that no level of the context
// stack has. Every field of the context is always present (an empty one as false, a list with
// its has_<key>), so a name not found is one the template misspells or invents.
class RecordingContext : public mustache::context<std::string> {
 public:
  // `pruned`: the data leaves out the members no template text names (to_mustache_data).
  RecordingContext(const mustache::data* data, bool pruned)
      : mustache::context<std::string>(data), pruned_(pruned) {}
  // Every section entry and every tag costs one unit: sections nested over long lists that
  // render nothing would otherwise run for ever without ever reaching kMaxRenderedBytes.
  void push(const mustache::data* data) override {
    spend();
    mustache::context<std::string>::push(data);
  }
  const mustache::data* get(const std::string& name) const override {
    spend();
    const mustache::data* found = mustache::context<std::string>::get(name);
    if (!found && seen_.insert(name).second) missing_.push_back(name);
    return found;
  }
  // A partial tag whose name finds a string of the data renders that string as a template:
  // its tags are in no template text, so only the whole context renders it as before.
  const mustache::data* get_partial(const std::string& name) const override {
    const mustache::data* found = mustache::context<std::string>::get_partial(name);
    if (pruned_ && found && found->is_string()) throw NeedsWholeContext{};
    return found;
  }
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  bool pruned_;
  void spend() const {
    if (++work_ > kMaxRenderWork) throw RenderedTooLarge{};
  }
  mutable std::size_t work_ = 0;
  mutable std::set<std::string> seen_;
  mutable std::vector<std::string> missing_;
};

// Every dotted field path the context offers, from the root and from each list item (the
// scopes a section opens), for "did you mean" hints.
void field_paths(const detail::Value& v, const std::string& prefix, int depth,
                 std::set<std::string>& out) {
  if (depth > 4) return;
  if (v.kind == detail::Value::Kind::Object) {
    for (const auto& [key, member] : v.members) {
      const std::string path = prefix.empty() ? key : prefix + "." + key;
      out.insert(path);
      field_paths(member, path, depth + 1, out);
    }
  } else if (v.kind == detail::Value::Kind::List && !v.items.empty()) {
    field_paths(v.items.front(), "", depth + 1, out);
  }
}

// An error per unknown field, at the first tag that names it.
void report_unknown_fields(const TemplateSet& set, const std::vector<std::string>& files,
                           const std::vector<std::string>& names, const detail::Value& root,
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

// The most columns a table may have: Word's limit (63), and no more than fit the text width
// when every column holds at least one wide glyph of the table font plus the writers' cell
// padding (4 pt each side). A list indents a table; each level takes a little more width.
constexpr int kWordMaxColumns = 63;
int max_table_columns(const doc::Style& style, int depth) {
  const double width =
      style.page_width_pt - style.margin_left_pt - style.margin_right_pt - 36.0 * depth;
  const double column = 8.0 + std::max(style.table_size_pt, 1.0);
  return std::clamp(static_cast<int>(width / column), 1, kWordMaxColumns);
}

// Where a table of `columns` columns is written: the first template line with the '|' of such
// a row (columns + 1, else at least columns - 1); {} when no template has one, i.e. the table
// comes from an (md) field.
std::optional<SourcePos> table_source(const TemplateSet& set, const std::vector<std::string>& files,
                                      std::size_t columns) {
  std::optional<SourcePos> found;
  for (const bool exact : {true, false}) {
    const auto row = [&](const std::string& name, int number, const std::string& line) {
      const auto bars = static_cast<std::size_t>(std::count(line.begin(), line.end(), '|'));
      if (!(exact ? bars == columns + 1 : bars + 1 >= columns)) return false;
      found = SourcePos{path_of(set, name), number, static_cast<int>(line.find('|')) + 1};
      return true;
    };
    if (for_each_template_line(set, files, row)) return found;
  }
  return std::nullopt;
}

// An error for each table wider than fits the page.
bool tables_fit(const doc::Blocks& blocks, const TemplateSet& set,
                const std::vector<std::string>& files, const DocumentSpec& spec, int depth,
                Diagnostics& diags) {
  bool ok = true;
  for (const auto& block : blocks) {
    if (const auto* table = std::get_if<doc::Table>(&block.value)) {
      std::size_t columns = 0;
      for (const auto& row : table->rows) columns = std::max(columns, row.size());
      const int most = max_table_columns(set.style, depth);
      if (columns <= static_cast<std::size_t>(most)) continue;
      const std::string what = "a table of " + std::to_string(columns) + " columns";
      const std::string hint = "at most " + std::to_string(most) + " fit the page with this style";
      if (auto pos = table_source(set, files, columns)) {
        diags.error(*pos, what + " does not fit the page",
                    hint + "; use fewer columns or a smaller table font (style.yaml)");
      } else {
        diags.error({spec.output_stem, 0, 0}, what + " in a text field does not fit the page",
                    hint + "; write the field without a table");
      }
      ok = false;
    } else if (const auto* list = std::get_if<doc::List>(&block.value)) {
      for (const auto& item : list->items)
        ok = tables_fit(item.content, set, files, spec, depth + 1, diags) && ok;
    }
  }
  return ok;
}

std::string serialize_meta(const doc::Metadata& m) {
  detail::Value v = detail::Value::object();
  for (const auto& [k, s] :
       std::vector<std::pair<std::string, std::string>>{{"title", m.title},
                                                        {"subject", m.subject},
                                                        {"author", m.author},
                                                        {"language", m.language},
                                                        {"date", m.date},
                                                        {"keywords", m.keywords},
                                                        {"header_left", m.header_left},
                                                        {"header_right", m.header_right},
                                                        {"footer", m.footer},
                                                        {"contents_title", m.contents_title}}) {
    v.set(k, detail::Value::plain(s));
  }
  v.set("has_cover", detail::Value::boolean(m.has_cover));
  return detail::serialize(v);
}

}  // namespace

std::string fingerprint(const model::Committee& committee, const DocumentSpec& spec,
                        const TemplateSet& templates) {
  core::Sha256 sha;
  const auto add = [&sha](const std::string& label, const std::string& bytes) {
    sha.update(label + ":" + std::to_string(bytes.size()) + ":");
    sha.update(bytes);
  };
  const auto& kinds = document_kinds();
  const DocumentKind* kind = find_kind(spec.kind);
  const bool product = kind && kind->product;
  add("compose", "plenary-compose-1");
  // The kind as its 1-based place in the kinds table (the numbers of the enum it replaced).
  add("spec",
      std::to_string(kind ? kind - kinds.data() + 1 : 0) + "/" + spec.id + "/" + spec.output_stem);
  add("lang", templates.lang == Lang::Fr ? "fr" : "en");
  if (product) add("product", kind->product->inputs(committee, spec));
  if (auto ctx = product ? std::optional<detail::DocumentContext>()
                         : detail::build_context(committee, spec, templates)) {
    add("context", detail::serialize(ctx->root));
    add("meta", serialize_meta(ctx->meta));
    for (const auto& name : template_files(templates, ctx->template_name)) {
      const auto it = templates.files.find(name);
      add("template " + name, it == templates.files.end() ? std::string() : it->second);
    }
  }
  const std::string lang_file = templates.lang == Lang::Fr ? "i18n/fr.yaml" : "i18n/en.yaml";
  for (const auto& name : {std::string("style.yaml"), lang_file}) {
    const auto it = templates.files.find(name);
    add(name, it == templates.files.end() ? std::string() : it->second);
  }
  add("logo", templates.logo ? templates.logo->data : std::string());
  return sha.hex();
}

std::optional<doc::Document> compose(const model::Committee& committee, const DocumentSpec& spec,
                                     const TemplateSet& templates, Diagnostics& diags) {
  // 1. The context: exactly the records this document uses, without some the template cannot
  //    name (its texts are as kainjow parses them: files[i] -> texts[i], "" when missing).
  const DocumentKind* kind = find_kind(spec.kind);
  const auto files = template_files(templates, kind ? kind->template_name : std::string());
  std::vector<std::string> texts;
  for (const auto& name : files) {
    const auto it = templates.files.find(name);
    texts.push_back(it == templates.files.end() ? std::string()
                                                : detail::mark_heading_anchors(it->second));
  }
  const detail::TemplateNames names(texts);
  auto ctx = detail::build_context(committee, spec, templates, &names);
  if (!ctx) {
    diags.error({spec.output_stem, 0, 0},
                "'" + spec.id + "' names no plenary with an agenda or task group of the committee");
    return std::nullopt;
  }

  // 2. The template and its partials, checked one by one so errors point at the right file.
  if (!check_templates(templates, files, diags)) return std::nullopt;
  check_directives(templates, files, diags);

  // 3. Mustache: data escaped for Markdown, (md) fields as private tokens. The data holds only
  //    the members the template can name, unless a partial renders a string of the data: then
  //    the whole context is rendered again.
  std::vector<std::string> fields;
  std::string markdown;
  std::optional<mustache::mustache> tmpl;
  std::vector<std::string> missing;
  for (const bool prune : {true, false}) {
    if (!prune) ctx = detail::build_context(committee, spec, templates);
    fields.clear();
    mustache::data data = detail::to_mustache_data(ctx->root, prune ? &names : nullptr, fields);
    for (std::size_t i = 1; i < files.size(); ++i) {
      const std::string name = files[i].substr(9, files[i].size() - 9 - 3);  // partials/<name>.md
      data[name] = mustache::data(mustache::partial([&text = texts[i]] { return text; }));
    }
    tmpl.emplace(texts[0]);
    tmpl->set_custom_escape(detail::markdown_escape);
    RecordingContext recording(&data, prune);
    LimitedBuffer buffer;
    std::ostream stream(&buffer);
    stream.exceptions(std::ios::badbit);  // rethrow RenderedTooLarge out of the stream
    try {
      tmpl->render(recording, stream);
    } catch (const NeedsWholeContext&) {
      continue;
    } catch (const RenderedTooLarge&) {
      diags.error({path_of(templates, files[0]), 0, 0},
                  "the template renders too much (over " + std::to_string(kMaxRenderedBytes >> 20) +
                      " MiB of text or " + std::to_string(kMaxRenderWork / 1'000'000) +
                      " million tags and sections)",
                  "a section inside a section over long lists repeats for every combination");
      return std::nullopt;
    }
    markdown = buffer.str();
    missing = recording.missing();
    break;
  }
  if (!tmpl->is_valid()) {
    report_mustache_error(tmpl->error_message(), templates.files.at(files[0]),
                          path_of(templates, files[0]), diags);
    return std::nullopt;
  }
  if (!missing.empty()) {  // hints from every field of the whole context
    report_unknown_fields(templates, files, missing,
                          detail::build_context(committee, spec, templates)->root, diags);
    return std::nullopt;
  }

  // 4. Markdown -> the document tree.
  doc::Document document;
  document.meta = ctx->meta;
  document.meta.header_logo = templates.header_logo;
  document.blocks = detail::markdown_to_blocks({markdown, std::move(fields), templates.logo});
  if (!tables_fit(document.blocks, templates, files, spec, 0, diags)) return std::nullopt;
  return document;
}

}  // namespace plenary::compose

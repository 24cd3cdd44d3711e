#include "compose/mustache/render.hpp"

#include <kainjow/mustache.hpp>

#include <ostream>
#include <set>
#include <sstream>

#include "compose/escape.hpp"
#include "compose/mustache/data.hpp"

namespace plenary::compose::detail::mustache {

namespace {

using data = kainjow::mustache::data;
using partial = kainjow::mustache::partial;
using mustache = kainjow::mustache::mustache;  // a parsed template

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
class RecordingContext : public kainjow::mustache::context<std::string> {
 public:
  // `pruned`: the data leaves out the members no template text names (to_mustache_data).
  RecordingContext(const data* root, bool pruned)
      : kainjow::mustache::context<std::string>(root), pruned_(pruned) {}
  // Every section entry and every tag costs one unit: sections nested over long lists that
  // render nothing would otherwise run for ever without ever reaching kMaxRenderedBytes.
  void push(const data* frame) override {
    spend();
    kainjow::mustache::context<std::string>::push(frame);
  }
  const data* get(const std::string& name) const override {
    spend();
    const data* found = kainjow::mustache::context<std::string>::get(name);
    if (!found && seen_.insert(name).second) missing_.push_back(name);
    return found;
  }
  // A partial tag whose name finds a string of the data renders that string as a template:
  // its tags are in no template text, so only the whole context renders it as before.
  const data* get_partial(const std::string& name) const override {
    const data* found = kainjow::mustache::context<std::string>::get_partial(name);
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

}  // namespace

std::optional<std::string> parse_error(const std::string& text) {
  const mustache parsed(text);
  if (parsed.is_valid()) return std::nullopt;
  return parsed.error_message();
}

Rendered render(const std::vector<std::string>& files, const std::vector<std::string>& texts,
                const Value& root, const TemplateNames* names, std::vector<std::string>& fields) {
  Rendered out;
  fields.clear();
  data root_data = to_mustache_data(root, names, fields);
  for (std::size_t i = 1; i < files.size(); ++i) {
    const std::string name = files[i].substr(9, files[i].size() - 9 - 3);  // partials/<name>.md
    root_data[name] = data(partial([&text = texts[i]] { return text; }));
  }
  mustache tmpl(texts[0]);
  tmpl.set_custom_escape(markdown_escape);
  RecordingContext recording(&root_data, names != nullptr);
  LimitedBuffer buffer;
  std::ostream stream(&buffer);
  stream.exceptions(std::ios::badbit);  // rethrow RenderedTooLarge out of the stream
  try {
    tmpl.render(recording, stream);
  } catch (const NeedsWholeContext&) {
    out.status = Rendered::Status::NeedsWholeContext;
    return out;
  } catch (const RenderedTooLarge&) {
    out.status = Rendered::Status::TooLarge;
    return out;
  }
  if (!tmpl.is_valid()) {
    out.status = Rendered::Status::Invalid;
    out.error = tmpl.error_message();
    return out;
  }
  out.text = buffer.str();
  out.missing = recording.missing();
  return out;
}

}  // namespace plenary::compose::detail::mustache

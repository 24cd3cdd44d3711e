// The Mustache adapter: the only folder that includes kainjow Mustache. A template is parsed
// and rendered by kainjow itself; this adds what compose needs around it: the parse error of a
// text, a rendering that stops once it is too large or too much work, and a context that
// records the names no level of the data has.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace plenary::compose::detail::mustache {

using data = kainjow::mustache::data;
using partial = kainjow::mustache::partial;
using mustache = kainjow::mustache::mustache;  // a parsed template

// kainjow's error message for `text` ("Unclosed tag at 123"), nullopt when it parses.
std::optional<std::string> parse_error(const std::string& text);

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

}  // namespace plenary::compose::detail::mustache

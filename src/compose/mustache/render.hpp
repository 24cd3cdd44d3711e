// The Mustache adapter: the only folder that includes kainjow Mustache. A template is parsed
// and rendered by kainjow itself; this adds what compose needs around it: the parse error of a
// text, a rendering that stops once it is too large or too much work, and the names the
// template looks up that no level of the data has. The rest of compose sees only these types.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "compose/template_names.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail::mustache {

// kainjow's error message for `text` ("Unclosed tag at 123"), nullopt when it parses.
std::optional<std::string> parse_error(const std::string& text);

// The most Markdown one template may render to. Sections nested in sections over long lists
// repeat their content for every combination (six levels over 36 stakeholders: gigabytes), and
// a nightly build must end; a real briefing pack is well under 1 MiB.
constexpr std::size_t kMaxRenderedBytes = 8u << 20;
constexpr std::size_t kMaxRenderWork = 1'000'000;  // tags looked up plus sections entered

struct Rendered {
  enum class Status {
    Done,               // `text` holds the rendering, `missing` the names nothing had
    NeedsWholeContext,  // a partial tag renders a string of the pruned data: render again
                        // with names == nullptr
    TooLarge,           // over kMaxRenderedBytes or kMaxRenderWork
    Invalid,            // the template does not parse: `error` is kainjow's message
  };
  Status status = Status::Done;
  std::string text;
  std::vector<std::string> missing;  // in the order first looked up
  std::string error;
};

// Renders texts[0] with texts[i] as the partial of files[i] ("partials/<name>.md") for i > 0,
// the data being `root` with values escaped for Markdown and each (md) field as a private token
// whose source is fields[n] (filled here). With `names`, members the template texts cannot name
// are left out of the data.
Rendered render(const std::vector<std::string>& files, const std::vector<std::string>& texts,
                const Value& root, const TemplateNames* names, std::vector<std::string>& fields);

}  // namespace plenary::compose::detail::mustache

// Template directives: HTML comments of known words written in a template (<!-- pagebreak -->,
// <!-- title center -->, <!-- widths 1 1 5 -->) that place blocks or style the next one.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace plenary::compose::detail {

// The words a template directive (<!-- pagebreak -->) may use.
const std::set<std::string>& directive_words();

struct Directive {
  std::vector<std::string> words;  // known words, in order (empty for widths)
  std::vector<double> widths;      // <!-- widths 1 1 5 -->: column weights for the next table
};

// `raw` (an HTML block, trimmed) as a directive: a comment holding only known words, or
// "widths" and positive numbers; nullopt for anything else.
std::optional<Directive> parse_directive(const std::string& raw);

// "<!-- ... -->" and nothing else.
bool is_comment(const std::string& raw);

// What `raw` holds between a "<!--" at its start and a "-->" at its end; nullopt when it does
// not start and end so.
std::optional<std::string> comment_inner(const std::string& raw);

}  // namespace plenary::compose::detail

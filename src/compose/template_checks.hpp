// Checks of a template and its partials before and after rendering, each error at the
// template file, line and column to fix.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "compose/value.hpp"
#include "diag/diagnostic.hpp"

namespace plenary::compose::detail {

// Mustache reports "Unclosed tag at 123": an error at that offset's line and column.
void report_mustache_error(const std::string& message, const std::string& text,
                           const std::string& path, Diagnostics& diags);

// Every file in `files` exists, keeps the {{ }} delimiters, nests its sections no deeper than
// the renderer can, parses as Mustache, and no partial includes itself; false after errors.
bool check_templates(const TemplateSet& set, const std::vector<std::string>& files,
                     Diagnostics& diags);

// A one-word comment close to a directive is most likely a misspelt one: warn where it is.
void check_directives(const TemplateSet& set, const std::vector<std::string>& files,
                      Diagnostics& diags);

// An error per unknown field in `names`, at the first tag that names it, with a hint from the
// field paths of `root`.
void report_unknown_fields(const TemplateSet& set, const std::vector<std::string>& files,
                           const std::vector<std::string>& names, const Value& root,
                           Diagnostics& diags);

}  // namespace plenary::compose::detail

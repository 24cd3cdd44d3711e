// The identifier rule of line breaking (docs/pdf.md, "Line breaking"): where a hyphen or a slash
// inside a word joins the parts of an identifier, which is not broken there when it fits on a
// line of its own. The line breaker and the table columns (lines.cpp) follow it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace plenary::paginate {

// A capital letter or a digit: what stands on both sides of an identifier's joiners.
bool is_identifier_char(char32_t cp);
// A hyphen-minus or a slash: what joins the parts of an identifier.
bool is_identifier_joiner(char32_t cp);

// An identifier is a run of ASCII letters and digits joined by hyphens or slashes that has at
// least one joiner standing between two capitals or digits, and only such joiners:
// "CCQM-TG-BIOTECH", "CCQM/27-14", "CCQM-32", "ISO/TC", "2024-05". "sector-focus", "Micro-"
// and "and/or" are not ("COVID-19-related" holds the identifier "COVID-19").
struct IdentifierSpan {
  std::size_t begin = 0, end = 0;  // code points [begin, end) of the text
};
// With `slashes` false only hyphens join: the parts of "CCQM-TG-BIOTECH/CCQM-TG-MNP" that a
// line too narrow for all of it keeps whole.
std::vector<IdentifierSpan> identifier_spans(std::u32string_view text, bool slashes = true);

// A hyphenated word: ASCII letters and digits joined by hyphens, each between two letters or
// digits ("sector-focus", "Physikalisch-Technische", "CCQM-TG-BIOTECH"; not "Micro-"). Its
// hyphens are hard hyphens from the data, which readers' text extraction drops at a line end
// just the same, so the line breaker keeps it whole too when it fits on a line of its own;
// unlike an identifier it does not widen a table column (docs/pdf.md says why).
bool is_word_char(char32_t cp);
std::vector<IdentifierSpan> hyphenated_spans(std::u32string_view text);

}  // namespace plenary::paginate

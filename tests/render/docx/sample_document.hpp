// Hand-built Document trees with nasty data, shared by the DOCX and Markdown writer tests.
#pragma once

#include <string>

#include "document/document.hpp"

namespace plenary::test {

// A valid width x height RGB PNG (real CRCs and zlib data), filled with one colour.
std::string make_png(int width, int height);

// Every C0 control character, U+0001..U+001F.
std::string all_c0_controls();

// The big sample: cover with logo and image, contents, headings 1-3 (one left out of the
// contents), `& < > " '`, every C0 control, invalid UTF-8, « » — µ, Greek, Cyrillic, Polish,
// a 3000-letter word, nested and restarting lists, links, refs, a 40-row table.
doc::Document sample_document();

// The 3000-letter word used in the sample.
std::string long_word();

// A one-paragraph document without header, footer, cover or contents.
doc::Document minimal_document();

}  // namespace plenary::test

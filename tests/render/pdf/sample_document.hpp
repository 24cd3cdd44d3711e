// Hand-made documents for the PDF tests: every block kind, text from many scripts, a word of
// 3000 letters, a 120-row table, nested lists, links, a cover and a contents page.
#pragma once

#include <string>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::test {

doc::Document sample_document();
// A document of about `pages` pages of headings, paragraphs and tables (for timing).
doc::Document long_document(int sections);
// A small PNG (solid colour) for image tests.
std::string tiny_png();

}  // namespace plenary::test

// The HTML writer: a Document as one standalone, semantic HTML5 page (headings with ids,
// paragraphs, lists, tables with <thead> and <th scope>, links, the contents as <nav>, `lang`
// set, images embedded as data: URIs with alt text), one inline stylesheet derived from the house
// style (fonts, sizes, spacing, colours, page size and margins for print); no script, no external
// resource; the same bytes for the same document.
#pragma once

#include <string>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary {

std::string write_html(const doc::Document& document, const doc::Style& style);

}  // namespace plenary

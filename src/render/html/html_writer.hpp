// The HTML writer: a Document as one standalone, semantic HTML5 page (headings with ids,
// paragraphs, lists, tables with <thead> and <th scope>, links, the contents as <nav>, `lang`
// set, images embedded as data: URIs with alt text), the stylesheet derived from the house style
// (fonts, sizes, spacing, colours, page size and margins for print) inline or, in a build, the
// site's shared style.css linked; no script; the same bytes for the same document.
#pragma once

#include <string>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary {

struct HtmlOptions {
  // The href of a shared stylesheet to link ("../style.css"); "" (the default) = the stylesheet
  // inline in the page.
  std::string stylesheet;
};

std::string write_html(const doc::Document& document, const doc::Style& style,
                       const HtmlOptions& options = {});

// The writer's parts, for pages made of more than one document (the site, render/html/site.hpp).
namespace html {
std::string escape(const std::string& text);            // &, <, >, " as references
std::string house_stylesheet(const doc::Style& style);  // what each document page inlines
std::string blocks(const doc::Blocks& content, const doc::Style& style);    // a fragment
std::string inlines(const doc::Inlines& content, const doc::Style& style);  // a fragment
std::string image(const doc::Image& picture, const std::string& alt, const doc::Style& style);
}  // namespace html

}  // namespace plenary

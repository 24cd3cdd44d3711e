// The site's pages (docs/web.md): the frame every page of out/ shares (language, title, the
// shared stylesheet, the logo with its alt text, the way home) around a body the compose
// stage's site kinds write, and that shared stylesheet, derived from the house style. Relative
// links only, no script, no external resource; the same page gives the same bytes.
#pragma once

#include <optional>
#include <string>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::html {

struct SitePage {
  std::string lang = "en";         // <html lang>
  std::string title;               // <title> (the <h1> is the body's)
  std::string description;         // <meta name="description">; "" = none
  std::string root;                // from the page to the output folder: "" or "../"
  std::string site_name;           // the header's link to the index (the committee)
  std::optional<doc::Image> logo;  // in the header, embedded as a data: URI
  std::string logo_alt;            // its alt text
  std::string home;                // the way back to the index ("" on the index itself)
  std::string body;                // the contents of <main>, HTML
};

std::string write_site_page(const SitePage& page, const doc::Style& style);

// The stylesheet every page of the site links to (`style.css`): the documents' house style and
// the site's own rules (header, tables of documents, visually hidden link context, print).
std::string site_stylesheet(const doc::Style& style);

}  // namespace plenary::html

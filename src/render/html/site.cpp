#include "render/html/site.hpp"

#include "render/html/html_writer.hpp"

namespace plenary::html {

std::string write_site_page(const SitePage& page, const doc::Style& style) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape(page.lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    escape(page.title) + "</title>\n";
  if (!page.description.empty())
    out += "<meta name=\"description\" content=\"" + escape(page.description) + "\">\n";
  out += "<link rel=\"stylesheet\" href=\"" + escape(page.root) + "style.css\">\n</head>\n<body>\n";
  // 1. The header: the logo and the committee, a link to the index from every other page.
  out += "<header class=\"site\">";
  if (page.logo) out += image(*page.logo, page.logo_alt, style);
  if (page.home.empty())
    out += "<p class=\"site-name\">" + escape(page.site_name) + "</p>";
  else
    out += "<p class=\"site-name\"><a href=\"" + escape(page.root) + "index.html\">" +
           escape(page.site_name) + "</a></p>";
  out += "</header>\n";
  // 2. The way home, as a navigation landmark.
  if (!page.home.empty())
    out += "<nav class=\"site\" aria-label=\"" + escape(page.home) + "\"><a href=\"" +
           escape(page.root) + "index.html\">" + escape(page.home) + "</a></nav>\n";
  // 3. The page's own contents.
  out += "<main>\n" + page.body + "</main>\n</body>\n</html>\n";
  return out;
}

std::string site_stylesheet(const doc::Style& style) {
  std::string css = "/* plenary: the site's stylesheet, from the house style (style.yaml) */\n";
  css += house_stylesheet(style);
  css +=
      "header.site{display:flex;align-items:center;gap:1em;border-bottom:1px solid "
      "currentColor;margin-bottom:1em}\n"
      "header.site img{height:3em;width:auto}\n"
      ".site-name{font-weight:bold;margin:0}\n"
      "nav.site{margin-bottom:1em}\n"
      "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em}\n"
      "dl.facts dt{font-weight:bold}dl.facts dd{margin:0}\n"
      "ul.documents{list-style:none;padding:0;margin:0}ul.documents>li{margin:0 0 .25em}\n"
      "ul.formats{display:inline;list-style:none;padding:0;margin:0 0 0 .5em}\n"
      "ul.formats li{display:inline;margin-right:.5em}\n"
      ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
      "white-space:nowrap}\n"
      "@media print{nav.site{display:none}header.site{border:none}"
      "a[href$=\".pdf\"]::after,a[href$=\".docx\"]::after{content:\" (\" attr(href) \")\"}}\n";
  return css;
}

}  // namespace plenary::html

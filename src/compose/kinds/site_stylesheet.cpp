// The site's one stylesheet, `style.css` at the top of the output folder: the house style
// (style.yaml) as CSS, with the site's own rules and print rules (render/html/site.hpp). A
// Product of the html row; every site page links to it.
#include "compose/kinds.hpp"
#include "render/html/site.hpp"

namespace plenary::compose::kinds {

DocumentKind site_stylesheet() {
  DocumentKind k;
  k.id = "site-stylesheet";
  k.scope = KindScope::Committee;
  k.output_stem = [](const model::Committee&, const std::string&) -> std::string {
    return "style";
  };
  Product product;
  product.format = "html";
  product.extension = "css";
  // It reads the style only, which every product's fingerprint holds already.
  product.inputs = [](const model::Committee&, const DocumentSpec&) { return std::string(); };
  product.write = [](const model::Committee&, const DocumentSpec&, const TemplateSet& t,
                     const OutputFiles&) { return html::site_stylesheet(t.style); };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds

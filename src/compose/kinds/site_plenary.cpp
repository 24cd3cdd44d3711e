// A plenary's page, `<P>/index.html`: its title, dates, venue, format, status and focus sector,
// every document this run writes for it in every format with the calendar, and its agenda as a
// table. A Product of the html row (docs/web.md).
#include "compose/kinds.hpp"
#include "compose/kinds/site_common.hpp"

namespace plenary::compose::kinds {

namespace {

using site::esc;

// The items of a day, sub-items after their item; a numbered item's title heads its row, a
// break's is a plain cell.
void agenda_rows(const std::vector<model::AgendaItem>& items, const TemplateSet& t,
                 const detail::Texts& tx, std::string& rows) {
  for (const auto& it : items) {
    rows += "<tr><td>" + esc(detail::hhmm(it.start)) + "</td><td>" + esc(it.number) + "</td>" +
            (it.number.empty() ? "<td>" : "<th scope=\"row\">") + site::md_inline(it.title, t) +
            (it.number.empty() ? "</td>" : "</th>") + "<td>" + esc(tx.duration(it.total_minutes)) +
            "</td><td>" + esc(it.presenter ? it.presenter->name : "") + "</td></tr>\n";
    agenda_rows(it.items, t, tx, rows);
  }
}

std::string write_plenary(const model::Committee& c, const DocumentSpec& spec,
                          const TemplateSet& t) {
  const detail::Texts tx(t.texts, t.lang);
  const model::Plenary* p = c.plenary(spec.id);
  if (!p) return {};
  const std::string title = site::plenary_title(c, *p, tx);
  html::SitePage page = site::frame(c, t, "../", title);
  std::string& b = page.body;
  b += "<h1>" + esc(title) + "</h1>\n<dl class=\"facts\">\n";
  auto fact = [&](const std::string& label, const std::string& value) {
    b += "<dt>" + esc(tx.get(label)) + "</dt><dd>" + esc(value) + "</dd>\n";
  };
  fact("label.dates", tx.date_range(p->start, p->end));
  if (!p->venue.empty()) fact("label.venue", p->venue);
  fact("label.format", tx.get(p->format == model::PlenaryFormat::Hybrid   ? "format.hybrid"
                              : p->format == model::PlenaryFormat::Online ? "format.online"
                                                                          : "format.in_person"));
  fact("label.status", tx.get(p->status == model::PlenaryStatus::Held ? "plenary_status.held"
                                                                      : "plenary_status.planned"));
  if (const model::PlanEntry* plan = c.plan_for(p->id))
    if (const model::Sector* sector = c.sector(plan->sector.id))
      fact("label.focus_sector", sector->name);
  b += "</dl>\n";
  // 1. Its documents, in every format this run writes.
  b += "<h2 id=\"documents\">" + esc(tx.get("label.documents")) + "</h2>\n";
  std::string items;
  for (const auto& d : site::listed(spec)) {
    if (d.id != p->id) continue;
    const std::string name = site::document_name(d.kind, tx);
    items += "<li>" + esc(name) + site::format_links(d, p->id, name) + "</li>\n";
  }
  b += items.empty() ? "<p>" + esc(tx.get("site.no_documents")) + "</p>\n"
                     : "<ul class=\"documents\">\n" + items + "</ul>\n";
  // 2. The agenda, one table a day.
  b += "<h2 id=\"agenda\">" + esc(tx.get("heading.agenda")) + "</h2>\n";
  const model::Agenda* a = c.agenda_for(p->id);
  if (!a) b += "<p>" + esc(tx.get("text.no_agenda")) + "</p>\n";
  for (const auto& day : a ? a->days : std::vector<model::AgendaDay>{}) {
    b += "<h3>" + esc(tx.day_heading(day.date)) + "</h3>\n";
    std::string rows;
    agenda_rows(day.items, t, tx, rows);
    b += "<table>\n<thead><tr><th scope=\"col\">" + esc(tx.get("label.time")) +
         "</th><th scope=\"col\">" + esc(tx.get("label.number")) + "</th><th scope=\"col\">" +
         esc(tx.get("label.item")) + "</th><th scope=\"col\">" + esc(tx.get("label.duration")) +
         "</th><th scope=\"col\">" + esc(tx.get("label.presenter")) +
         "</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
  }
  return html::write_site_page(page, t.style);
}

}  // namespace

DocumentKind site_plenary() {
  DocumentKind k;
  k.id = "site-plenary";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee&, const std::string& id) -> std::string {
    return id + "/index";
  };
  k.text_keys = {"site.no_documents"};
  Product product;
  product.format = "html";
  product.extension = "html";
  product.inputs = [](const model::Committee& c, const DocumentSpec& spec) {
    return write_plenary(c, spec, site::no_templates());
  };
  product.write = [](const model::Committee& c, const DocumentSpec& spec, const TemplateSet& t,
                     const OutputFiles&) { return write_plenary(c, spec, t); };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds

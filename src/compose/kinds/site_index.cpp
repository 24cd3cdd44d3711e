// The site's front page, `index.html`: the committee, its plenaries (planned, then held) with
// every document this run writes for each in every format and the calendar, the task groups by
// status with their pages and reports, and the stakeholders. A Product of the html row; the
// documents come from the plan (DocumentSpec::run_outputs), not from a list of kinds.
#include "compose/kinds.hpp"
#include "compose/kinds/site_common.hpp"

namespace plenary::compose::kinds {

namespace {

using site::esc;

std::string format_text(model::PlenaryFormat f, const detail::Texts& tx) {
  switch (f) {
    case model::PlenaryFormat::Hybrid:
      return tx.get("format.hybrid");
    case model::PlenaryFormat::Online:
      return tx.get("format.online");
    default:
      return tx.get("format.in_person");
  }
}

std::string kind_text(model::StakeholderKind k, const detail::Texts& tx) {
  switch (k) {
    case model::StakeholderKind::Liaison:
      return tx.get("stakeholder_kind.liaison");
    case model::StakeholderKind::Cooperation:
      return tx.get("stakeholder_kind.cooperation");
    case model::StakeholderKind::Prospective:
      return tx.get("stakeholder_kind.prospective");
    default:
      return tx.get("stakeholder_kind.other");
  }
}

// The documents of one record as a list: each with its formats.
std::string documents_cell(const std::vector<site::Listed>& docs, const std::string& id,
                           const std::string& record_title, const detail::Texts& tx) {
  std::string out;
  for (const auto& d : docs) {
    if (d.id != id) continue;
    const std::string name = site::document_name(d.kind, tx);
    out += "<li>" + esc(name) + site::format_links(d, "", name + ", " + record_title) + "</li>";
  }
  return out.empty() ? esc(tx.get("text.none")) : "<ul class=\"documents\">" + out + "</ul>";
}

std::string plenaries(const model::Committee& c, const DocumentSpec& spec,
                      const std::vector<site::Listed>& docs, const detail::Texts& tx,
                      model::PlenaryStatus status, const std::string& heading) {
  std::string rows;
  for (const auto& p : c.plenaries) {
    if (p.status != status) continue;
    const std::string title = site::plenary_title(c, p, tx);
    const std::string page = p.id + "/index.html";
    rows += "<tr><th scope=\"row\">" +
            (site::written(spec, page) ? "<a href=\"" + esc(page) + "\">" + esc(title) + "</a>"
                                       : esc(title)) +
            "</th><td>" + esc(tx.date_range(p.start, p.end)) + "</td><td>" + esc(p.venue) +
            "</td><td>" + esc(format_text(p.format, tx)) + "</td><td>" +
            documents_cell(docs, p.id, title, tx) + "</td></tr>\n";
  }
  if (rows.empty()) return {};
  return "<h3>" + esc(heading) + "</h3>\n<table>\n<thead><tr><th scope=\"col\">" +
         esc(tx.get("label.meeting")) + "</th><th scope=\"col\">" + esc(tx.get("label.dates")) +
         "</th><th scope=\"col\">" + esc(tx.get("label.venue")) + "</th><th scope=\"col\">" +
         esc(tx.get("label.format")) + "</th><th scope=\"col\">" + esc(tx.get("label.documents")) +
         "</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
}

std::string task_groups(const model::Committee& c, const DocumentSpec& spec,
                        const std::vector<site::Listed>& docs, const detail::Texts& tx) {
  std::string out;
  const struct {
    model::TaskGroupStatus status;
    const char* heading;
  } groups[] = {{model::TaskGroupStatus::Active, "site.tg_active"},
                {model::TaskGroupStatus::Planned, "site.tg_planned"},
                {model::TaskGroupStatus::Closed, "site.tg_closed"}};
  for (const auto& group : groups) {
    std::string rows;
    for (const auto& tg : c.task_groups) {
      if (tg.status != group.status) continue;
      const std::string page = "task-groups/" + tg.id + ".html";
      rows += "<tr><th scope=\"row\">" +
              (site::written(spec, page) ? "<a href=\"" + esc(page) + "\">" + esc(tg.id) + "</a>"
                                         : esc(tg.id)) +
              "</th><td>" + esc(tg.name) + "</td><td>" + esc(tg.chair.name) + "</td><td>" +
              esc(tg.established ? tx.date(*tg.established) : tx.get("text.none")) + "</td><td>" +
              documents_cell(docs, tg.id, tg.id, tx) + "</td></tr>\n";
    }
    if (rows.empty()) continue;
    out += "<h3>" + esc(tx.get(group.heading)) + "</h3>\n<table>\n<thead><tr><th scope=\"col\">" +
           esc(tx.get("label.id")) + "</th><th scope=\"col\">" + esc(tx.get("label.name")) +
           "</th><th scope=\"col\">" + esc(tx.get("label.chair")) + "</th><th scope=\"col\">" +
           esc(tx.get("label.established")) + "</th><th scope=\"col\">" +
           esc(tx.get("label.documents")) + "</th></tr></thead>\n<tbody>\n" + rows +
           "</tbody>\n</table>\n";
  }
  return out;
}

std::string stakeholders(const model::Committee& c, const detail::Texts& tx) {
  if (c.stakeholders.empty()) return "<p>" + esc(tx.get("text.no_stakeholders")) + "</p>\n";
  std::string out =
      "<table>\n<thead><tr><th scope=\"col\">" + esc(tx.get("label.name")) +
      "</th><th scope=\"col\">" + esc(tx.get("label.acronym")) + "</th><th scope=\"col\">" +
      esc(tx.get("label.kind")) + "</th><th scope=\"col\">" + esc(tx.get("label.since")) +
      "</th><th scope=\"col\">" + esc(tx.get("label.sectors")) + "</th><th scope=\"col\">" +
      esc(tx.get("site.web_address")) + "</th></tr></thead>\n<tbody>\n";
  for (const auto& s : c.stakeholders) {
    std::vector<std::string> sectors;
    for (const auto& ref : s.sectors) {
      const model::Sector* sector = c.sector(ref.id);
      sectors.push_back(sector ? sector->name : ref.id);
    }
    std::string joined;
    for (const auto& name : sectors) joined += (joined.empty() ? "" : ", ") + name;
    // The web address as text: the site's links stay inside it (relative links only).
    out += "<tr><th scope=\"row\">" + esc(s.name) + "</th><td>" + esc(s.acronym) + "</td><td>" +
           esc(kind_text(s.kind, tx)) + "</td><td>" +
           esc(s.since ? tx.date(*s.since) : tx.get("text.none")) + "</td><td>" + esc(joined) +
           "</td><td>" +
           (s.url.empty() ? esc(tx.get("text.none")) : "<code>" + esc(s.url) + "</code>") +
           "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string write_index(const model::Committee& c, const DocumentSpec& spec, const TemplateSet& t) {
  const detail::Texts tx(t.texts, t.lang);
  const auto docs = site::listed(spec);
  const std::string name =
      c.committee.name.empty() ? c.committee.id : c.committee.name + " (" + c.committee.id + ")";
  html::SitePage page = site::frame(c, t, "", name);
  page.description =
      detail::fill(tx.get("site.index_description"), {{"committee", c.committee.id}});
  std::string& b = page.body;
  b += "<h1>" + esc(name) + "</h1>\n";
  if (!c.committee.organisation.empty())
    b += "<p class=\"subtitle\">" + esc(c.committee.organisation) + "</p>\n";
  // 1. The plenaries: planned, then held.
  b += "<h2 id=\"plenaries\">" + esc(tx.get("site.plenaries")) + "</h2>\n";
  b += plenaries(c, spec, docs, tx, model::PlenaryStatus::Planned, tx.get("site.planned"));
  b += plenaries(c, spec, docs, tx, model::PlenaryStatus::Held, tx.get("site.held"));
  // 2. Documents of the committee as a whole (kinds of committee scope), if any.
  std::string committee_docs;
  for (const auto& d : docs)
    if (d.id == c.committee.id) {
      const std::string doc_name = site::document_name(d.kind, tx);
      committee_docs += "<li>" + esc(doc_name) + site::format_links(d, "", doc_name) + "</li>\n";
    }
  if (!committee_docs.empty())
    b += "<h2 id=\"committee-documents\">" + esc(tx.get("label.documents")) +
         "</h2>\n<ul class=\"documents\">\n" + committee_docs + "</ul>\n";
  // 3. The task groups by status.
  b += "<h2 id=\"task-groups\">" + esc(tx.get("heading.task_groups")) + "</h2>\n";
  b += task_groups(c, spec, docs, tx);
  // 4. The stakeholders.
  b += "<h2 id=\"stakeholders\">" + esc(tx.get("heading.stakeholders")) + "</h2>\n";
  b += stakeholders(c, tx);
  return html::write_site_page(page, t.style);
}

}  // namespace

DocumentKind site_index() {
  DocumentKind k;
  k.id = "site-index";
  k.scope = KindScope::Committee;
  k.output_stem = [](const model::Committee&, const std::string&) -> std::string {
    return "index";
  };
  k.text_keys = {"site.home",      "site.logo_alt",    "site.calendar",         "site.plenaries",
                 "site.planned",   "site.held",        "site.tg_active",        "site.tg_planned",
                 "site.tg_closed", "site.web_address", "site.index_description"};
  Product product;
  product.format = "html";
  product.extension = "html";
  product.inputs = [](const model::Committee& c, const DocumentSpec& spec) {
    return write_index(c, spec, site::no_templates());
  };
  product.write = [](const model::Committee& c, const DocumentSpec& spec, const TemplateSet& t,
                     const OutputFiles&) { return write_index(c, spec, t); };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds

// A task group's page, `task-groups/<T>.html`, shaped like the committee's public task-group
// page (/work/shared/seed/): name and id, chair and members, date established, status, the terms
// of reference (goals, activities) and each extension with its reason and items, then its
// documents. A Product of the html row (docs/web.md).
#include "compose/kinds.hpp"
#include "compose/kinds/site_common.hpp"

namespace plenary::compose::kinds {

namespace {

using site::esc;

std::string person(const model::Person& p, const std::string& function) {
  std::string out = "<li><strong>" + esc(p.name) + "</strong>";
  if (!function.empty()) out += ", " + esc(function);
  if (!p.role.empty()) out += "<br>" + esc(p.role);
  if (!p.institute.empty()) out += "<br>" + esc(p.institute);
  return out + "</li>\n";
}

std::string items(const std::vector<model::Markdown>& list, const TemplateSet& t) {
  std::string out = "<ul>\n";
  for (const auto& md : list) out += "<li>" + site::md_inline(md, t) + "</li>\n";
  return out + "</ul>\n";
}

std::string write_task_group(const model::Committee& c, const DocumentSpec& spec,
                             const TemplateSet& t) {
  const detail::Texts tx(t.texts, t.lang);
  const model::TaskGroup* tg = c.task_group(spec.id);
  if (!tg) return {};
  const std::string title = tg->name + " (" + tg->id + ")";
  html::SitePage page = site::frame(c, t, "../", title);
  std::string& b = page.body;
  b += "<p class=\"note\">" + esc(tx.get("site.members_page")) + "</p>\n";
  b += "<h1>" + esc(title) + "</h1>\n";
  // 1. Chair and members.
  b += "<h2 id=\"members\">" + esc(tx.get("heading.members")) + "</h2>\n<ul class=\"people\">\n";
  b += person(tg->chair, tx.get("label.chair"));
  for (const auto& m : tg->members) b += person(m, "");
  b += "</ul>\n";
  // 2. Established, status (closed), parent body.
  b += "<dl class=\"facts\">\n";
  auto fact = [&](const std::string& label, const std::string& value) {
    b += "<dt>" + esc(tx.get(label)) + "</dt><dd>" + esc(value) + "</dd>\n";
  };
  if (tg->established) fact("site.date_established", tx.date(*tg->established));
  fact("label.status", tx.get(tg->status == model::TaskGroupStatus::Planned  ? "tg_status.planned"
                              : tg->status == model::TaskGroupStatus::Active ? "tg_status.active"
                                                                             : "tg_status.closed"));
  if (tg->closed) fact("label.closed", tx.date(*tg->closed));
  if (!tg->parent.empty()) fact("label.parent", tg->parent);
  b += "</dl>\n";
  // 3. The terms of reference, as the public page words them.
  b += "<h2 id=\"terms-of-reference\">" + esc(tx.get("heading.terms_of_reference")) + "</h2>\n";
  if (!tg->goals.empty())
    b += "<p>" + esc(detail::fill(tx.get("site.goals_intro"), {{"committee", c.committee.id}})) +
         "</p>\n" + items(tg->goals, t);
  if (!tg->activities.empty())
    b += "<p>" +
         esc(detail::fill(tx.get("site.activities_intro"), {{"committee", c.committee.id}})) +
         "</p>\n" + items(tg->activities, t);
  // 4. The extensions: the reason (which names the plenary that agreed it), its items.
  if (!tg->extensions.empty())
    b += "<h2 id=\"extensions\">" + esc(tx.get("heading.extensions")) + "</h2>\n";
  for (const auto& x : tg->extensions) {
    const model::Plenary* at = c.plenary(x.approved_at.id);
    b += "<h3>" +
         esc(detail::fill(tx.get("text.approved_at"),
                          {{"plenary", at ? site::plenary_title(c, *at, tx) : x.approved_at.id}})) +
         "</h3>\n";
    if (x.reason) b += site::md_blocks(*x.reason, t);
    if (!x.items.empty()) b += items(x.items, t);
  }
  // 5. Its documents (the final report of a closed group), in every format this run writes.
  std::string docs;
  for (const auto& d : site::listed(spec)) {
    if (d.id != tg->id) continue;
    const std::string name = site::document_name(d.kind, tx);
    docs += "<li>" + esc(name) + site::format_links(d, "task-groups", name) + "</li>\n";
  }
  if (!docs.empty())
    b += "<h2 id=\"documents\">" + esc(tx.get("label.documents")) +
         "</h2>\n<ul class=\"documents\">\n" + docs + "</ul>\n";
  return html::write_site_page(page, t.style);
}

}  // namespace

DocumentKind site_task_group() {
  DocumentKind k;
  k.id = "site-task-group";
  k.scope = KindScope::TaskGroup;
  k.output_stem = [](const model::Committee&, const std::string& id) -> std::string {
    return "task-groups/" + id;
  };
  k.text_keys = {"site.members_page", "site.date_established", "site.goals_intro",
                 "site.activities_intro"};
  Product product;
  product.format = "html";
  product.extension = "html";
  product.inputs = [](const model::Committee& c, const DocumentSpec& spec) {
    return write_task_group(c, spec, site::no_templates());
  };
  product.write = [](const model::Committee& c, const DocumentSpec& spec, const TemplateSet& t,
                     const OutputFiles&) { return write_task_group(c, spec, t); };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds

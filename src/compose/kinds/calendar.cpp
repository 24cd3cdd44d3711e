// The calendar of a plenary that has an agenda (`<P>/<P>.ics`, documents.md "Calendar"): one
// event per agenda day (first start to last end) and one per numbered item, sub-items
// included, breaks left out. A Product of the `ics` format row, written by render/ics with
// libical. UIDs name the plenary and the day's date or the item's number, so an item that keeps
// its place keeps its UID; DTSTAMP is SOURCE_DATE_EPOCH, else the plenary's first day.
#include <cstdlib>

#include "compose/fixed_texts.hpp"
#include "compose/inlines.hpp"
#include "compose/kinds.hpp"
#include "compose/markdown.hpp"
#include "core/civil_date.hpp"
#include "render/ics/ics_writer.hpp"

namespace plenary::compose::kinds {

namespace {

std::string plain(const model::Markdown& md) {
  doc::Inlines inlines;
  detail::flatten(detail::field_blocks_parsed(md.source), inlines);
  return doc::plain_text(inlines, ' ');
}

std::string lower(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// The item's kind as the documents name it ("Decision", "Décision").
std::string kind_name(model::ItemKind kind, const detail::Texts& tx) {
  switch (kind) {
    case model::ItemKind::Decision:
      return tx.get("kind.decision");
    case model::ItemKind::Discussion:
      return tx.get("kind.discussion");
    case model::ItemKind::Break:
      return tx.get("kind.break");
    default:
      return tx.get("kind.information");
  }
}

// "Presenter: " in the build's language.
std::string label(const detail::Texts& tx, const char* key) {
  return tx.get(key) + tx.get("colon") + " ";
}

std::string person(const model::Person& p) {
  return p.institute.empty() ? p.name : p.name + " (" + p.institute + ")";
}

// The time zone of a plenary: its own, else the committee's; "" = floating times.
std::string zone_of(const model::Committee& c, const model::Plenary& p) {
  return p.timezone.empty() ? c.committee.timezone : p.timezone;
}

std::int64_t dtstamp(const model::Plenary& p) {
  if (const core::SourceDateEpoch epoch = core::source_date_epoch(); epoch.set)
    return epoch.seconds;
  return static_cast<std::int64_t>(
             core::days_from_civil(p.start.year, p.start.month, p.start.day)) *
         86400;
}

void add_items(const model::Committee& c, const model::Plenary& p, const model::AgendaDay& d,
               const std::vector<model::AgendaItem>& items, const detail::Texts& tx,
               ics::Calendar& cal) {
  const std::string domain = lower(c.committee.id);
  for (const auto& it : items) {
    if (it.kind != model::ItemKind::Break && !it.number.empty()) {
      ics::Event e;
      e.uid = p.id + "-item-" + it.number + "@" + domain + ".plenary";
      e.summary = it.number + ". " + plain(it.title);
      e.location = p.venue;
      e.start = {d.date.year, d.date.month, d.date.day, it.start.minutes};
      e.end = {d.date.year, d.date.month, d.date.day, it.start.minutes + it.total_minutes};
      std::string desc;
      if (it.presenter) desc += label(tx, "label.presenter") + person(*it.presenter) + "\n";
      desc += label(tx, "label.kind") + kind_name(it.kind, tx) + "\n";
      if (!it.documents.empty()) {
        desc += label(tx, "label.documents");
        for (std::size_t i = 0; i < it.documents.size(); ++i)
          desc += (i ? ", " : "") + it.documents[i];
        desc += "\n";
      }
      if (!desc.empty()) desc.pop_back();
      e.description = desc;
      cal.events.push_back(std::move(e));
    }
    add_items(c, p, d, it.items, tx, cal);
  }
}

// The fixed texts of the DESCRIPTION (labels, kinds) are the build's language's (--lang).
std::string write_calendar(const model::Committee& c, const DocumentSpec& spec,
                           const std::map<std::string, std::string>& texts, Lang lang) {
  const detail::Texts tx(texts, lang);
  const model::Plenary* p = c.plenary(spec.id);
  const model::Agenda* a = p ? c.agenda_for(p->id) : nullptr;
  if (!a) return {};
  ics::Calendar cal;
  cal.prodid = "-//" + c.committee.id + "//plenary//EN";
  cal.timezone = zone_of(c, *p);
  cal.dtstamp = dtstamp(*p);
  const std::string title = p->title.empty() ? p->id : p->title;
  for (const auto& d : a->days) {
    if (d.items.empty()) continue;
    int end = d.start.minutes;
    for (const auto& it : d.items) end = std::max(end, it.start.minutes + it.total_minutes);
    ics::Event e;
    e.uid = p->id + "-day-" + d.date.iso() + "@" + lower(c.committee.id) + ".plenary";
    e.summary = title + ", " + d.date.iso();
    e.location = p->venue;
    e.start = {d.date.year, d.date.month, d.date.day, d.start.minutes};
    e.end = {d.date.year, d.date.month, d.date.day, end};
    cal.events.push_back(std::move(e));
    add_items(c, *p, d, d.items, tx, cal);
  }
  return ics::write_ics(cal);
}

}  // namespace

DocumentKind calendar() {
  DocumentKind k;
  k.id = "calendar";
  k.scope = KindScope::Plenary;
  k.output_stem = [](const model::Committee& c, const std::string& id) -> std::string {
    if (!c.agenda_for(id)) return {};
    return id + "/" + id;
  };
  Product product;
  product.format = "ics";
  product.extension = "ics";
  // What it reads, as bytes: the calendar itself (it is cheap) and the time zone database's
  // answer for it, so any change of the agenda, venue, time zone or DTSTAMP rebuilds it.
  product.inputs = [](const model::Committee& c, const DocumentSpec& spec) {
    try {
      // The labels are the fixed texts', which every product's fingerprint holds already.
      return write_calendar(c, spec, {}, Lang::En);
    } catch (const std::exception& e) {
      return std::string("error: ") + e.what();
    }
  };
  product.write = [](const model::Committee& c, const DocumentSpec& spec, const TemplateSet& t,
                     const OutputFiles&) { return write_calendar(c, spec, t.texts, t.lang); };
  product.warning = [](const model::Committee& c, const DocumentSpec& spec) -> std::string {
    const model::Plenary* p = c.plenary(spec.id);
    if (!p || !zone_of(c, *p).empty()) return {};
    return "no timezone: the calendars have floating local times (set the committee's or the "
           "plenary's timezone, e.g. Europe/Paris)";
  };
  k.product = product;
  return k;
}

}  // namespace plenary::compose::kinds

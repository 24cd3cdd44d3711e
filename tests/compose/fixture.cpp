#include "fixture.hpp"

#include <stdexcept>

namespace plenary::test {

namespace {

model::Ref ref(const std::string& id) {
  return model::Ref{id, {}};
}

std::vector<model::Ref> refs(const std::vector<std::string>& ids) {
  std::vector<model::Ref> out;
  for (const auto& id : ids) out.push_back(ref(id));
  return out;
}

std::vector<model::Markdown> mds(const std::vector<std::string>& sources) {
  std::vector<model::Markdown> out;
  for (const auto& s : sources) out.push_back(md(s));
  return out;
}

model::Plenary plenary(const std::string& id, int number, model::Date start,
                       std::optional<model::Date> end, model::PlenaryStatus status,
                       model::PlenaryFormat format, const std::string& venue) {
  model::Plenary p;
  p.id = id;
  p.number = number;
  p.start = start;
  p.end = end;
  p.status = status;
  p.format = format;
  p.venue = venue;
  return p;
}

model::AgendaItem item(const std::string& title, std::optional<int> duration,
                       model::ItemKind kind = model::ItemKind::Information) {
  model::AgendaItem it;
  it.title = md(title);
  it.duration = duration;
  it.kind = kind;
  return it;
}

int schedule_items(std::vector<model::AgendaItem>& items, const std::string& prefix, bool numbered,
                   int start, int& counter) {
  int cursor = start;
  for (auto& it : items) {
    it.start.minutes = cursor;
    const bool has_number = numbered && it.kind != model::ItemKind::Break;
    if (has_number) it.number = prefix + std::to_string(++counter);
    int sub_counter = 0;
    const int sub_total =
        schedule_items(it.items, it.number + ".", has_number, cursor, sub_counter);
    it.total_minutes = it.duration ? *it.duration : sub_total;
    cursor += it.total_minutes;
  }
  return cursor - start;
}

}  // namespace

model::Markdown md(const std::string& source) {
  return model::Markdown{source, {}};
}

model::Person person(const std::string& name, const std::string& institute) {
  model::Person p;
  p.name = name;
  p.institute = institute;
  return p;
}

void schedule(model::Agenda& agenda) {
  int counter = 0;
  for (auto& day : agenda.days) schedule_items(day.items, "", true, day.start.minutes, counter);
}

model::Committee sample_committee() {
  using model::Date;
  model::Committee c;
  c.committee.id = "CCQM";
  c.committee.name =
      "Consultative Committee for Amount of Substance – Metrology in Chemistry and Biology";
  c.committee.organisation = "BIPM";
  c.committee.president = person("Ada Lovelace", "NMI-A");
  c.committee.executive_secretary = person("Blaise Pascal", "BIPM");

  const auto held = model::PlenaryStatus::Held;
  const auto planned = model::PlenaryStatus::Planned;
  c.plenaries = {
      plenary("CCQM-26", 26, Date{2020, 4, 20}, std::nullopt, held, model::PlenaryFormat::Online,
              ""),
      plenary("CCQM-27", 27, Date{2021, 4, 19}, Date{2021, 4, 22}, held,
              model::PlenaryFormat::Online, ""),
      plenary("CCQM-28", 28, Date{2022, 4, 25}, Date{2022, 4, 28}, held,
              model::PlenaryFormat::Hybrid, "BIPM, Sèvres, France"),
      plenary("CCQM-29", 29, Date{2023, 4, 17}, Date{2023, 4, 20}, held,
              model::PlenaryFormat::InPerson, "BIPM, Sèvres, France"),
      plenary("CCQM-30", 30, Date{2026, 4, 14}, Date{2026, 4, 17}, planned,
              model::PlenaryFormat::Hybrid, "BIPM, Sèvres, France"),
  };

  c.sectors = {
      {"health",
       "Health and clinical diagnostics",
       md("Clinical chemistry, *in vitro* diagnostics."),
       {}},
      {"food", "Food and feed", std::nullopt, {}},
      {"environment", "Environment and climate", std::nullopt, {}},
      {"energy", "Energy transition", std::nullopt, {}},
  };

  model::PlanEntry focus29;
  focus29.plenary = ref("CCQM-29");
  focus29.sector = ref("food");
  model::PlanEntry focus30;
  focus30.plenary = ref("CCQM-30");
  focus30.sector = ref("health");
  focus30.rationale =
      md("Reference measurement systems for *clinical* markers; see "
         "[the JCTLM database](https://www.jctlm.org).");
  focus30.lead = person("Marie Curie", "NMI-B");
  focus30.invited = refs({"IFCC", "WHO"});
  focus30.questions = mds({"Which markers lack **higher-order** reference materials?",
                           "How can the CCQM support *traceability* in point-of-care testing?"});
  c.plan = {focus29, focus30};

  c.criteria = {
      {"international", md("Operates at an **international** level."), {}},
      {"mission", md("Has aims compatible with the CCQM mission."), {}},
  };

  model::Stakeholder ifcc;
  ifcc.id = "IFCC";
  ifcc.name = "International Federation of Clinical Chemistry and Laboratory Medicine";
  ifcc.acronym = "IFCC";
  ifcc.kind = model::StakeholderKind::Liaison;
  ifcc.since = Date{2005, 0, 0};
  ifcc.sectors = refs({"health"});
  ifcc.criteria_met = refs({"international", "mission"});
  ifcc.attended = refs({"CCQM-28", "CCQM-29"});
  model::Stakeholder who;
  who.id = "WHO";
  who.name = "World Health Organization";
  who.acronym = "WHO";
  who.kind = model::StakeholderKind::Cooperation;
  who.since = Date{2010, 6, 1};
  who.sectors = refs({"health"});
  who.criteria_met = refs({"international"});
  who.attended = refs({"CCQM-29"});
  model::Stakeholder codex;
  codex.id = "CODEX";
  codex.name = "Codex Alimentarius Commission";
  codex.kind = model::StakeholderKind::Liaison;
  codex.sectors = refs({"food"});
  codex.criteria_met = refs({"international", "mission"});
  codex.attended = refs({"CCQM-26"});
  model::Stakeholder iso;
  iso.id = "ISO-TC212";
  iso.name = "ISO/TC 212 Medical laboratories and in vitro diagnostic systems";
  iso.acronym = "ISO/TC 212";
  iso.kind = model::StakeholderKind::Prospective;
  iso.sectors = refs({"health"});
  c.stakeholders = {ifcc, who, codex, iso};

  model::TaskGroup archive;
  archive.id = "CCQM-TG-ARCHIVE";
  archive.name = "CCQM Task Group on Archived Methods";
  archive.parent = "CCQM";
  archive.status = model::TaskGroupStatus::Closed;
  archive.established = Date{2019, 4, 0};
  archive.closed = Date{2020, 4, 0};
  archive.chair = person("Antoine Lavoisier", "NMI-C");
  archive.sectors = refs({"environment"});
  archive.goals = mds({"Review archived methods."});
  archive.outcomes = mds({"A list of retired methods."});

  model::TaskGroup clinical;
  clinical.id = "CCQM-TG-CLINICAL";
  clinical.name = "CCQM Task Group on Clinical Traceability";
  clinical.parent = "CCQM";
  clinical.status = model::TaskGroupStatus::Active;
  clinical.established = Date{2023, 4, 0};
  clinical.chair = person("Rosalind Franklin", "NMI-D");
  clinical.sectors = refs({"health"});
  clinical.stakeholder_engagement = true;
  clinical.stakeholders = refs({"IFCC"});
  clinical.goals = mds({"Map reference systems for *clinical* markers.", "Propose priorities."});

  model::TaskGroup future;
  future.id = "CCQM-TG-FUTURE";
  future.name = "CCQM Task Group on Future Sectors";
  future.status = model::TaskGroupStatus::Planned;
  future.chair = person("Dmitri Mendeleev");
  future.sectors = refs({"energy", "environment"});
  future.goals = mds({"Scope the energy sector."});

  model::TaskGroup stakeholder;
  stakeholder.id = "CCQM-TG-STAKEHOLDER";
  stakeholder.name = "CCQM Task Group on Stakeholder Engagement";
  stakeholder.parent = "CCQM";
  stakeholder.status = model::TaskGroupStatus::Closed;
  stakeholder.established = Date{2021, 4, 0};
  stakeholder.closed = Date{2024, 4, 0};
  stakeholder.chair = person("Richard J.C. Brown", "NPL");
  stakeholder.chair.role = "Head of Metrology";
  stakeholder.members = {person("Ada Lovelace", "NMI-A"), person("Marie Curie", "NMI-B")};
  stakeholder.sectors = refs({"health", "food"});
  stakeholder.stakeholder_engagement = true;
  stakeholder.stakeholders = refs({"IFCC", "CODEX"});
  stakeholder.goals = mds({"develop a strategy document for external stakeholder engagement;",
                           "use the strategy to document a mid- to long-term plan."});
  stakeholder.activities = mds({"review CIPM-D-01, in particular clause 4.6;",
                                "identify new organisations the CCQM should engage with."});
  model::Extension ext;
  ext.approved_at = ref("CCQM-27");
  ext.reason = md("To implement some of the report's *recommendations*.");
  ext.items = mds({"list all current and planned CCQM TGs that include stakeholder engagement;",
                   "develop proposals for focusing on different sectors during each plenary."});
  stakeholder.extensions = {ext};
  stakeholder.outcomes =
      mds({"A strategy document, approved by the CCQM.", "A sector-focus plan."});
  stakeholder.recommendations =
      mds({"Keep a register of task groups.", "Review liaisons every plenary."});
  c.task_groups = {archive, clinical, future, stakeholder};

  model::Agenda agenda;
  agenda.plenary = ref("CCQM-30");
  agenda.source_file = "agendas/CCQM-30.yaml";
  model::AgendaDay day1;
  day1.date = Date{2026, 4, 14};
  day1.start.minutes = 9 * 60 + 30;
  auto opening =
      item("Opening of the meeting; approval of the agenda", 15, model::ItemKind::Decision);
  opening.presenter = person("Ada Lovelace", "NMI-A");
  opening.documents = {"CCQM/26-01"};
  auto minutes = item("Minutes of the 29th meeting", 10, model::ItemKind::Decision);
  minutes.documents = {"CCQM/26-02", "CCQM/26-03"};
  auto report = item("Report of the *clinical* task group", 30);
  report.task_groups = refs({"CCQM-TG-CLINICAL"});
  auto coffee = item("Coffee break", 20, model::ItemKind::Break);
  auto focus = item("Sector focus: health", std::nullopt, model::ItemKind::Discussion);
  focus.sector_focus = true;
  focus.items = {item("Presentations by invited stakeholders", 45),
                 item("Discussion of the questions", 30, model::ItemKind::Discussion)};
  day1.items = {opening, minutes, report, coffee, focus};
  model::AgendaDay day2;
  day2.date = Date{2026, 4, 15};
  day2.start.minutes = 9 * 60;
  auto final_report =
      item("Final report of the stakeholder task group", 20, model::ItemKind::Decision);
  final_report.task_groups = refs({"CCQM-TG-STAKEHOLDER"});
  auto close = item("Close of the meeting", 5);
  day2.items = {final_report, close};
  agenda.days = {day1, day2};
  schedule(agenda);
  c.agendas = {agenda};

  // Outcomes (data/outcomes/): CCQM-27 extended the stakeholder task group and left an action
  // open past its due plenary; CCQM-29 closed another and left one open, not yet due.
  c.task_group_term_years = 2;  // CCQM-TG-CLINICAL (April 2023) is past its term at CCQM-30
  model::Outcomes out27;
  out27.plenary = ref("CCQM-27");
  out27.source_file = "data/outcomes/CCQM-27.yaml";
  model::Decision extend;
  extend.number = 1;
  extend.text = md("The CCQM extended the terms of reference of CCQM-TG-STAKEHOLDER.");
  extend.task_groups = refs({"CCQM-TG-STAKEHOLDER"});
  extend.documents = refs({"CCQM/21-05"});
  out27.decisions = {extend};
  model::Action criteria_action;
  criteria_action.number = 1;
  criteria_action.text = md("Draft *criteria* for extending liaison status.");
  criteria_action.owner = person("Richard J.C. Brown", "NPL");
  criteria_action.body = ref("CCQM-TG-STAKEHOLDER");
  criteria_action.due_plenary = ref("CCQM-28");
  model::Action list_action;
  list_action.number = 2;
  list_action.text = md("List the task groups that engage stakeholders.");
  list_action.owner = person("Blaise Pascal", "BIPM");
  list_action.due_date = Date{2022, 1, 31};
  list_action.status = model::ActionStatus::Done;
  list_action.closed_at = ref("CCQM-29");
  out27.actions = {criteria_action, list_action};
  model::Outcomes out29;
  out29.plenary = ref("CCQM-29");
  out29.source_file = "data/outcomes/CCQM-29.yaml";
  model::Decision recommend;
  recommend.number = 1;
  recommend.text = md("The CCQM recommends a **food** session with CODEX.");
  recommend.kind = model::DecisionKind::Recommendation;
  recommend.item = "4";
  model::Decision follow_up;
  follow_up.number = 2;
  follow_up.text = md("Following CCQM/29-1, the CCQM asked CCQM-TG-CLINICAL for a plan.");
  follow_up.task_groups = refs({"CCQM-TG-CLINICAL"});
  out29.decisions = {recommend, follow_up};
  model::Action invite;
  invite.number = 1;
  invite.text = md("Invite CODEX to the next food session of CCQM-TG-CLINICAL.");
  invite.owner = person("Blaise Pascal", "BIPM");
  invite.body = ref("CODEX");
  invite.due_date = Date{2026, 12, 31};
  invite.notes = md("Letter drafted.");
  out29.actions = {invite};
  c.outcomes = {out27, out29};
  return c;
}

compose::TemplateSet repository_templates(compose::Lang lang) {
  Diagnostics diags;
  auto set = compose::load_templates({std::filesystem::path(PLENARY_SOURCE_DIR) / "templates"},
                                     lang, diags);
  if (!set) {
    std::string all;
    for (const auto& d : diags.items()) all += format(d) + "\n";
    throw std::runtime_error("templates do not load:\n" + all);
  }
  return *set;
}

namespace {

void collect(const doc::Inlines& content, std::string& out) {
  for (const auto& i : content) {
    if (const auto* t = std::get_if<doc::Text>(&i.value)) {
      out += t->text + "\n";
    } else if (const auto* c = std::get_if<doc::Code>(&i.value)) {
      out += c->text + "\n";
    } else if (const auto* s = std::get_if<doc::Strong>(&i.value)) {
      collect(s->content, out);
    } else if (const auto* e = std::get_if<doc::Emphasis>(&i.value)) {
      collect(e->content, out);
    } else if (const auto* l = std::get_if<doc::Link>(&i.value)) {
      out += l->url + "\n";
      collect(l->content, out);
    } else if (const auto* r = std::get_if<doc::Ref>(&i.value)) {
      collect(r->content, out);
    }
  }
}

void collect(const doc::Blocks& blocks, std::string& out) {
  for (const auto& b : blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      collect(h->content, out);
    } else if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      collect(p->content, out);
    } else if (const auto* l = std::get_if<doc::List>(&b.value)) {
      for (const auto& item : l->items) collect(item.content, out);
    } else if (const auto* t = std::get_if<doc::Table>(&b.value)) {
      for (const auto& row : t->rows) {
        for (const auto& cell : row) collect(cell.content, out);
      }
    }
  }
}

}  // namespace

std::string all_text(const doc::Document& document) {
  std::string out;
  collect(document.blocks, out);
  return out;
}

const compose::DocumentSpec& spec_for(const std::vector<compose::DocumentSpec>& specs,
                                      const std::string& kind, const std::string& id) {
  for (const auto& s : specs) {
    if (s.kind == kind && s.id == id) return s;
  }
  throw std::runtime_error("no spec for " + id);
}

}  // namespace plenary::test

// The checked, linked committee model. Every value that came from a file keeps its
// source position so that late errors still point at path:line:col.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace plenary::model {

struct Date {                // ISO 8601: 2026-04-14, or a month 2021-04, or a year 2005
  int year = 0;
  int month = 0;             // 0 = year only
  int day = 0;               // 0 = month only
  std::string iso() const;   // "2026-04-14", "2021-04", "2005"
  bool operator<(const Date& o) const;
  bool operator==(const Date& o) const;
  bool operator<=(const Date& o) const { return *this < o || *this == o; }
};

struct TimeOfDay {           // minutes since midnight
  int minutes = 0;
  std::string hhmm() const;  // "09:30"
};

struct Markdown {            // a field marked (md): inline or block Markdown source, verbatim
  std::string source;
  SourcePos pos;
};

struct Ref {                 // a reference to an id, resolved by the model
  std::string id;
  SourcePos pos;
};

struct Person {
  std::string name;
  std::string institute;
  std::string role;
  std::string email;
  SourcePos pos;
};

enum class PlenaryFormat { None, InPerson, Hybrid, Online };
enum class PlenaryStatus { None, Planned, Held };

struct Plenary {
  std::string id;
  int number = 0;
  Date start;
  std::optional<Date> end;
  std::string venue;
  PlenaryFormat format = PlenaryFormat::InPerson;
  PlenaryStatus status = PlenaryStatus::Planned;
  std::string title;         // empty = default, composed from i18n ("30th meeting of the CCQM")
  std::string timezone;      // IANA name ("Europe/Paris"); empty = the committee's
  SourcePos pos;
};

struct CommitteeInfo {
  std::string id;
  std::string name;
  std::string organisation;
  std::optional<Person> president;
  std::optional<Person> executive_secretary;
  std::string timezone;  // IANA name of the plenaries' time zone; empty = none (floating times)
  SourcePos pos;
};

struct Sector {
  std::string id;
  std::string name;
  std::optional<Markdown> description;
  SourcePos pos;
};

struct PlanEntry {
  Ref plenary;
  Ref sector;
  std::optional<Markdown> rationale;
  std::optional<Person> lead;
  std::vector<Ref> invited;          // stakeholder ids
  std::vector<Markdown> questions;
  SourcePos pos;
};

struct Criterion {
  std::string id;
  Markdown text;
  SourcePos pos;
};

enum class StakeholderKind { None, Liaison, Cooperation, Prospective, Other };

struct Stakeholder {
  std::string id;
  std::string name;
  std::string acronym;
  StakeholderKind kind = StakeholderKind::None;
  std::optional<Date> since;         // a year or a date
  std::vector<Ref> sectors;
  std::string url;
  std::optional<Person> contact;
  std::vector<std::string> mechanisms;
  std::vector<Ref> criteria_met;
  std::vector<Ref> attended;         // plenary ids
  std::optional<Markdown> notes;
  SourcePos pos;
};

enum class TaskGroupStatus { None, Planned, Active, Closed };

struct Extension {
  Ref approved_at;                   // plenary id
  std::optional<Markdown> reason;
  std::vector<Markdown> items;
  SourcePos pos;
};

struct TaskGroup {
  std::string id;
  std::string name;
  std::string parent;
  TaskGroupStatus status = TaskGroupStatus::None;
  std::optional<Date> established;
  std::optional<Date> closed;
  Person chair;
  std::vector<Person> members;
  std::vector<Ref> sectors;
  bool stakeholder_engagement = false;
  std::vector<Ref> stakeholders;
  std::vector<Markdown> goals;
  std::vector<Markdown> activities;
  std::vector<Extension> extensions;
  std::vector<Markdown> outcomes;
  std::vector<Markdown> recommendations;
  std::string source_file;           // "data/task-groups/<file>.yaml"
  SourcePos pos;
};

enum class ItemKind { None, Decision, Discussion, Information, Break };

struct AgendaItem {
  Markdown title;
  std::optional<int> duration;       // as written, minutes
  int total_minutes = 0;             // computed: duration, or the sum of the sub-items
  TimeOfDay start;                   // computed from the day's start
  std::string number;                // computed: "4", "4.1"; empty for breaks
  std::optional<Person> presenter;
  ItemKind kind = ItemKind::Information;
  std::vector<std::string> documents;
  std::vector<SourcePos> document_positions;  // of each entry of `documents`, in order
  std::vector<Ref> task_groups;
  bool sector_focus = false;
  std::vector<AgendaItem> items;     // sub-items
  SourcePos pos;
};

struct AgendaDay {
  Date date;
  TimeOfDay start;
  std::vector<AgendaItem> items;
  SourcePos pos;
};

struct Agenda {
  Ref plenary;
  std::vector<AgendaDay> days;
  std::string source_file;           // "agendas/<file>.yaml"
  SourcePos pos;
};

// --- the working-document register (data/documents.yaml, optional) ---------------------------

enum class DocumentStatus { Draft, Final, Withdrawn };

struct Paper {                       // one registered document (one revision of one ref)
  std::string ref;                   // "CCQM/26-07", as written, without the revision letter
  std::string revision;              // "" or one lower-case letter: "b" -> CCQM/26-07b
  Markdown title;
  std::vector<Person> authors;
  Date date;                         // of issue of this revision
  std::optional<Ref> plenary;        // the plenary it is prepared for
  DocumentStatus status = DocumentStatus::Final;
  std::optional<Ref> replaces;       // a registered ref it supersedes
  std::string file;                  // "papers/CCQM26-07b.pdf" relative to the root; "" = none
  SourcePos file_pos;                // the `file:` value's position
  std::string url;
  std::string file_type;             // by content: "pdf", "docx" or "odt"; "" without a file
  std::string file_sha256;           // hex SHA-256 of the file's bytes as checked; "" without
  std::uintmax_t file_size = 0;      // its size in bytes
  SourcePos pos;
  std::string full_ref() const { return ref + revision; }   // "CCQM/26-07b"
};

struct Register {
  std::string numbering;             // the pattern, default "<committee id>/{yy}-{nn}"
  int papers_due_days = 42;
  std::vector<Paper> documents;      // in file order
  std::string source_file;           // "data/documents.yaml"
  SourcePos pos;
  // The paper an agenda or outcome reference names: "CCQM/26-07b" exactly, or "CCQM/26-07"
  // meaning its latest revision. nullptr when none.
  const Paper* find(const std::string& reference) const;
};

// --- decisions and actions of a held plenary (data/outcomes/<P>.yaml, optional) --------------

enum class DecisionKind { Decision, Recommendation, Resolution };

struct Decision {
  int number = 0;                    // 1, 2 … in file order: "Decision CCQM/27-1"
  Markdown text;
  DecisionKind kind = DecisionKind::Decision;
  std::string item;                  // "6.2" or ""
  SourcePos item_pos;
  std::vector<Ref> task_groups;
  std::vector<Ref> documents;        // registered refs (free text without a register)
  SourcePos pos;
};

enum class ActionStatus { Open, Done, Dropped };

struct Action {
  int number = 0;                    // 1, 2 … in file order: "Action CCQM/27-A1"
  Markdown text;
  Person owner;
  std::optional<Ref> body;           // a task-group or stakeholder id
  std::optional<Date> due_date;      // `due:` a date …
  std::optional<Ref> due_plenary;    // … or a plenary id
  ActionStatus status = ActionStatus::Open;
  std::optional<Ref> closed_at;      // plenary id
  std::optional<Markdown> notes;
  SourcePos pos;
};

struct Outcomes {
  Ref plenary;                       // a held plenary
  std::vector<Decision> decisions;
  std::vector<Action> actions;
  std::string source_file;           // "data/outcomes/<P>.yaml"
  SourcePos pos;
};

struct Committee {
  CommitteeInfo committee;
  std::vector<Plenary> plenaries;    // sorted by start date
  std::vector<Sector> sectors;
  std::vector<PlanEntry> plan;
  std::vector<Criterion> criteria;
  std::vector<Stakeholder> stakeholders;
  std::vector<TaskGroup> task_groups;  // sorted by id
  std::vector<Agenda> agendas;
  std::optional<Register> documents;   // data/documents.yaml when it exists
  std::vector<Outcomes> outcomes;      // data/outcomes/*.yaml, in plenary order
  std::optional<int> task_group_term_years;  // committee.yaml `task_group_term_years` (addition)
  // Every data file the committee was loaded from, as read (path relative to the root ->
  // bytes): the inputs digest hashes these, never the files again, so that an edit landing
  // during a build is never recorded as built.
  std::map<std::string, std::string> source_bytes;

  // Look-ups by id; nullptr when absent (never after a successful check for linked refs).
  const Plenary* plenary(const std::string& id) const;
  const Sector* sector(const std::string& id) const;
  const Stakeholder* stakeholder(const std::string& id) const;
  const Criterion* criterion(const std::string& id) const;
  const TaskGroup* task_group(const std::string& id) const;
  const Agenda* agenda_for(const std::string& plenary_id) const;
  const PlanEntry* plan_for(const std::string& plenary_id) const;
  const Outcomes* outcomes_for(const std::string& plenary_id) const;
};

}  // namespace plenary::model

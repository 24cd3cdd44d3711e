// The committee builder behind load_committee, and the small helpers its parts share.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/load.hpp"
#include "model/model.hpp"
#include "model/reader.hpp"

namespace plenary::model::detail {

constexpr int kMaxItemDepth = 4;  // 4, 4.1, 4.1.1, 4.1.1.1

inline std::string where(const SourcePos& p) {
  return p.path + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

// Ids already seen for one kind of record, to report duplicates at the second occurrence.
class IdSet {
 public:
  explicit IdSet(std::string kind) : kind_(std::move(kind)) {}
  void add(const std::string& id, const SourcePos& pos, Diagnostics& diags) {
    if (id.empty()) return;
    auto [it, inserted] = first_.emplace(id, pos);
    if (!inserted)
      diags.error(pos, "duplicate " + kind_ + " id " + squote(id),
                  "first defined at " + where(it->second));
    else
      ids_.push_back(id);
  }
  const std::vector<std::string>& ids() const { return ids_; }
  bool contains(const std::string& id) const { return first_.count(id) > 0; }

 private:
  std::string kind_;
  std::map<std::string, SourcePos> first_;
  std::vector<std::string> ids_;
};

// One kind of id that references may point at; `known` is false when the file defining it
// could not be read, so that its absence does not cascade into a dangling-reference error.
struct Target {
  IdSet set;
  bool known = true;
  explicit Target(const std::string& kind) : set(kind), kind_name(kind) {}
  std::string kind_name;
};

// Builds the Committee: each source file read into typed records (read_records.cpp), then
// references linked and cross-checked, and agenda items timed and numbered (link.cpp). Every
// problem goes to the diagnostics given; take() hands over what was built.
class CommitteeBuilder {
 public:
  explicit CommitteeBuilder(Diagnostics& diags) : diags_(diags) {}

  void committee_file(const load::SourceFile& src);
  void sector_focus_file(const load::SourceFile& src);
  void stakeholders_file(const load::SourceFile& src);
  void task_group_file(const load::SourceFile& src);
  void agenda_file(const load::SourceFile& src);
  // data/documents.yaml and its papers under `root` (read_documents.cpp); link_documents()
  // after link(): the agendas' document references against the register.
  void documents_file(const load::SourceFile& src, const std::filesystem::path& root);
  void link_documents();
  void link();
  void schedule();
  Committee take() { return std::move(c_); }

 private:
  Plenary plenary(const FileReader& f, const YAML::Node& node);
  void check_timezone(const std::string& tz, const SourcePos& pos);
  std::optional<AgendaItem> item(const FileReader& f, const YAML::Node& node, int depth);
  void resolve(const Ref& ref, const Target& target);
  void resolve_all(const std::vector<Ref>& refs, const Target& target) {
    for (const auto& r : refs) resolve(r, target);
  }
  void link_items(const std::vector<AgendaItem>& items);
  void check_sector_focus(const std::vector<AgendaItem>& items, const std::string& plenary_id);
  void number_items(std::vector<AgendaItem>& items, const std::string& prefix, bool numbered,
                    int& counter, int start);

  Diagnostics& diags_;
  Committee c_;
  Target plenaries_{"plenary"}, sectors_{"sector"}, criteria_{"criterion"},
      stakeholders_{"stakeholder"}, task_groups_{"task group"};
};

}  // namespace plenary::model::detail

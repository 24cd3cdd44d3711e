#include "core/confined_path.hpp"

#include <system_error>
#include <vector>

namespace plenary::core {

namespace fs = std::filesystem;

fs::path canonical_folder(const fs::path& folder) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(folder), ec);
  return ec ? fs::absolute(folder).lexically_normal() : canonical;
}

bool path_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing '/'
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

PathLeads where_path_leads(const fs::path& folder, const fs::path& name, const fs::path& bound) {
  std::error_code ec;
  fs::path q = folder;
  std::vector<fs::path> steps{q};
  for (const fs::path& part : name) steps.push_back(q /= part);
  for (const fs::path& step : steps) {
    if (!fs::is_symlink(fs::symlink_status(step, ec))) continue;
    const fs::path text = fs::read_symlink(step, ec);
    if (ec) return PathLeads::Unresolvable;
    const fs::path target = fs::weakly_canonical(
        fs::absolute(text.is_absolute() ? text : step.parent_path() / text), ec);
    if (ec) return PathLeads::Unresolvable;
    if (!path_within(target, bound)) return PathLeads::Outside;
  }
  const fs::path resolved = fs::weakly_canonical(fs::absolute(folder / name), ec);
  if (ec) return PathLeads::Unresolvable;
  return path_within(resolved, bound) ? PathLeads::Inside : PathLeads::Outside;
}

}  // namespace plenary::core

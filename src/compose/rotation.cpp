#include "compose/rotation.hpp"

#include <map>

namespace plenary::compose {

std::vector<std::string> propose_rotation(const std::vector<std::string>& sectors,
                                          const std::vector<RotationSlot>& slots) {
  std::vector<std::string> proposed(slots.size());
  std::map<std::string, long> last;  // sector -> index of the slot it was last in focus
  std::string previous;              // the sector of the slot just before ("" = none)
  for (std::size_t i = 0; i < slots.size(); ++i) {
    std::string sector = slots[i].sector;
    if (sector.empty() && slots[i].wants_proposal) {
      const std::string* best = nullptr;
      long best_last = 0;
      for (const std::string& s : sectors) {
        if (s == previous) continue;
        auto it = last.find(s);
        long when = it == last.end() ? -1 : it->second;
        if (!best || when < best_last) {  // strict: the earlier sector in data order wins ties
          best = &s;
          best_last = when;
        }
      }
      if (best) proposed[i] = sector = *best;
    }
    if (!sector.empty()) last[sector] = static_cast<long>(i);
    previous = sector;
  }
  return proposed;
}

}  // namespace plenary::compose

// The sector rotation: a proposed focus sector for each planned plenary without a plan entry.
// Pure (no model, no I/O), so its rules are unit-tested on their own (tests/compose/rotation_test).
#pragma once

#include <string>
#include <vector>

namespace plenary::compose {

struct RotationSlot {       // one plenary, in date order
  std::string sector;       // its plan entry's sector id; "" when it has none
  bool wants_proposal = false;  // a planned plenary without a plan entry
};

// For each slot, the proposed sector id ("" for slots that want none, or when no sector can be
// proposed). Rules, in order: a sector never in focus (by the plan or an earlier proposal) comes
// first; then the one whose last focus is the longest ago; never the sector of the slot just
// before (planned or proposed), so no sector comes twice in a row — with a single sector that
// means no proposal right after its own turn. Ties are broken by `sectors`' order (the order of
// data/sector-focus.yaml). Proposals count as focus for the slots after them.
std::vector<std::string> propose_rotation(const std::vector<std::string>& sectors,
                                          const std::vector<RotationSlot>& slots);

}  // namespace plenary::compose

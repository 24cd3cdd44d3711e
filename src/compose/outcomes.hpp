// The outcomes of plenaries as context values: decisions and actions (the decisions document,
// compose/kinds/decisions.cpp) and the pack's "Actions and governance" and proposed rotation
// (compose/kinds/briefing_pack.cpp).
#pragma once

#include <string>

#include "compose/context.hpp"

namespace plenary::compose::detail {

// "CCQM/27-1" and "CCQM/27-A1": a decision's and an action's number.
std::string decision_label(const model::Committee& c, const model::Plenary& p, int number);
std::string action_label(const model::Committee& c, const model::Plenary& p, int number);

// An outcome's (md) field with every task-group id, decision number ("CCQM/27-1") and
// document reference it names made a link to that record's section ([id](#tg-…),
// #decision-…, #doc-…); compose's resolve_anchors turns a link whose section is not in the
// document back into plain text. Code spans and existing links are left alone.
std::string link_ids(const model::Committee& c, const std::string& source);

// Whether an open action is overdue at plenary `at`: its due plenary starts before `at`, or
// its due date is before `at`'s start.
bool overdue_at(const model::Committee& c, const model::Action& a, const model::Plenary& at);

// The decisions document's part: plenary's decisions and actions, and the earlier plenaries'
// actions closed at it.
void outcomes_values(const ContextBuilder& b, const model::Plenary& p, Value& root);

// The pack's section 8: `open_actions` (actions of earlier plenaries still open at `p`, overdue
// flagged) and `findings` (the governance review), each naming its record.
void governance_values(const ContextBuilder& b, const model::Plenary& p, Value& root);

// The proposed sector of each plenary of the plan table (compose/rotation.hpp), by plenary id.
std::vector<std::pair<std::string, std::string>> proposed_sectors(const model::Committee& c);

}  // namespace plenary::compose::detail

// What the documents ask of the working-document register (data/documents.yaml): which papers
// belong to a plenary, in reference order, which agenda items name a paper, and its flags
// (late, superseded). The register itself is read and checked in read_documents.cpp.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace plenary::model {

// The date papers for plenary `p` are due: its start minus the register's papers_due_days.
Date papers_due(const Register& reg, const Plenary& p);

// Whether `paper` was issued after the due date of its own plenary (`plenary:`); false for a
// paper without one, or withdrawn.
bool is_late(const Committee& c, const Paper& paper);

// The registered documents of plenary `plenary_id`: every paper whose `plenary` is it (every
// revision), and every paper its agenda names (the revision the reference resolves to), in
// reference order (numbers compared as numbers), each once. Empty without a register.
std::vector<const Paper*> plenary_papers(const Committee& c, const std::string& plenary_id);

// The numbers of the items of `plenary_id`'s agenda ("4", "6.2") whose documents name `paper`,
// in agenda order.
std::vector<std::string> items_naming(const Committee& c, const std::string& plenary_id,
                                      const Paper& paper);

// The full reference of the paper that supersedes `paper` ("" when none): a later revision
// of the same ref, or a paper whose `replaces` names it.
std::string superseded_by(const Register& reg, const Paper& paper);

// "CCQM/26-07" < "CCQM/26-10" < "CCQM/26-100": runs of digits compared as numbers.
bool reference_less(const std::string& a, const std::string& b);

}  // namespace plenary::model

// Load and check a data root: the entry point every later stage uses.
#pragma once

#include <filesystem>
#include <optional>

#include "diag/diagnostic.hpp"
#include "model/model.hpp"

namespace plenary::model {

// Reads data/ and agendas/ under `root`, checks and links everything, and returns the model
// when there are no errors. Every problem found is added to `diags` (paths relative to root);
// warnings do not stop the model from being returned. The files are parsed on up to `threads`
// threads (0: one per core).
std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads = 0);

}  // namespace plenary::model

// Load and check a data root: the entry point every later stage uses.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>

#include "core/parallel.hpp"
#include "diag/diagnostic.hpp"
#include "model/model.hpp"

namespace plenary::model {

// Reads data/ and agendas/ under `root`, checks and links everything, and returns the model
// when there are no errors. Every problem found is added to `diags` (paths relative to root);
// warnings do not stop the model from being returned. The files are parsed on up to `threads`
// threads (0: one per core).
std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads = 0);

// What a caller with work of its own can ask of load_committee.
struct LoadSide {
  // Called once the files are parsed, before the model is built from them: the stretch of the
  // load that runs on one core, the caller's chance to start work on another.
  std::function<void()> parsed;
  // When given, and more than one thread is allowed, the parsed YAML trees are freed on a
  // thread of their own that `*free_later` then holds (its wait() joins it), not before
  // load_committee returns.
  core::Background* free_later = nullptr;
};
std::optional<Committee> load_committee(const std::filesystem::path& root, Diagnostics& diags,
                                        unsigned threads, const LoadSide& side);

}  // namespace plenary::model

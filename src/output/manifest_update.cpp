// The manifest after a build: entries for what was written or found unchanged, written last.
#include <algorithm>
#include <set>

#include "output/atomic_file.hpp"
#include "output/output_run.hpp"
#include "output/unchanged_check.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

std::string OutputRun::next_manifest(bool& rewrote) const {
  Manifest next = manifest_;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    if (results_[i].outcome == Outcome::Unchanged) {
      // Found unchanged under this build's inputs: record the digest it was checked with.
      auto it = next.outputs.find(plan_.outputs[i].path);
      if (it != next.outputs.end() && it->second.input_hash == input_hashes_[i])
        it->second.inputs_digest = digest_;
      continue;
    }
    if (results_[i].outcome != Outcome::Built) continue;  // a failed output keeps its entry
    auto& entry = next.outputs[plan_.outputs[i].path];
    entry.document = plan_.documents[plan_.outputs[i].document].id;
    entry.lang = lang_code(options_.lang);
    entry.input_hash = input_hashes_[i];
    entry.output_hash = output_hashes_[i];
    entry.bytes = output_sizes_[i];
    entry.inputs_digest = digest_;
  }
  // What this build read, for the next one to find unchanged without parsing any YAML: only
  // after a build with every output in place and no error; the warnings of loading, planning
  // and templates (those every build of these inputs says) are kept to be said again.
  next.check = {};
  const bool complete = std::all_of(results_.begin(), results_.end(), [](const OutputReport& r) {
    return r.outcome == Outcome::Built || r.outcome == Outcome::Unchanged;
  });
  const bool only_warnings = std::all_of(
      loaded_warnings_.begin(), loaded_warnings_.end(),
      [](const Diagnostic& d) { return d.severity == Severity::Warning; });
  if (complete && !report_.diagnostics.has_errors() && only_warnings) {
    next.check.key = unchanged_key(options_);
    next.check.read = read_;
    for (const auto& output : plan_.outputs) next.check.outputs.push_back(output.path);
    next.check.warnings = loaded_warnings_;
  }
  // Entries for files that are there (or staged, to be put in place with the manifest).
  std::set<std::string> staged;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i)
    if (awaiting_commit_[i]) staged.insert(plan_.outputs[i].path);
  for (auto it = next.outputs.begin(); it != next.outputs.end();) {
    std::error_code ec;
    it = staged.count(it->first) > 0 || fs::is_regular_file(fs::symlink_status(out_ / it->first, ec))
             ? std::next(it)
             : next.outputs.erase(it);
  }
  // Nothing changed: leave it untouched. When outputs were rewritten with the bytes they had,
  // the same manifest is written again all the same, so that it stays newer than they are
  // (an unchanged build hashes every output all the same; see decide()).
  rewrote = std::any_of(results_.begin(), results_.end(), [](const OutputReport& r) {
    return r.outcome == Outcome::Built;
  });
  return serialize_manifest(next, version());
}

Status OutputRun::write_manifest() {
  bool rewrote = false;
  std::string bytes = next_manifest(rewrote);
  if (staged_ && staged_->pending() > 0) {
    // The last wave's outputs and the manifest in one commit (StagedWrites::Last): the
    // manifest made durable by the outputs' syncfs, renamed after their folders are on disk.
    StagedWrites::Last last;
    last.relative = kManifestName;
    last.bytes = bytes;
    took_effect(staged_->commit(last));
    if (last.in_place) return Status::None;
    // An output could not be put in place (or the manifest's temporary could not be
    // written): the manifest, naming what is in place now, is written on its own.
    bytes = next_manifest(rewrote);
  }
  if (bytes == manifest_bytes_ && !rewrote) return Status::None;
  std::string error = write_file_at(out_fd_, kManifestName, bytes);
  if (error.empty()) return Status::None;
  report_.message = "cannot write " + (out_ / kManifestName).string() + ": " + error;
  return Status::OutputError;
}

}  // namespace plenary::output::detail

// One `plenary build` on a planned committee: decides what is out of date (incremental.cpp),
// composes it, takes the output folder and its lock (output_run.cpp), renders and writes in
// parallel (render_outputs.cpp) and records the result in the manifest (manifest_update.cpp).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "compose/kinds.hpp"
#include "core/parallel.hpp"
#include "output/atomic_file.hpp"
#include "output/manifest.hpp"
#include "output/output.hpp"
#include "output/plan.hpp"

namespace plenary::output::detail {

constexpr const char* kManifestName = "manifest.json";

using Clock = std::chrono::steady_clock;

// The committee and its output plan, shared by list, check and build.
struct Loaded {
  std::optional<model::Committee> committee;
  OutputPlan plan;
  // Threads still at work for this build, joined before Landlock (which binds only the threads
  // started after it): the parsed YAML being freed (load_committee), the fonts being measured
  // (SideLoad).
  core::Background freeing;
  core::Background warming;
};

std::filesystem::path out_folder(const Options& options);
// "" when the output folder is apart from the data, else why not (a usage error).
std::string out_problem(const Options& options);

// What one output is made from: the document's fingerprint plus everything else that shapes
// the bytes (program version, format, language, SOURCE_DATE_EPOCH).
std::string input_hash(const std::string& fingerprint, const std::string& extension,
                       compose::Lang lang, bool pdf_a = false);

// Landlock's allowances (docs/robustness.md): the folders a run may read — the data root, the
// templates, the fonts and the system; and whether PLENARY_LANDLOCK leaves it on.
std::vector<std::filesystem::path> readable_folders(const std::filesystem::path& root);
bool landlock_wanted();
// Holds the calling thread (and those it starts) to reading those folders, unless
// PLENARY_LANDLOCK is off: `list` and `check` from before the first data file is read, and
// the build's thread that loads templates and fonts beside the model (SideLoad).
void confine_to_reading(const Options& options);

class OutputRun {
 public:
  OutputRun(const Options& options, const Callbacks& callbacks, Loaded& loaded,
            const compose::TemplateSet& templates, Report& report)
      : options_(options),
        callbacks_(callbacks),
        plan_(loaded.plan),
        committee_(*loaded.committee),
        templates_(templates),
        report_(report),
        out_(out_folder(options)),
        loaded_(loaded) {}

  ~OutputRun();
  OutputRun(const OutputRun&) = delete;
  OutputRun& operator=(const OutputRun&) = delete;

  Status run();

 private:
  // The outputs of one document that need writing, rendered by one task.
  struct Job {
    std::size_t document = 0;
    std::vector<std::size_t> outputs;  // indices into the plan's outputs
  };

  unsigned threads() const;                     // --jobs, or the number of cores
  bool is_product(std::size_t document) const;  // a kind whose product is not a Document
  // The other outputs a product is made of (Product::input_outputs); empty for the rest.
  std::vector<std::string> input_outputs(std::size_t document) const;
  // The index in the plan of the output at `path`, or npos.
  std::size_t planned_index(const std::string& path) const;

  // incremental.cpp
  // input_hashes_ for the plan's outputs: the recorded one where it was recorded under the
  // same inputs digest (`trusted`), else from the document's fingerprint (computed once).
  // A product made of other outputs adds their input hashes (from the plan, else `manifest`).
  void hash_inputs(const std::vector<bool>& trusted, const Manifest& manifest);
  void decide(const Manifest& manifest);
  bool read_manifest(Manifest& manifest, std::string& bytes) const;

  // output_run.cpp
  bool compose_needed();  // false on input errors
  void confine() const;   // Landlock: read the root, templates, fonts, system; write out_ only
  Status prepare_out_folder();  // creates and opens out_ (never through a link)
  void finish_output(std::size_t index, Outcome outcome, double ms, const std::string& error,
                     const std::string& bytes);
  void release_ready();  // reports finished outputs in plan order; holds mutex_
  void fail_committed(std::size_t index);  // its commit failed (commit_errors_); holds mutex_

  // render_outputs.cpp
  // Products' preparations that run programs (the book's LibreOffice conversions), before
  // confine(): a program started under Landlock inherits it (LibreOffice needs its socket).
  void prepare_products();
  void render_all();
  void render(const Job& job);
  // The bytes of the other outputs a product is made of; throws render::WriteError when one
  // failed in this build or cannot be read.
  compose::OutputFiles read_input_outputs(std::size_t document);
  // Stages the output's file ("" or why not); commit_staged() puts the staged files in place
  // and reports them (after a job once 16 are staged or 250 ms have passed since the last
  // commit, and after each wave: a book reads the files of the first).
  std::string write_output(std::size_t index, const std::string& bytes);
  void commit_staged();
  // What a commit did: its outputs reported in plan order, those it could not put in place
  // failed.
  void took_effect(const std::vector<std::pair<std::size_t, std::string>>& committed);

  // manifest_update.cpp
  // The manifest after this build, serialized; `rewrote`: an output was written.
  std::string next_manifest(bool& rewrote) const;
  Status write_manifest();

  const Options& options_;
  const Callbacks& callbacks_;
  const OutputPlan& plan_;
  const model::Committee& committee_;
  const compose::TemplateSet& templates_;
  Report& report_;
  const std::filesystem::path out_;
  int out_fd_ = -1;  // the output folder, opened (O_NOFOLLOW) by prepare_out_folder
  Loaded& loaded_;  // its helper threads, joined before confine()

  std::string digest_;                                    // inputs_digest() of this build
  std::map<std::string, std::string> read_;               // and its entries (unchanged_check)
  std::vector<Diagnostic> loaded_warnings_;  // what load, plan and templates reported
  std::vector<std::optional<std::string>> fingerprints_;  // per document, when computed
  std::vector<std::string> input_hashes_;                 // per output
  std::vector<bool> needed_;                              // per output
  std::vector<std::optional<doc::Document>> docs_;        // per document, composed when needed
  Manifest manifest_;                                     // as read under the lock
  std::string manifest_bytes_;

  std::mutex mutex_;                   // guards everything below
  std::vector<OutputReport> results_;  // per output
  std::vector<bool> done_;
  std::vector<std::string> output_hashes_;
  std::vector<std::uint64_t> output_sizes_;
  std::size_t next_report_ = 0;
  std::vector<bool> awaiting_commit_;  // staged, not yet in place: not reported yet
  std::vector<std::string> commit_errors_;  // why a staged output could not be put in place
  Clock::time_point last_commit_;
  std::unique_ptr<StagedWrites> staged_;
};

}  // namespace plenary::output::detail

// Rendering: one task per document, its outputs written by the rows of the formats table, which
// share the document's layout (render::Layout); each file written atomically, inside out/: staged
// while the documents render, put in place together (16 at a time, or 250 ms after the last
// commit, and after each wave: StagedWrites).
#include <unistd.h>

#include <algorithm>
#include <exception>

#include "compose/kinds.hpp"
#include "core/parallel.hpp"
#include "core/read_file.hpp"
#include "output/atomic_file.hpp"
#include "output/output_path.hpp"
#include "output/output_run.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

namespace {
// Outputs staged before a commit puts them in place (besides the end of each wave): one
// syncfs per 16 files instead of an fsync per file and folder (docs/cli.md).
constexpr std::size_t kCommitBatch = 16;
// ... or once a document's job ends this long after the last commit: a slow build still reports
// its outputs (and puts them in place) as it goes.
constexpr std::chrono::milliseconds kCommitEvery{250};
}  // namespace

void OutputRun::prepare_products() {
  std::vector<std::size_t> documents;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    const std::size_t d = plan_.outputs[i].document;
    if (!needed_[i] || !is_product(d) || !compose::kind_of(plan_.documents[d]).product->prepare ||
        std::find(documents.begin(), documents.end(), d) != documents.end())
      continue;
    documents.push_back(d);
  }
  // What fails here fails again, with its message, when the product is written.
  Diagnostics ignored;
  for (std::size_t d : documents) {
    try {
      compose::kind_of(plan_.documents[d])
          .product->prepare(committee_, plan_.documents[d], {options_.root, out_, &ignored});
    } catch (const std::exception&) {
    }
  }
}

void OutputRun::render_all() {
  const std::size_t n = plan_.outputs.size();
  results_.assign(n, {});
  done_.assign(n, false);
  output_hashes_.assign(n, {});
  output_sizes_.assign(n, 0);
  awaiting_commit_.assign(n, false);
  commit_errors_.assign(n, {});
  last_commit_ = Clock::now();
  staged_ = std::make_unique<StagedWrites>(out_fd_);

  std::vector<Job> jobs;  // then, in a second wave, the products made of other outputs
  std::vector<Job> made_of_outputs;
  for (std::size_t i = 0; i < n; ++i) {
    results_[i].path = plan_.outputs[i].path;
    if (!needed_[i]) {
      results_[i].outcome = Outcome::Unchanged;
      done_[i] = true;
      continue;
    }
    std::size_t d = plan_.outputs[i].document;
    auto& wave = input_outputs(d).empty() ? jobs : made_of_outputs;
    if (wave.empty() || wave.back().document != d) wave.push_back({d, {}});
    wave.back().outputs.push_back(i);
  }
  {
    std::lock_guard<std::mutex> guard(mutex_);
    release_ready();
  }

  // A job's exception never leaves the pool: its outputs are reported as failed. The first
  // wave is put in place before the second, which reads it; what the last one staged is put in
  // place with the manifest (write_manifest).
  for (const std::vector<Job>* wave : {&jobs, &made_of_outputs}) {
    core::parallel_for(wave->size(), threads(), [&](std::size_t j) {
      const Job& job = (*wave)[j];
      try {
        render(job);
      } catch (const std::exception& e) {
        for (std::size_t index : job.outputs) {
          bool done;
          {
            std::lock_guard<std::mutex> guard(mutex_);
            done = done_[index];
          }
          if (!done) finish_output(index, Outcome::Failed, 0, e.what(), {});
        }
      }
    });
    if (wave == &jobs && !made_of_outputs.empty()) commit_staged();
  }
}

void OutputRun::commit_staged() {
  took_effect(staged_->commit());
}

void OutputRun::took_effect(const std::vector<std::pair<std::size_t, std::string>>& committed) {
  std::lock_guard<std::mutex> guard(mutex_);
  last_commit_ = Clock::now();
  for (const auto& [index, error] : committed) {
    awaiting_commit_[index] = false;
    if (error.empty()) continue;
    commit_errors_[index] = error;
    // Its job may not have finished it yet (a commit by another job): then finish_output
    // finds the error.
    if (done_[index]) fail_committed(index);
  }
  release_ready();
}

compose::OutputFiles OutputRun::read_input_outputs(std::size_t document) {
  compose::OutputFiles files;
  for (const auto& path : input_outputs(document)) {
    const std::size_t j = planned_index(path);
    if (j != std::string::npos) {
      std::lock_guard<std::mutex> guard(mutex_);
      if (results_[j].outcome == Outcome::Failed)
        throw render::WriteError("it is made of " + path + ", which could not be written");
    }
    std::string bytes;
    // A book bundles documents of a few MB each; 1 GiB is not one of ours.
    const std::uintmax_t limit = std::uintmax_t{1} << 30;
    const std::size_t slash = path.rfind('/');
    std::string error;
    const int folder = open_folder_at(
        out_fd_, slash == std::string::npos ? std::string() : path.substr(0, slash), false, error);
    if (folder < 0) throw render::WriteError("it is made of " + path + ": " + error);
    const core::ReadStatus status = core::read_file_at(
        folder, slash == std::string::npos ? path : path.substr(slash + 1), bytes, limit);
    ::close(folder);
    if (status != core::ReadStatus::Ok)
      throw render::WriteError("it is made of " + path + ": " + core::describe(status, limit));
    files.emplace(path, std::move(bytes));
  }
  return files;
}

void OutputRun::render(const Job& job) {
  const compose::DocumentSpec& spec = plan_.documents[job.document];
  auto start = Clock::now();
  auto elapsed_ms = [&] {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    start = Clock::now();
    return ms;
  };
  // The layout the document's formats share (render::layout_for).
  std::vector<const render::Format*> formats;
  for (std::size_t index : job.outputs)
    if (const render::Format* f = plan_.outputs[index].format) formats.push_back(f);
  const std::string creator = "plenary " + version();
  std::unique_ptr<render::Layout> layout =
      formats.empty()
          ? nullptr
          : render::layout_for(*docs_[job.document], templates_.style, formats);
  Diagnostics writer_diagnostics;
  // Final reports are archival: PDF/A-2a always; any document with --pdf-a.
  const render::Options options{templates_.style, creator, layout.get(), &writer_diagnostics,
                                spec.output_stem, options_.pdf_a || spec.kind == "final-report"};

  for (std::size_t index : job.outputs) {
    const PlannedOutput& output = plan_.outputs[index];
    std::string bytes, error;
    try {
      if (output.format)
        bytes = output.format->write(*docs_[job.document], options);
      else if (const auto& product = *compose::kind_of(spec).product; product.write_env)
        bytes = product.write_env(committee_, spec, templates_, read_input_outputs(job.document),
                                  {options_.root, out_, &writer_diagnostics});
      else  // a kind's product, from the model and the outputs it is made of
        bytes = product.write(committee_, spec, templates_, read_input_outputs(job.document));
    } catch (const render::WriteError& e) {
      error = e.what();
    } catch (const std::exception& e) {
      error = "the " + (output.format ? output.format->name : spec.kind) +
              " writer failed: " + e.what();
    }
    if (error.empty()) error = write_output(index, bytes);
    double ms = elapsed_ms();
    finish_output(index, error.empty() ? Outcome::Built : Outcome::Failed, ms, error, bytes);
  }
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (layout && layout->taken()) report_.diagnostics.append(layout->get().diagnostics);
    report_.diagnostics.append(writer_diagnostics);
  }
  // The document and its layout are not read again (products are made from the model and the
  // files): freed now, not at the end of the build, so they do not sit beside the second
  // wave's meeting book (5 MB at K=8, docs/performance.md "memory").
  layout.reset();
  if (docs_[job.document]) docs_[job.document].reset();
  // A long build puts its outputs in place as it goes, a batch at a time, not all at the end:
  // progress is reported while it runs (at least every kCommitEvery), and fewer outputs wait
  // for their wave's end.
  bool due;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    due = Clock::now() - last_commit_ >= kCommitEvery;
  }
  if (staged_->pending() >= kCommitBatch || due) commit_staged();
}

std::string OutputRun::write_output(std::size_t index, const std::string& bytes) {
  // Relative to the opened output folder, never through a link; in place at commit_staged().
  std::string error = staged_->stage(index, plan_.outputs[index].path, bytes);
  if (error.empty()) {
    std::lock_guard<std::mutex> guard(mutex_);
    awaiting_commit_[index] = true;
  }
  return error;
}

}  // namespace plenary::output::detail

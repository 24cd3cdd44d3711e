// Rendering: one task per document, its outputs written by the rows of the formats table, which
// share the document's layout (render::Layout); each file written atomically, inside out/.
#include <algorithm>
#include <exception>

#include "compose/kinds.hpp"
#include "core/parallel.hpp"
#include "output/atomic_file.hpp"
#include "output/output_path.hpp"
#include "output/output_run.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

void OutputRun::render_all() {
  const std::size_t n = plan_.outputs.size();
  results_.assign(n, {});
  done_.assign(n, false);
  output_hashes_.assign(n, {});
  output_sizes_.assign(n, 0);

  std::vector<Job> jobs;
  for (std::size_t i = 0; i < n; ++i) {
    results_[i].path = plan_.outputs[i].path;
    if (!needed_[i]) {
      results_[i].outcome = Outcome::Unchanged;
      done_[i] = true;
      continue;
    }
    std::size_t d = plan_.outputs[i].document;
    if (jobs.empty() || jobs.back().document != d) jobs.push_back({d, {}});
    jobs.back().outputs.push_back(i);
  }
  {
    std::lock_guard<std::mutex> guard(mutex_);
    release_ready();
  }

  // A job's exception never leaves the pool: its outputs are reported as failed.
  core::parallel_for(jobs.size(), threads(), [&](std::size_t j) {
    try {
      render(jobs[j]);
    } catch (const std::exception& e) {
      for (std::size_t index : jobs[j].outputs) {
        bool done;
        {
          std::lock_guard<std::mutex> guard(mutex_);
          done = done_[index];
        }
        if (!done) finish_output(index, Outcome::Failed, 0, e.what(), {});
      }
    }
  });
}

void OutputRun::render(const Job& job) {
  const compose::DocumentSpec& spec = plan_.documents[job.document];
  auto start = Clock::now();
  auto elapsed_ms = [&] {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    start = Clock::now();
    return ms;
  };
  // The layout the document's formats share, as much of it as the most demanding one needs.
  // When only page numbers are needed (a DOCX without its PDF), it runs on a thread of its own
  // while the DOCX body is written, unless --jobs 1 asks for one thread.
  render::Pagination needed = render::Pagination::None;
  for (std::size_t index : job.outputs)
    if (const render::Format* f = plan_.outputs[index].format)
      needed = std::max(needed, f->pagination);
  std::optional<render::Layout> layout;
  if (needed != render::Pagination::None) {
    layout.emplace(*docs_[job.document], templates_.style, "plenary " + version(), needed);
    if (needed == render::Pagination::PageNumbers && threads() > 1) layout->start();
  }
  const render::Options options{templates_.style, "plenary " + version(),
                                layout ? &*layout : nullptr};

  for (std::size_t index : job.outputs) {
    const PlannedOutput& output = plan_.outputs[index];
    std::string bytes, error;
    try {
      if (output.format)
        bytes = output.format->write(*docs_[job.document], options);
      else  // a kind's product, straight from the model
        bytes = compose::kind_of(spec).product->write(committee_, spec, templates_);
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
  if (layout && layout->taken()) {
    std::lock_guard<std::mutex> guard(mutex_);
    report_.diagnostics.append(layout->get().diagnostics);
  }
}

std::string OutputRun::write_output(std::size_t index, const std::string& bytes) const {
  const fs::path target = out_ / plan_.outputs[index].path;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
  if (!stays_inside(out_, target)) return "the path leads outside " + out_.string();
  return write_file_atomically(target, bytes);
}

}  // namespace plenary::output::detail

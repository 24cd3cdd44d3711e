// The course of one build: decide, compose, take the output folder and its lock, decide again
// under the lock, render, record; and the in-order reporting of finished outputs.
#include "output/output_run.hpp"

#include <new>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "compose/kinds.hpp"
#include "core/landlock.hpp"
#include "core/parallel.hpp"
#include "core/content_hash.hpp"
#include "output/atomic_file.hpp"
#include "output/inputs_digest.hpp"
#include "output/out_lock.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

OutputRun::~OutputRun() {
  if (out_fd_ >= 0) ::close(out_fd_);
}

Status OutputRun::run() {
  // 1. Decide what is out of date from the current manifest, and compose those documents
  //    before touching the output folder: bad input leaves out/ exactly as it was.
  loaded_warnings_ = report_.diagnostics.items();
  digest_ = inputs_digest(options_.root, committee_, templates_, version(),
                          lang_code(options_.lang), &read_);
  fingerprints_.resize(plan_.documents.size());
  docs_.resize(plan_.documents.size());
  std::string bytes_before;
  {
    Manifest before;
    read_manifest(before, bytes_before);
    decide(before);
  }
  if (!compose_needed()) return Status::InputErrors;

  // 2. Take the output folder: create it, lock it, clean up after killed runs.
  if (Status s = prepare_out_folder(); s != Status::None) return s;
  std::string lock_error;
  auto lock = OutLock::acquire(
      out_, options_.lock_timeout_seconds,
      [&](long pid) {
        if (callbacks_.on_wait)
          callbacks_.on_wait("waiting for another plenary build to finish writing to " +
                             out_.string() + (pid > 0 ? " (pid " + std::to_string(pid) + ")" : ""));
      },
      lock_error, out_fd_);
  if (!lock) {
    report_.message = lock_error;
    return Status::OutputError;
  }
  remove_stale_temps_at(out_fd_, out_);

  // 3. Decide again under the lock if another build finished meanwhile.
  read_manifest(manifest_, manifest_bytes_);
  if (manifest_bytes_ != bytes_before) {
    decide(manifest_);
    if (!compose_needed()) return Status::InputErrors;
  }

  // 4. Defence in depth (Linux, Landlock): from here on this build can read only the data root,
  //    the templates, the fonts and the system, and write only in the output folder, whatever
  //    the code tries. PLENARY_LANDLOCK=off turns it off (fonts in an unusual place).
  //    Landlock binds only the threads started after it: the helpers are joined first.
  loaded_.freeing.wait();
  loaded_.warming.wait();
  prepare_products();
  confine();

  // 5. Render and write, in parallel; report in plan order.
  render_all();

  // 6. The manifest, last.
  Status manifest_status = write_manifest();
  if (manifest_status != Status::None) return manifest_status;
  if (report_.failed > 0) {
    report_.message = std::to_string(report_.failed) +
                      (report_.failed == 1 ? " output" : " outputs") + " could not be written";
    // An output that failed on its input (a damaged paper in a book) says so in an error
    // diagnostic: that is bad input (1), not a folder that could not be written (3).
    return report_.diagnostics.has_errors() ? Status::InputErrors : Status::OutputError;
  }
  return Status::Ok;
}

void OutputRun::confine() const {
  if (!landlock_wanted()) return;
  core::confine_paths(readable_folders(options_.root), {out_});  // quietly nothing if unsupported
}

unsigned OutputRun::threads() const {
  return core::thread_count(options_.jobs, ~std::size_t{0});
}

bool OutputRun::is_product(std::size_t document) const {
  return compose::kind_of(plan_.documents[document]).product.has_value();
}

std::vector<std::string> OutputRun::input_outputs(std::size_t document) const {
  const auto& product = compose::kind_of(plan_.documents[document]).product;
  if (!product || !product->input_outputs) return {};
  return product->input_outputs(committee_, plan_.documents[document]);
}

std::size_t OutputRun::planned_index(const std::string& path) const {
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i)
    if (plan_.outputs[i].path == path) return i;
  return std::string::npos;
}

bool OutputRun::compose_needed() {
  // The documents still to compose, in plan order; composed in parallel, each with its own
  // diagnostics, which are then kept in that order. A kind's product is written from the model
  // when rendered, not composed.
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    std::size_t d = plan_.outputs[i].document;
    if (!needed_[i] || docs_[d] || is_product(d) ||
        std::find(todo.begin(), todo.end(), d) != todo.end())
      continue;
    todo.push_back(d);
  }
  std::vector<Diagnostics> found(todo.size());
  core::parallel_for(todo.size(), threads(), [&](std::size_t k) {
    const std::size_t d = todo[k];
    try {
      docs_[d] = compose::compose(committee_, plan_.documents[d], templates_, found[k]);
    } catch (const std::bad_alloc&) {
      // An input that passed every limit yet asks for more memory than there is: an input
      // problem of this document (exit 1), not output trouble a nightly job should retry.
      docs_[d].reset();
      found[k].error(SourcePos{plan_.documents[d].output_stem, 0, 0},
                     "composing this document needs more memory than is available",
                     "look for a very large or repetitive value in the data or templates");
    }
    if (!docs_[d] && !found[k].has_errors())
      found[k].error(SourcePos{plan_.documents[d].output_stem, 0, 0},
                     "the document could not be composed");
  });
  Diagnostics diags;
  for (const Diagnostics& d : found) diags.append(d);
  report_.diagnostics.append(diags);
  return !diags.has_errors();
}

Status OutputRun::prepare_out_folder() {
  std::error_code ec;
  // A data repository can commit out/ as a link: the build never writes or sweeps through it.
  if (fs::is_symlink(fs::symlink_status(out_, ec))) {
    report_.message = "the output folder " + out_.string() +
                      " is a symbolic link, which may lead outside it: not followed";
    return Status::OutputError;
  }
  if (fs::exists(out_, ec) && !fs::is_directory(out_, ec)) {
    report_.message = "the output folder " + out_.string() + " is not a folder";
    return Status::OutputError;
  }
  fs::create_directories(out_, ec);
  if (ec) {
    report_.message = "cannot create the output folder " + out_.string() + ": " + ec.message();
    return Status::OutputError;
  }
  out_fd_ = ::open(out_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (out_fd_ < 0) {
    report_.message =
        "cannot open the output folder " + out_.string() + ": " + std::strerror(errno);
    return Status::OutputError;
  }
  return Status::None;
}

void OutputRun::finish_output(std::size_t index, Outcome outcome, double ms,
                              const std::string& error, const std::string& bytes) {
  std::string hash = outcome == Outcome::Built ? core::content_hash(bytes) : std::string();
  std::lock_guard<std::mutex> guard(mutex_);
  results_[index].outcome = outcome;
  results_[index].milliseconds = ms;
  results_[index].error = error;
  output_hashes_[index] = std::move(hash);
  output_sizes_[index] = bytes.size();
  done_[index] = true;
  if (!commit_errors_[index].empty()) fail_committed(index);
  release_ready();
}

void OutputRun::fail_committed(std::size_t index) {
  results_[index].outcome = Outcome::Failed;
  results_[index].error = commit_errors_[index];
  output_hashes_[index].clear();
}

void OutputRun::release_ready() {
  for (; next_report_ < results_.size() && done_[next_report_] && !awaiting_commit_[next_report_];
       ++next_report_) {
    const OutputReport& r = results_[next_report_];
    if (r.outcome == Outcome::Built) ++report_.built;
    if (r.outcome == Outcome::Unchanged) ++report_.unchanged;
    if (r.outcome == Outcome::Failed) ++report_.failed;
    report_.paths.push_back(r.path);
    if (callbacks_.on_output) callbacks_.on_output(r);
  }
}

}  // namespace plenary::output::detail

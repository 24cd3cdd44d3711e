#include "output/output.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <future>
#include <mutex>

#include "core/parallel.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "model/check.hpp"
#include "output/atomic_file.hpp"
#include "output/hash.hpp"
#include "output/inputs_digest.hpp"
#include "output/manifest.hpp"
#include "output/out_lock.hpp"
#include "output/output_path.hpp"
#include "output/plan.hpp"
#include "render/docx/docx_writer.hpp"
#include "render/md/md_writer.hpp"
#include "render/pdf/pdf_writer.hpp"

namespace plenary::output {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kManifestName = "manifest.json";

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

fs::path out_folder(const Options& options) {
  fs::path out = options.out.empty() ? options.root / "out" : options.out;
  return fs::absolute(out).lexically_normal();
}

// Ends a report with the diagnostics sorted and the status they imply.
Report finish(Report report, Status status, Clock::time_point start) {
  report.diagnostics.sort();
  report.status = status;
  report.seconds = seconds_since(start);
  return report;
}

// The committee and its output plan, shared by list, check and build.
struct Loaded {
  std::optional<model::Committee> committee;
  detail::OutputPlan plan;
};

// Loads the committee and plans the outputs. Returns None on success, else the status to end
// with (InputErrors or UsageError, with `report` filled in).
Status load_and_plan(const Options& options, Loaded& loaded, Report& report) {
  loaded.committee = model::load_committee(options.root, report.diagnostics, options.jobs);
  if (!loaded.committee || report.diagnostics.has_errors()) return Status::InputErrors;
  if (!detail::plan_outputs(*loaded.committee, options.only, options.format, loaded.plan,
                            report.diagnostics, report.message))
    return Status::UsageError;
  if (report.diagnostics.has_errors()) return Status::InputErrors;
  return Status::None;
}

// What one output is made from: the document's fingerprint plus everything else that shapes
// the bytes (program version, format, language, SOURCE_DATE_EPOCH).
std::string input_hash(const std::string& fingerprint, const std::string& extension,
                       compose::Lang lang) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  return core::sha256_hex("fingerprint " + fingerprint + "\nprogram plenary " + version() +
                          "\nformat " + extension + "\nlang " + lang_code(lang) +
                          "\nSOURCE_DATE_EPOCH " + (epoch ? epoch : "") + "\n");
}

// ---- the build proper ----------------------------------------------------------------------

struct Job {
  std::size_t document = 0;
  std::vector<std::size_t> outputs;  // indices into the plan's outputs that need writing
};

class Builder {
 public:
  Builder(const Options& options, const Callbacks& callbacks, Loaded& loaded,
          const compose::TemplateSet& templates, Report& report)
      : options_(options),
        callbacks_(callbacks),
        plan_(loaded.plan),
        committee_(*loaded.committee),
        templates_(templates),
        report_(report),
        out_(out_folder(options)) {}

  Status run();

 private:
  unsigned threads() const;  // --jobs, or the number of cores
  // input_hashes_ for the plan's outputs: the recorded one where it was recorded under the
  // same inputs digest (`trusted`), else from the document's fingerprint (computed once).
  void hash_inputs(const std::vector<bool>& trusted);
  void decide(const detail::Manifest& manifest);
  bool compose_needed();  // false on input errors
  Status prepare_out_folder();
  void render_all();
  void render(const Job& job);
  void finish_output(std::size_t index, Outcome outcome, double ms, const std::string& error,
                     const std::string& bytes);
  void release_ready();  // reports finished outputs in plan order; holds mutex_
  Status write_manifest();
  bool read_manifest(detail::Manifest& manifest, std::string& bytes) const;

  const Options& options_;
  const Callbacks& callbacks_;
  const detail::OutputPlan& plan_;
  const model::Committee& committee_;
  const compose::TemplateSet& templates_;
  Report& report_;
  const fs::path out_;

  std::string digest_;                                    // inputs_digest() of this build
  std::vector<std::optional<std::string>> fingerprints_;  // per document, when computed
  std::vector<std::string> input_hashes_;                 // per output
  std::vector<bool> needed_;                              // per output
  std::vector<std::optional<doc::Document>> docs_;        // per document, composed when needed
  detail::Manifest manifest_;                             // as read under the lock
  std::string manifest_bytes_;

  std::mutex mutex_;                   // guards everything below
  std::vector<OutputReport> results_;  // per output
  std::vector<bool> done_;
  std::vector<std::string> output_hashes_;
  std::vector<std::uint64_t> output_sizes_;
  std::size_t next_report_ = 0;
};

Status Builder::run() {
  // 1. Decide what is out of date from the current manifest, and compose those documents
  //    before touching the output folder: bad input leaves out/ exactly as it was.
  digest_ = detail::inputs_digest(options_.root, templates_, version(), lang_code(options_.lang));
  fingerprints_.resize(plan_.documents.size());
  docs_.resize(plan_.documents.size());
  std::string bytes_before;
  {
    detail::Manifest before;
    read_manifest(before, bytes_before);
    decide(before);
  }
  if (!compose_needed()) return Status::InputErrors;

  // 2. Take the output folder: create it, lock it, clean up after killed runs.
  if (Status s = prepare_out_folder(); s != Status::None) return s;
  std::string lock_error;
  auto lock = detail::OutLock::acquire(
      out_, options_.lock_timeout_seconds,
      [&](long pid) {
        if (callbacks_.on_wait)
          callbacks_.on_wait("waiting for another plenary build to finish writing to " +
                             out_.string() + (pid > 0 ? " (pid " + std::to_string(pid) + ")" : ""));
      },
      lock_error);
  if (!lock) {
    report_.message = lock_error;
    return Status::OutputError;
  }
  detail::remove_stale_temps(out_);

  // 3. Decide again under the lock if another build finished meanwhile.
  read_manifest(manifest_, manifest_bytes_);
  if (manifest_bytes_ != bytes_before) {
    decide(manifest_);
    if (!compose_needed()) return Status::InputErrors;
  }

  // 4. Render and write, in parallel; report in plan order.
  render_all();

  // 5. The manifest, last.
  Status manifest_status = write_manifest();
  if (manifest_status != Status::None) return manifest_status;
  if (report_.failed > 0) {
    report_.message = std::to_string(report_.failed) +
                      (report_.failed == 1 ? " output" : " outputs") + " could not be written";
    return Status::OutputError;
  }
  return Status::Ok;
}

unsigned Builder::threads() const {
  return core::thread_count(options_.jobs, ~std::size_t{0});
}

void Builder::hash_inputs(const std::vector<bool>& trusted) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    const std::size_t d = plan_.outputs[i].document;
    if (trusted[i] || fingerprints_[d] || std::find(todo.begin(), todo.end(), d) != todo.end())
      continue;
    todo.push_back(d);
  }
  core::parallel_for(todo.size(), threads(), [&](std::size_t k) {
    fingerprints_[todo[k]] = compose::fingerprint(committee_, plan_.documents[todo[k]], templates_);
  });
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    if (trusted[i]) continue;
    const auto& output = plan_.outputs[i];
    input_hashes_[i] = input_hash(*fingerprints_[output.document], output.extension, options_.lang);
  }
}

bool Builder::read_manifest(detail::Manifest& manifest, std::string& bytes) const {
  bytes.clear();
  // A manifest lists a few hundred outputs; one over 16 MiB is not ours, and is rebuilt.
  if (core::read_file(out_ / kManifestName, bytes, 16u << 20) != core::ReadStatus::Ok) {
    bytes.clear();
    return false;
  }
  return detail::parse_manifest(bytes, manifest);
}

void Builder::decide(const detail::Manifest& manifest) {
  // What each output is made from: under the inputs digest it was recorded with, the
  // recorded input hash stands (no fingerprint needed, --force or not).
  input_hashes_.assign(plan_.outputs.size(), {});
  std::vector<bool> trusted(plan_.outputs.size(), false);
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    auto it = manifest.outputs.find(plan_.outputs[i].path);
    if (it == manifest.outputs.end() || it->second.inputs_digest.empty() ||
        it->second.inputs_digest != digest_)
      continue;
    input_hashes_[i] = it->second.input_hash;
    trusted[i] = true;
  }
  hash_inputs(trusted);

  needed_.assign(plan_.outputs.size(), true);
  if (options_.force) return;
  // An output of the recorded size and no newer than the manifest has not been touched since
  // the build that recorded it (outputs are written before the manifest): its recorded hash
  // stands without reading the file. Anything else is read and hashed.
  std::error_code manifest_ec;
  const auto manifest_time = fs::last_write_time(out_ / kManifestName, manifest_ec);
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    auto it = manifest.outputs.find(plan_.outputs[i].path);
    if (it == manifest.outputs.end() || it->second.input_hash != input_hashes_[i]) continue;
    const fs::path file = out_ / plan_.outputs[i].path;
    std::error_code size_ec, time_ec;
    const auto size = fs::file_size(file, size_ec);
    const auto time = fs::last_write_time(file, time_ec);
    if (!manifest_ec && !size_ec && !time_ec && size == it->second.bytes && size > 0 &&
        time <= manifest_time) {
      needed_[i] = false;
      continue;
    }
    auto hash = detail::file_sha256_hex(file);
    needed_[i] = !hash || *hash != it->second.output_hash;
  }
}

bool Builder::compose_needed() {
  // The documents still to compose, in plan order; composed in parallel, each with its own
  // diagnostics, which are then kept in that order.
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    std::size_t d = plan_.outputs[i].document;
    if (!needed_[i] || docs_[d] || std::find(todo.begin(), todo.end(), d) != todo.end()) continue;
    todo.push_back(d);
  }
  std::vector<Diagnostics> found(todo.size());
  core::parallel_for(todo.size(), threads(), [&](std::size_t k) {
    const std::size_t d = todo[k];
    docs_[d] = compose::compose(committee_, plan_.documents[d], templates_, found[k]);
    if (!docs_[d] && !found[k].has_errors())
      found[k].error(SourcePos{plan_.documents[d].output_stem, 0, 0},
                     "the document could not be composed");
  });
  Diagnostics diags;
  for (const Diagnostics& d : found) diags.append(d);
  report_.diagnostics.append(diags);
  return !diags.has_errors();
}

Status Builder::prepare_out_folder() {
  std::error_code ec;
  if (fs::exists(out_, ec) && !fs::is_directory(out_, ec)) {
    report_.message = "the output folder " + out_.string() + " is not a folder";
    return Status::OutputError;
  }
  fs::create_directories(out_, ec);
  if (ec) {
    report_.message = "cannot create the output folder " + out_.string() + ": " + ec.message();
    return Status::OutputError;
  }
  return Status::None;
}

void Builder::render_all() {
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

void Builder::render(const Job& job) {
  const doc::Document& document = *docs_[job.document];
  const auto& style = templates_.style;
  auto start = Clock::now();
  auto elapsed_ms = [&] {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    start = Clock::now();
    return ms;
  };
  std::optional<render::PdfResult> pdf;  // the layout, shared by the PDF and the DOCX
  // Without a PDF among the outputs, the DOCX needs only the layout's page numbers: unless
  // --jobs 1 asks for one thread, the layout then runs on a thread of its own while the DOCX
  // body is written, and the DOCX writer asks for the pages when it writes the contents, last.
  const bool pdf_wanted = std::any_of(job.outputs.begin(), job.outputs.end(), [&](std::size_t i) {
    return plan_.outputs[i].extension == "pdf";
  });
  const bool docx_wanted = std::any_of(job.outputs.begin(), job.outputs.end(), [&](std::size_t i) {
    return plan_.outputs[i].extension == "docx";
  });
  render::PdfOptions pdf_options;
  pdf_options.creator = "plenary " + version();
  pdf_options.layout_only = !pdf_wanted;
  std::future<render::PdfResult> layout;
  if (docx_wanted && !pdf_wanted && threads() > 1)
    layout = std::async(std::launch::async,
                        [&] { return render::write_pdf(document, style, pdf_options); });
  auto take_layout = [&] {  // the PDF (or the layout), once
    if (pdf) return;
    pdf = layout.valid() ? layout.get() : render::write_pdf(document, style, pdf_options);
    std::lock_guard<std::mutex> guard(mutex_);
    report_.diagnostics.append(pdf->diagnostics);
  };
  for (std::size_t index : job.outputs) {
    const std::string& extension = plan_.outputs[index].extension;
    std::string bytes, error;
    try {
      if (extension == "md") {
        bytes = render::write_markdown(document, render::MarkdownOptions{});
      } else if (extension == "docx" && !pdf) {
        render::DocxOptions docx_options;
        docx_options.heading_pages_later = [&] {
          take_layout();
          return pdf->heading_pages;
        };
        bytes = render::write_docx(document, style, docx_options);
        take_layout();  // a document without contents never asked
        if (pdf->diagnostics.has_errors()) error = "the PDF layout failed";
      } else {
        take_layout();
        if (pdf->diagnostics.has_errors() || (pdf_wanted && pdf->bytes.empty()))
          error = "the PDF layout failed";
        else if (extension == "pdf")
          bytes = pdf->bytes;
        else
          bytes = render::write_docx(document, style, render::DocxOptions{pdf->heading_pages, {}});
      }
    } catch (const std::exception& e) {
      error = std::string("the ") + extension + " writer failed: " + e.what();
    }
    if (error.empty()) {
      const fs::path target = out_ / plan_.outputs[index].path;
      std::error_code ec;
      fs::create_directories(target.parent_path(), ec);
      if (ec)
        error = "cannot create " + target.parent_path().string() + ": " + ec.message();
      else if (!detail::stays_inside(out_, target))
        error = "the path leads outside " + out_.string();
      else
        error = detail::write_file_atomically(target, bytes);
    }
    double ms = elapsed_ms();
    finish_output(index, error.empty() ? Outcome::Built : Outcome::Failed, ms, error, bytes);
  }
}

void Builder::finish_output(std::size_t index, Outcome outcome, double ms, const std::string& error,
                            const std::string& bytes) {
  std::string hash = outcome == Outcome::Built ? core::sha256_hex(bytes) : std::string();
  std::lock_guard<std::mutex> guard(mutex_);
  results_[index].outcome = outcome;
  results_[index].milliseconds = ms;
  results_[index].error = error;
  output_hashes_[index] = std::move(hash);
  output_sizes_[index] = bytes.size();
  done_[index] = true;
  release_ready();
}

void Builder::release_ready() {
  for (; next_report_ < results_.size() && done_[next_report_]; ++next_report_) {
    const OutputReport& r = results_[next_report_];
    if (r.outcome == Outcome::Built) ++report_.built;
    if (r.outcome == Outcome::Unchanged) ++report_.unchanged;
    if (r.outcome == Outcome::Failed) ++report_.failed;
    report_.paths.push_back(r.path);
    if (callbacks_.on_output) callbacks_.on_output(r);
  }
}

Status Builder::write_manifest() {
  detail::Manifest next = manifest_;
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
  for (auto it = next.outputs.begin(); it != next.outputs.end();) {
    std::error_code ec;
    it = fs::is_regular_file(out_ / it->first, ec) ? std::next(it) : next.outputs.erase(it);
  }
  std::string bytes = detail::serialize_manifest(next, version());
  // Nothing changed: leave it untouched. When outputs were rewritten with the bytes they had,
  // the same manifest is written again all the same, so that it stays newer than they are
  // (an unchanged build then trusts them without re-hashing; see decide()).
  const bool rewrote = std::any_of(results_.begin(), results_.end(), [](const OutputReport& r) {
    return r.outcome == Outcome::Built;
  });
  if (bytes == manifest_bytes_ && !rewrote) return Status::None;
  std::string error = detail::write_file_atomically(out_ / kManifestName, bytes);
  if (error.empty()) return Status::None;
  report_.message = "cannot write " + (out_ / kManifestName).string() + ": " + error;
  return Status::OutputError;
}

}  // namespace

// ---- public ----------------------------------------------------------------------------------

Report list(const Options& options) {
  auto start = Clock::now();
  Report report;
  Loaded loaded;
  if (Status s = load_and_plan(options, loaded, report); s != Status::None)
    return finish(std::move(report), s, start);
  for (const auto& output : loaded.plan.outputs) report.paths.push_back(output.path);
  return finish(std::move(report), Status::Ok, start);
}

Report check(const Options& options) {
  auto start = Clock::now();
  Report report;
  Options all = options;
  all.only.clear();
  Loaded loaded;
  Status status = load_and_plan(all, loaded, report);
  for (compose::Lang lang : {compose::Lang::En, compose::Lang::Fr}) {
    auto templates =
        compose::load_templates(template_folders(options.root), lang, report.diagnostics);
    if (!templates || !loaded.committee) continue;
    for (const auto& spec : loaded.plan.documents) {
      compose::compose(*loaded.committee, spec, *templates, report.diagnostics);
      if (lang == compose::Lang::En) report.paths.push_back(spec.output_stem);
    }
  }
  if (status == Status::None)
    status = report.diagnostics.has_errors() ? Status::InputErrors : Status::Ok;
  return finish(std::move(report), status, start);
}

Report build(const Options& options, const Callbacks& callbacks) {
  auto start = Clock::now();
  Report report;
  Loaded loaded;
  Status status = load_and_plan(options, loaded, report);
  auto templates =
      compose::load_templates(template_folders(options.root), options.lang, report.diagnostics);
  if (status == Status::None && (!templates || report.diagnostics.has_errors()))
    status = Status::InputErrors;
  if (status != Status::None) return finish(std::move(report), status, start);

  Builder builder(options, callbacks, loaded, *templates, report);
  status = builder.run();
  return finish(std::move(report), status, start);
}

}  // namespace plenary::output

// The templates, loaded beside the model, and the fonts they name, measured ahead of the layouts.
#pragma once

#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>

#include "compose/compose.hpp"
#include "core/parallel.hpp"
#include "output/output.hpp"

namespace plenary::output::detail {

// start(), called once the YAML is parsed (model::LoadSide::parsed), loads the templates on a
// thread of its own while the model is built on one core; then, where a document may be laid
// out (PDF, DOCX), the same thread resolves and measures the fonts the style names
// (fonts::warm), which the first layout would otherwise do while the others wait for it. Only
// where a second thread is allowed (--jobs). The thread holds itself to reading first (Landlock, as
// list and check do): fontconfig's configuration and the font files are then read under no more
// allowance than the layouts had when they loaded them themselves, confined (the build confines
// itself only later, and Landlock binds only the threads started after it).
class SideLoad {
 public:
  explicit SideLoad(const Options& options) : options_(options) {}
  ~SideLoad() { thread_.wait(); }
  SideLoad(const SideLoad&) = delete;
  SideLoad& operator=(const SideLoad&) = delete;

  void start();
  // The templates as load_templates gives them, once loaded (here, if start() was not called),
  // their problems added to `diags`; what loading threw is thrown here.
  std::optional<compose::TemplateSet> templates(Diagnostics& diags);
  // The thread, still measuring fonts perhaps (it no longer touches this object): to be joined
  // before Landlock.
  core::Background thread() { return std::move(thread_); }

 private:
  void load();

  const Options& options_;
  std::mutex mutex_;
  std::condition_variable loaded_;
  bool done_ = false;  // the templates are loaded (or failed): under mutex_
  bool started_ = false;
  std::optional<compose::TemplateSet> templates_;
  Diagnostics diagnostics_;
  std::exception_ptr failure_;
  core::Background thread_;
};

}  // namespace plenary::output::detail

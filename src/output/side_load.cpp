#include "output/side_load.hpp"

#include "fonts/fonts.hpp"
#include "output/output_run.hpp"
#include "render/formats.hpp"

namespace plenary::output::detail {

namespace {

bool may_lay_out(const Options& options) {
  for (const std::string& name :
       options.formats.empty() ? render::all_format_names() : options.formats)
    if (const render::Format* format = render::find_format(name);
        format != nullptr && format->pagination != render::Pagination::None)
      return true;
  return false;
}

}  // namespace

void SideLoad::start() {
  started_ = true;
  if (core::thread_count(options_.jobs, 2) < 2) return load();
  thread_ = core::Background([this] {
    confine_to_reading(options_);
    load();
  });
}

void SideLoad::load() {
  std::optional<doc::Style> style;
  try {
    templates_ =
        compose::load_templates(template_folders(options_.root), options_.lang, diagnostics_);
    if (templates_ && started_ && may_lay_out(options_) && core::thread_count(options_.jobs, 2) > 1)
      style = templates_->style;  // (a copy: the templates are handed over below)
  } catch (...) {
    failure_ = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> guard(mutex_);
    done_ = true;
    loaded_.notify_one();
  }
  // From here on nothing of this object is touched: the caller may have taken the thread.
  // About 8 ms at K=4 (fontconfig's configuration, then each face's metrics); a failure here
  // is met again, and reported, by the layout that needs the font.
  if (style) fonts::warm(*style);
}

std::optional<compose::TemplateSet> SideLoad::templates(Diagnostics& diags) {
  if (!started_) load();
  std::unique_lock<std::mutex> lock(mutex_);
  loaded_.wait(lock, [this] { return done_; });
  diags.append(diagnostics_);
  if (failure_) std::rethrow_exception(failure_);
  return std::move(templates_);
}

}  // namespace plenary::output::detail

// ics::write_ics in the engine: the calendar module (render/ics/libical/, with libical and ICU)
// is loaded on the first calendar, so that builds without one never load those libraries
// (docs/performance.md, "Round 6b").
#include "core/module.hpp"
#include "render/ics/ics_writer.hpp"
#include "render/ics/libical/api.hpp"

namespace plenary::ics {

std::string write_ics(const Calendar& calendar) {
  static const auto* table =
      static_cast<const detail::LibicalApi*>(core::module_api(core::kCalendarModule));
  return table->write_ics(calendar);
}

}  // namespace plenary::ics

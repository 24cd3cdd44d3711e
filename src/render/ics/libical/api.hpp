// The table of functions the calendar module (plenary-ics-libical.so: render/ics/libical/,
// libical) gives the engine, which loads it on the first calendar (render/ics/loader.cpp;
// core/module.hpp). Both sides are built from this header by the same build.
#pragma once

#include <string>

#include "render/ics/ics_writer.hpp"

namespace plenary::ics::detail {

struct LibicalApi {
  std::string (*write_ics)(const Calendar& calendar);
};

}  // namespace plenary::ics::detail

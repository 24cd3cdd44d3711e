// The calendar module's one exported symbol: the table of libical/ics_writer.cpp's functions.
#include "render/ics/libical/api.hpp"

namespace {
const plenary::ics::detail::LibicalApi kApi = {&plenary::ics::write_ics};
}  // namespace

extern "C" __attribute__((visibility("default"))) const void* plenary_module_api() {
  return &kApi;
}

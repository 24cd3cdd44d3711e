// A Document tree (and a house style) drawn from fuzz bytes: every block and inline kind,
// nesting, tables of any shape, text mixing every script the writers meet, control
// characters and raw invalid bytes, links and references, the logo at odd sizes.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include "document/document.hpp"
#include "document/style.hpp"

namespace plenary::fuzz {

doc::Document document_from(FuzzedDataProvider& in);
doc::Style style_from(FuzzedDataProvider& in);

}  // namespace plenary::fuzz

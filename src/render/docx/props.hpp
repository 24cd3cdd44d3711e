// Document properties: docProps/core.xml (Dublin Core) and docProps/app.xml.
#pragma once

#include <string>

#include "document/document.hpp"

namespace plenary::render::docx {

// W3CDTF timestamp for an ISO date ("2026-04-14" -> "2026-04-14T00:00:00Z"); empty when the
// date does not read as YYYY-MM-DD[Thh:mm[:ss]].
std::string w3cdtf(const std::string& date);

std::string core_xml(const doc::Metadata& meta);
std::string app_xml(const doc::Metadata& meta);

}  // namespace plenary::render::docx

// The painter's helpers that need no libharu: the characters each font draws (what a font
// subset must keep) and PDF date strings.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "paginate/page.hpp"

namespace plenary::render::pdf {

// Per font id (0 .. font_count - 1): the BMP characters of its text items, sorted, in one
// pass over the pages.
std::vector<std::vector<char32_t>> characters_by_font(const paginate::Pagination& pages,
                                                      std::size_t font_count);

// An ISO 8601 date ("2026", "2026-04", "2026-04-14", "2026-04-14T09:30[:00]") as a PDF date
// string ("D:2026", "D:202604", "D:20260414", "D:20260414093000Z"); empty when not a date.
std::string pdf_date(const std::string& text);

}  // namespace plenary::render::pdf

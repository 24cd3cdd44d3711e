// The one slug of the program: "Terms of Reference" -> "terms-of-reference", "" -> "section".
// Link anchors are slugs, so two ids with one slug would make links jump to the wrong section:
// the model refuses such ids (model/consistency.cpp), compose makes its anchors with it.
#pragma once

#include <string>

namespace plenary::core {

std::string slug(const std::string& text);

}  // namespace plenary::core

// The context tree as kainjow Mustache data, for rendering.
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "compose/value.hpp"

namespace plenary::compose::detail {

// Converts `root`: plain texts as strings, flags as booleans, lists and objects as such, and
// each (md) field as field_token(i) with its source at fields[i], numbered in tree order.
//
// `template_texts` are the texts kainjow will parse (the template and its partials): every
// name it looks up, and every part of a dotted name, is a piece of one of them that starts
// after "{", a tag kind (# ^ / & > !), "." or a space and ends before ".", "}" or a space.
// An object member whose key occurs in none of them as a whole word (no letter, digit or "_"
// right before or after it) can never be found and is left out (its (md) fields keep their
// numbers, with an empty source). nullptr keeps every member.
kainjow::mustache::data to_mustache_data(const Value& root,
                                         const std::vector<std::string>* template_texts,
                                         std::vector<std::string>& fields);

}  // namespace plenary::compose::detail

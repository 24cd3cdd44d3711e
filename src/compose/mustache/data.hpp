// The context tree as kainjow Mustache data, for rendering (part of the Mustache adapter).
#pragma once

#include <kainjow/mustache.hpp>

#include <string>
#include <vector>

#include "compose/template_names.hpp"
#include "compose/value.hpp"

namespace plenary::compose::detail {

// Converts `root`: plain texts as strings, flags as booleans, lists and objects as such, and
// each (md) field as field_token(i) with its source at fields[i], numbered in tree order.
// With `names`, an object member whose key the template cannot name is left out (its (md)
// fields keep their numbers, with an empty source); nullptr keeps every member.
kainjow::mustache::data to_mustache_data(const Value& root, const TemplateNames* names,
                                         std::vector<std::string>& fields);

}  // namespace plenary::compose::detail

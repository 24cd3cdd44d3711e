// The sector rotation's rules: never-covered sectors first, then the longest out of focus, never
// the same sector twice in a row, ties by data order.
#include <catch2/catch.hpp>

#include "compose/rotation.hpp"

using plenary::compose::propose_rotation;
using plenary::compose::RotationSlot;
using Slots = std::vector<RotationSlot>;
using Ids = std::vector<std::string>;

TEST_CASE("never-covered sectors are proposed first, in data order", "[rotation]") {
  const Ids sectors = {"health", "food", "energy", "pharma"};
  const Slots slots = {{"food", false}, {"", true}, {"", true}, {"", true}};
  CHECK(propose_rotation(sectors, slots) == Ids{"", "health", "energy", "pharma"});
}

TEST_CASE("once every sector was in focus, the one longest out of focus comes next",
          "[rotation]") {
  const Ids sectors = {"a", "b", "c"};
  // c (slot 0) is longer out of focus than a (slot 1) and b (slot 2).
  const Slots slots = {{"c", false}, {"a", false}, {"b", false}, {"", true}, {"", true}};
  CHECK(propose_rotation(sectors, slots) == Ids{"", "", "", "c", "a"});
}

TEST_CASE("ties between never-covered sectors go to the first in data order", "[rotation]") {
  CHECK(propose_rotation({"z", "y", "x"}, {{"", true}}) == Ids{"z"});
  CHECK(propose_rotation({"x", "y", "z"}, {{"", true}}) == Ids{"x"});
}

TEST_CASE("a sector is never proposed right after its own turn", "[rotation]") {
  const Ids sectors = {"a", "b"};
  // a was never in focus but b was just before, and vice versa: they alternate.
  const Slots slots = {{"b", false}, {"", true}, {"", true}, {"", true}};
  CHECK(propose_rotation(sectors, slots) == Ids{"", "a", "b", "a"});
  // The planned sector of the slot before blocks too, even when it is the only uncovered one.
  CHECK(propose_rotation({"a", "b"}, {{"a", false}, {"", true}}) == Ids{"", "b"});
}

TEST_CASE("with every sector covered the proposals cycle through all of them", "[rotation]") {
  const Ids sectors = {"a", "b", "c"};
  Slots slots = {{"a", false}, {"b", false}, {"c", false}};
  for (int i = 0; i < 6; ++i) slots.push_back({"", true});
  CHECK(propose_rotation(sectors, slots) == Ids{"", "", "", "a", "b", "c", "a", "b", "c"});
}

TEST_CASE("a single sector is proposed only when it was not in focus just before",
          "[rotation]") {
  const Ids one = {"health"};
  CHECK(propose_rotation(one, {{"", true}}) == Ids{"health"});
  CHECK(propose_rotation(one, {{"", true}, {"", true}, {"", true}}) == Ids{"health", "", "health"});
  CHECK(propose_rotation(one, {{"health", false}, {"", true}}) == Ids{"", ""});
}

TEST_CASE("slots without a wish for a proposal get none and break no run", "[rotation]") {
  // A held plenary without plan entry (no proposal) separates two turns of the same sector.
  CHECK(propose_rotation({"a"}, {{"a", false}, {"", false}, {"", true}}) == Ids{"", "", "a"});
  CHECK(propose_rotation({}, {{"", true}}) == Ids{""});
  CHECK(propose_rotation({"a", "b"}, {}).empty());
}

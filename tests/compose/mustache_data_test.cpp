// to_mustache_data: the context as kainjow data, holding only the members a template names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compose/escape.hpp"
#include "compose/mustache/data.hpp"

using namespace plenary;
using compose::detail::Value;

namespace {

Value sample() {
  Value root = Value::object();
  root.set_text("name", "N");
  root.set_text("display_name", "D");
  root.set_md("notes", "*first*");
  Value item = Value::object();
  item.set_text("id", "I");
  item.set_md("text", "*second*");
  Value list = Value::list();
  list.push(item);
  list.push(item);
  root.set_list("items", std::move(list));
  root.set_md("last", "*fourth*");
  return root;
}

}  // namespace

TEST_CASE("the data keeps every member a template names as a whole word, and only those",
          "[compose][data]") {
  const Value root = sample();
  const std::vector<std::string> texts = {"{{display_name}} {{#items}}{{ id }}{{/items}}",
                                          "{{{last}}}"};
  const compose::detail::TemplateNames names(texts);
  CHECK(names.can_name("id"));
  CHECK(names.can_name("last"));
  CHECK_FALSE(names.can_name("name"));
  CHECK_FALSE(names.can_name("display"));
  std::vector<std::string> fields;
  const auto data = compose::detail::to_mustache_data(root, &names, fields);
  CHECK(data.get("display_name"));
  CHECK_FALSE(data.get("name"));  // only inside display_name
  CHECK_FALSE(data.get("notes"));
  CHECK_FALSE(data.get("has_items"));
  REQUIRE(data.get("items"));
  REQUIRE(data.get("items")->is_list());
  const auto& items = data.get("items")->list_value();
  REQUIRE(items.size() == 2);
  CHECK(items[0].get("id")->string_value() == "I");
  CHECK_FALSE(items[0].get("text"));
  // (md) fields left out keep their numbers: "last" is the fourth field
  CHECK(fields == std::vector<std::string>{"", "", "", "*fourth*"});
  CHECK(data.get("last")->string_value() == compose::detail::field_token(3));
}

TEST_CASE("without template texts the data holds the whole context", "[compose][data]") {
  std::vector<std::string> fields;
  const auto data = compose::detail::to_mustache_data(sample(), nullptr, fields);
  CHECK(data.get("name")->string_value() == "N");
  CHECK(data.get("notes")->string_value() == compose::detail::field_token(0));
  CHECK(data.get("has_items")->is_true());
  CHECK(data.get("items")->list_value()[1].get("text")->string_value() ==
        compose::detail::field_token(2));
  CHECK(fields == std::vector<std::string>{"*first*", "*second*", "*second*", "*fourth*"});
}

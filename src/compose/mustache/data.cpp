#include "compose/mustache/data.hpp"

#include "compose/escape.hpp"

namespace plenary::compose::detail {

namespace {

namespace mustache = kainjow::mustache;

// kainjow's data copies deeply whenever it is passed on (set() and push_back() take a const
// reference, and a list's growth copies its items: the move constructor is not noexcept), so a
// tree built bottom-up was copied once per level. This builds every node where it stays.
class DataBuilder {
 public:
  DataBuilder(const TemplateNames* names, std::vector<std::string>& fields)
      : names_(names), fields_(fields) {}

  void build(const Value& v, mustache::data& out) {
    using Kind = Value::Kind;
    switch (v.kind) {
      case Kind::Text:
        out = mustache::data(v.text);
        return;
      case Kind::Markdown:
        fields_.push_back(v.text);
        out = mustache::data(field_token(fields_.size() - 1));
        return;
      case Kind::Bool:
        out = mustache::data(v.flag);
        return;
      case Kind::List: {
        out = mustache::data(mustache::data::type::list);
        // kainjow gives no mutable access to a list's items; the vector is its own (made with
        // new, not const), filled here in place of copying each item in with push_back().
        auto& items = const_cast<mustache::list&>(out.list_value());
        items.reserve(v.items.size());
        for (const auto& item : v.items) {
          items.emplace_back(false);
          build(item, items.back());
        }
        return;
      }
      case Kind::Object:
        out = mustache::data(mustache::data::type::object);
        for (const auto& [key, member] : v.members) {
          if (!names_ || names_->can_name(key)) {
            build(member, out[key]);
          } else {
            skip(member);
          }
        }
        return;
      case Kind::None:
        break;
    }
    out = mustache::data(false);
  }

 private:
  // A left-out member: its (md) fields keep their numbers.
  void skip(const Value& v) {
    switch (v.kind) {
      case Value::Kind::Markdown:
        fields_.emplace_back();
        return;
      case Value::Kind::List:
        for (const auto& item : v.items) skip(item);
        return;
      case Value::Kind::Object:
        for (const auto& member : v.members) skip(member.second);
        return;
      default:
        return;
    }
  }

  const TemplateNames* names_;
  std::vector<std::string>& fields_;
};

}  // namespace

kainjow::mustache::data to_mustache_data(const Value& root, const TemplateNames* names,
                                         std::vector<std::string>& fields) {
  mustache::data data(false);
  DataBuilder(names, fields).build(root, data);
  return data;
}

}  // namespace plenary::compose::detail

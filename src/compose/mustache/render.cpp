#include "compose/mustache/render.hpp"

namespace plenary::compose::detail::mustache {

std::optional<std::string> parse_error(const std::string& text) {
  const mustache parsed(text);
  if (parsed.is_valid()) return std::nullopt;
  return parsed.error_message();
}

}  // namespace plenary::compose::detail::mustache

#include "fonts/sfnt.hpp"

namespace plenary::fonts::sfnt {

std::map<std::string, Table> tables(const std::string& file, std::size_t directory) {
  const Bytes in{file};
  std::map<std::string, Table> found;
  if (!in.has(directory, 12)) return {};
  const std::size_t count = in.u16(directory + 4);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t record = directory + 12 + 16 * i;
    if (!in.has(record, 16)) return {};
    const Table table{record, in.u32(record + 8), in.u32(record + 12)};
    if (!in.has(table.offset, table.length)) return {};
    found[file.substr(record, 4)] = table;
  }
  return found;
}

}  // namespace plenary::fonts::sfnt

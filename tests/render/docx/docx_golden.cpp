// Golden test: the sample's package compared structurally with golden/sample.docx.txt
// (entry list, then every XML part pretty-printed; zip times and compression ignored).
//   docx_golden <golden-dir>            compare, exit 1 with the first differing line
//   docx_golden <golden-dir> --update   rewrite the golden file
#include <Poco/DOM/DOMWriter.h>
#include <Poco/XML/XMLWriter.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "../../golden_file.hpp"
#include "document/style.hpp"
#include "docx_reader.hpp"
#include "render/docx/docx_writer.hpp"
#include "sample_document.hpp"

namespace {

std::string canonical_dump(const std::string& docx) {
  std::ostringstream out;
  for (const auto& entry : plenary::test::unzip(docx)) {
    out << "== " << entry.name << " (" << entry.data.size() << " bytes)\n";
    const bool xml = entry.name.size() > 4 && (entry.name.rfind(".xml") == entry.name.size() - 4 ||
                                               entry.name.rfind(".rels") == entry.name.size() - 5);
    if (!xml) continue;
    Poco::XML::DOMWriter writer;
    writer.setOptions(Poco::XML::XMLWriter::PRETTY_PRINT);
    writer.setIndent("  ");
    writer.writeNode(out, plenary::test::parse_xml(entry.data));
    out << "\n";
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: docx_golden <golden-dir> [--update]\n";
    return 2;
  }
  const std::string path = std::string(argv[1]) + "/sample.docx.txt";
  const bool update = argc > 2 && std::string(argv[2]) == "--update";
  plenary::render::DocxOptions options;
  options.heading_pages = {3, 3, 3, 4, 6};
  const std::string actual = canonical_dump(plenary::render::write_docx(
      plenary::test::sample_document(), plenary::doc::Style{}, options));
  return plenary::test::compare_golden(path, actual, update, std::string("docx_golden ") + argv[1]);
}

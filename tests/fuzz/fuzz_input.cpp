#include "fuzz_input.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/Exception.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace plenary::fuzz {

std::vector<std::string> split_files(const std::uint8_t* data, std::size_t size,
                                     std::size_t parts) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> files;
  std::size_t start = 0;
  while (files.size() + 1 < parts) {
    const std::size_t at = input.find(kFileSeparator, start);
    if (at == std::string::npos) break;
    files.push_back(input.substr(start, at - start));
    start = at + kFileSeparator.size();
  }
  files.push_back(input.substr(start));
  return files;
}

void require(bool ok, const std::string& what) {
  if (ok) return;
  std::fprintf(stderr, "plenary fuzz check failed: %s\n", what.c_str());
  std::abort();
}

std::string text_problem(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n') return "control character at byte " + std::to_string(i);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return "invalid utf-8 at byte " + std::to_string(i);
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
        return "invalid utf-8 at byte " + std::to_string(i);
    }
    i += n;
  }
  return {};
}

namespace {

// The part names a [Content_Types].xml covers: explicit overrides and default extensions.
struct ContentTypes {
  std::set<std::string> overrides;   // "/word/document.xml"
  std::set<std::string> extensions;  // "rels", "xml", "png"
};

ContentTypes content_types(Poco::XML::Document& doc) {
  ContentTypes types;
  Poco::AutoPtr<Poco::XML::NodeList> all = doc.getElementsByTagName("*");
  for (unsigned long i = 0; i < all->length(); ++i) {
    auto* e = dynamic_cast<Poco::XML::Element*>(all->item(i));
    if (!e) continue;
    if (e->localName() == "Override") types.overrides.insert(e->getAttribute("PartName"));
    if (e->localName() == "Default") types.extensions.insert(e->getAttribute("Extension"));
  }
  return types;
}

}  // namespace

std::string docx_problem(const std::string& bytes) {
  try {
    std::istringstream in(bytes);
    Poco::Zip::ZipArchive archive(in);
    std::vector<std::pair<std::string, std::string>> parts;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      if (it->second.isDirectory()) continue;
      std::istringstream again(bytes);
      Poco::Zip::ZipInputStream zin(again, it->second, true);
      std::string content((std::istreambuf_iterator<char>(zin)), std::istreambuf_iterator<char>());
      parts.emplace_back(it->first, std::move(content));
    }
    ContentTypes types;
    bool have_types = false, have_document = false;
    for (const auto& [name, content] : parts) {
      const std::string ext = name.substr(name.find_last_of('.') + 1);
      if (name == "word/document.xml") have_document = true;
      if (ext != "xml" && ext != "rels") continue;
      Poco::XML::DOMParser parser;
      Poco::AutoPtr<Poco::XML::Document> doc;
      try {
        doc = parser.parseString(content);
      } catch (const Poco::Exception& e) {
        return "part " + name + " is not well-formed XML: " + e.displayText();
      }
      if (name == "[Content_Types].xml") {
        types = content_types(*doc);
        have_types = true;
      }
    }
    if (!have_types) return "no [Content_Types].xml";
    if (!have_document) return "no word/document.xml";
    for (const auto& [name, content] : parts) {
      if (name == "[Content_Types].xml") continue;
      const std::string ext = name.substr(name.find_last_of('.') + 1);
      if (!types.overrides.count("/" + name) && !types.extensions.count(ext))
        return "part " + name + " is not listed in [Content_Types].xml";
    }
  } catch (const Poco::Exception& e) {
    return "not a zip package: " + e.displayText();
  } catch (const std::exception& e) {
    return std::string("not a zip package: ") + e.what();
  }
  return {};
}

std::string pdf_problem(const std::string& bytes) {
  if (bytes.compare(0, 5, "%PDF-") != 0) return "no %PDF- header";
  char path[] = "/tmp/plenary-fuzz-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return {};  // cannot check here; not the program's fault
  ::close(fd);
  {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  const std::string command = std::string("qpdf --check '") + path + "' >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  std::remove(path);
  if (status == -1) return {};
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return {};  // no qpdf on this machine
  return "qpdf --check fails (status " + std::to_string(WEXITSTATUS(status)) + ")";
}

}  // namespace plenary::fuzz

#include "docx_reader.hpp"

#include <Poco/DOM/DOMParser.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>
#include <Poco/SAX/InputSource.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <sstream>

namespace plenary::test {

std::vector<ZipEntry> unzip(const std::string& bytes) {
  std::istringstream in(bytes, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  std::vector<ZipEntry> entries;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    ZipEntry entry;
    entry.name = it->first;
    entry.directory = it->second.isDirectory();
    const Poco::DateTime time = it->second.lastModifiedAt();
    entry.year = time.year();
    entry.month = time.month();
    entry.day = time.day();
    if (!entry.directory) {
      std::istringstream again(bytes, std::ios::binary);
      Poco::Zip::ZipInputStream zin(again, it->second);
      std::ostringstream out;
      Poco::StreamCopier::copyStream(zin, out);
      entry.data = out.str();
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::map<std::string, std::string> docx_parts(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  for (ZipEntry& entry : unzip(bytes)) parts[entry.name] = std::move(entry.data);
  return parts;
}

Poco::AutoPtr<Poco::XML::Document> parse_xml(const std::string& xml) {
  Poco::XML::DOMParser parser;
  return parser.parseString(xml);
}

std::size_t count_elements(const Poco::XML::Document& doc, const std::string& qname) {
  Poco::AutoPtr<Poco::XML::NodeList> list = doc.getElementsByTagName(qname);
  return list->length();
}

std::vector<std::string> attribute_values(const Poco::XML::Document& doc, const std::string& qname,
                                          const std::string& attr) {
  Poco::AutoPtr<Poco::XML::NodeList> list = doc.getElementsByTagName(qname);
  std::vector<std::string> values;
  for (unsigned long i = 0; i < list->length(); ++i) {
    values.push_back(static_cast<Poco::XML::Element*>(list->item(i))->getAttribute(attr));
  }
  return values;
}

std::string first_text(const Poco::XML::Document& doc, const std::string& qname) {
  Poco::AutoPtr<Poco::XML::NodeList> list = doc.getElementsByTagName(qname);
  return list->length() == 0 ? std::string() : list->item(0)->innerText();
}

std::vector<std::string> paragraph_texts(const Poco::XML::Document& doc) {
  Poco::AutoPtr<Poco::XML::NodeList> paragraphs = doc.getElementsByTagName("w:p");
  std::vector<std::string> texts;
  for (unsigned long i = 0; i < paragraphs->length(); ++i) {
    auto* p = static_cast<Poco::XML::Element*>(paragraphs->item(i));
    Poco::AutoPtr<Poco::XML::NodeList> runs = p->getElementsByTagName("w:t");
    std::string text;
    for (unsigned long k = 0; k < runs->length(); ++k) text += runs->item(k)->innerText();
    texts.push_back(text);
  }
  return texts;
}

}  // namespace plenary::test

// Test helpers: open .docx bytes the way a reader would (unzip with Poco::Zip, parse each
// XML part with Poco's DOM parser).
#pragma once

#include <Poco/AutoPtr.h>
#include <Poco/DOM/Document.h>
#include <Poco/DOM/Element.h>
#include <Poco/DOM/NodeList.h>

#include <map>
#include <string>
#include <vector>

namespace plenary::test {

struct ZipEntry {
  std::string name;
  std::string data;
  bool directory = false;
  int year = 0, month = 0, day = 0;
};

std::vector<ZipEntry> unzip(const std::string& bytes);

// Part name -> content.
std::map<std::string, std::string> docx_parts(const std::string& bytes);

// Parses XML, throwing on any well-formedness error.
Poco::AutoPtr<Poco::XML::Document> parse_xml(const std::string& xml);

// Number of elements with this qualified name (e.g. "w:tblHeader").
std::size_t count_elements(const Poco::XML::Document& doc, const std::string& qname);

// Values of attribute `attr` on every element named `qname`, in document order.
std::vector<std::string> attribute_values(const Poco::XML::Document& doc, const std::string& qname,
                                          const std::string& attr);

// The text of the first element named qname; empty when there is none.
std::string first_text(const Poco::XML::Document& doc, const std::string& qname);

// The concatenated w:t text of each w:p, in document order.
std::vector<std::string> paragraph_texts(const Poco::XML::Document& doc);

}  // namespace plenary::test

// The program's one slug, one markup escape and one SOURCE_DATE_EPOCH reader.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/civil_date.hpp"
#include "core/markup_escape.hpp"
#include "core/slug.hpp"

using namespace plenary::core;

TEST_CASE("markup_escape turns & < > \" into references and leaves the rest", "[core][escape]") {
  CHECK(markup_escape("") == "");
  CHECK(markup_escape("a & b <c> \"d\" 'e' é") == "a &amp; b &lt;c&gt; &quot;d&quot; 'e' é");
  CHECK(markup_escape("&amp;") == "&amp;amp;");  // already escaped text is text
}

TEST_CASE("slug keeps ASCII letters and digits, one dash between runs", "[core][slug]") {
  CHECK(slug("Terms of Reference") == "terms-of-reference");
  CHECK(slug("CCQM-TG.A") == slug("CCQM-TG-A"));  // why the model refuses such id pairs
  CHECK(slug("  --  ") == "section");
  CHECK(slug("Référence") == "r-f-rence");
}

TEST_CASE("SOURCE_DATE_EPOCH: digits up to the end of year 9999, else an error",
          "[core][epoch]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  CHECK_FALSE(source_date_epoch().set);
  CHECK(source_date_epoch().error.empty());
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  CHECK(source_date_epoch().set);
  CHECK(source_date_epoch().seconds == 1700000000);
  ::setenv("SOURCE_DATE_EPOCH", "253402300799", 1);
  CHECK(source_date_epoch().seconds == 253402300799LL);
  for (const char* bad : {"253402300800", "-1", "yesterday", "1e9", "99999999999999999999999"}) {
    ::setenv("SOURCE_DATE_EPOCH", bad, 1);
    CHECK_FALSE(source_date_epoch().set);
    CHECK_FALSE(source_date_epoch().error.empty());
  }
  ::unsetenv("SOURCE_DATE_EPOCH");
}

// compose: the documents planned, metadata, anchors, template conventions and errors.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <thread>

#include "fixture.hpp"
#include "compose/kinds.hpp"
#include "model/check.hpp"

using namespace plenary;

namespace {

std::optional<doc::Document> compose_with(const model::Committee& c, const compose::TemplateSet& t,
                                          const std::string& kind, const std::string& id,
                                          Diagnostics& diags) {
  return compose::compose(c, test::spec_for(compose::plan_documents(c), kind, id), t, diags);
}

std::vector<const doc::Heading*> headings(const doc::Document& d) {
  std::vector<const doc::Heading*> out;
  for (const auto& b : d.blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.value)) out.push_back(h);
  }
  return out;
}

}  // namespace

TEST_CASE(
    "every plenary gets a briefing pack, an agenda when it has one, every closed task group a "
    "report",
    "[compose][plan]") {
  const auto specs = compose::plan_documents(test::sample_committee());
  std::vector<std::string> stems;
  for (const auto& s : specs) stems.push_back(s.output_stem);
  CHECK(stems ==
        std::vector<std::string>{"CCQM-26/CCQM-26-briefing-pack", "CCQM-26/index",
                                 "CCQM-27/CCQM-27-briefing-pack", "CCQM-27/CCQM-27-decisions",
                                 "CCQM-27/index", "CCQM-28/CCQM-28-briefing-pack", "CCQM-28/index",
                                 "CCQM-29/CCQM-29-briefing-pack", "CCQM-29/CCQM-29-decisions",
                                 "CCQM-29/index",
                                 "CCQM-30/CCQM-30-agenda", "CCQM-30/CCQM-30-briefing-pack",
                                 "CCQM-30/CCQM-30", "CCQM-30/index",
                                 "task-groups/CCQM-TG-ARCHIVE-final-report",
                                 "task-groups/CCQM-TG-ARCHIVE", "task-groups/CCQM-TG-CLINICAL",
                                 "task-groups/CCQM-TG-FUTURE",
                                 "task-groups/CCQM-TG-STAKEHOLDER-final-report",
                                 "task-groups/CCQM-TG-STAKEHOLDER", "style", "index"});
}

TEST_CASE("metadata names the committee, the language and the date from the data",
          "[compose][meta]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto c = test::sample_committee();
  Diagnostics diags;
  const auto pack = compose_with(c, test::repository_templates(compose::Lang::Fr),
                                 "briefing-pack", "CCQM-30", diags);
  REQUIRE(pack);
  CHECK(pack->meta.author == "CCQM");
  CHECK(pack->meta.language == "fr");
  CHECK(pack->meta.date == "2026-04-14");
  CHECK(pack->meta.has_cover);
  CHECK(pack->meta.footer == "Page {page} sur {pages}");
  CHECK(pack->meta.title == "Dossier de séance : 30e réunion du CCQM");
  CHECK(pack->meta.header_left == "BIPM CCQM");
  REQUIRE(pack->meta.header_logo);
  CHECK(pack->meta.header_logo->format == doc::ImageFormat::Png);

  const auto report = compose_with(c, test::repository_templates(compose::Lang::En),
                                   "final-report", "CCQM-TG-STAKEHOLDER", diags);
  REQUIRE(report);
  CHECK(report->meta.date == "2024-04");
  CHECK_FALSE(report->meta.has_cover);
}

TEST_CASE("SOURCE_DATE_EPOCH sets the document date", "[compose][meta]") {
  ::setenv("SOURCE_DATE_EPOCH", "1767225600", 1);  // 2026-01-01T00:00:00Z
  Diagnostics diags;
  const auto d =
      compose_with(test::sample_committee(), test::repository_templates(compose::Lang::En),
                   "agenda", "CCQM-30", diags);
  ::unsetenv("SOURCE_DATE_EPOCH");
  REQUIRE(d);
  CHECK(d->meta.date == "2026-01-01");
}

TEST_CASE("plenary titles use English and French ordinals", "[compose][i18n]") {
  auto c = test::sample_committee();
  const std::vector<std::pair<int, std::string>> en = {
      {1, "1st"},   {2, "2nd"},   {3, "3rd"},   {4, "4th"},     {11, "11th"},  {12, "12th"},
      {13, "13th"}, {21, "21st"}, {22, "22nd"}, {101, "101st"}, {111, "111th"}};
  for (const auto& [n, ordinal] : en) {
    c.plenaries.back().number = n;
    Diagnostics diags;
    const auto d = compose_with(c, test::repository_templates(compose::Lang::En),
                                "agenda", "CCQM-30", diags);
    REQUIRE(d);
    CHECK(d->meta.subject == ordinal + " meeting of the CCQM");
  }
  for (const auto& [n, ordinal] :
       std::vector<std::pair<int, std::string>>{{1, "1re"}, {2, "2e"}, {30, "30e"}}) {
    c.plenaries.back().number = n;
    Diagnostics diags;
    const auto d = compose_with(c, test::repository_templates(compose::Lang::Fr),
                                "agenda", "CCQM-30", diags);
    REQUIRE(d);
    CHECK(d->meta.subject == ordinal + " réunion du CCQM");
  }
  c.plenaries.back().title = "Extraordinary session";
  Diagnostics diags;
  const auto d = compose_with(c, test::repository_templates(compose::Lang::En),
                              "agenda", "CCQM-30", diags);
  REQUIRE(d);
  CHECK(d->meta.subject == "Extraordinary session");
}

TEST_CASE("French documents use French dates and fixed texts", "[compose][i18n][fr]") {
  auto c = test::sample_committee();
  c.plenaries.back().start = model::Date{2026, 4, 1};
  c.plenaries.back().end = model::Date{2026, 5, 2};
  c.agendas[0].days[0].date = model::Date{2026, 4, 1};
  Diagnostics diags;
  const auto d = compose_with(c, test::repository_templates(compose::Lang::Fr),
                              "agenda", "CCQM-30", diags);
  REQUIRE(d);
  const std::string text = test::all_text(*d);
  CHECK(text.find("1er avril – 2 mai 2026") != std::string::npos);
  CHECK(text.find("mercredi 1er avril 2026") != std::string::npos);
  CHECK(text.find("Ordre du jour") != std::string::npos);
  CHECK(text.find("Décision") != std::string::npos);
}

TEST_CASE("heading anchors are unique and internal references point at them",
          "[compose][anchors]") {
  auto c = test::sample_committee();
  Diagnostics diags;
  const auto d = compose_with(c, test::repository_templates(compose::Lang::En),
                              "briefing-pack", "CCQM-30", diags);
  REQUIRE(d);
  std::set<std::string> anchors;
  for (const auto* h : headings(*d)) {
    CHECK(anchors.insert(h->anchor).second);
    CHECK(h->anchor.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
          std::string::npos);
  }
  CHECK(anchors.count("tg-ccqm-tg-clinical"));
  CHECK(anchors.count("day-2026-04-14"));
}

TEST_CASE("template conventions: directives, explicit anchors, widths and partials",
          "[compose][template]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["agenda.md"] =
      "<!-- title center -->\n{{plenary.title}}\n\n<!-- note -->\nsmall print\n\n"
      "<!-- pagebreak -->\n\n<!-- contents -->\n\n# Same {#x}\n\n# Same {#x}\n\n"
      "<!-- nocontents -->\n## {{plenary.id}} {#p-{{plenary.id}}}\n\n"
      "See [the first](#x) and [nowhere](#missing).\n\n"
      "<!-- widths 1 3 -->\n| a | b |\n|:-:|--:|\n| {{plenary.number}} | <br> |\n\n"
      "<!-- not a directive -->\n\n{{> tiny}}\n";
  t.files["partials/tiny.md"] = "from the partial: {{committee.id}}\n";
  Diagnostics diags;
  const auto d = compose_with(test::sample_committee(), t, "agenda", "CCQM-30", diags);
  REQUIRE(d);
  const std::string dump = doc::dump(*d);
  INFO(dump);
  CHECK(dump.find("Paragraph title center\n    Text \"30th meeting of the CCQM\"") !=
        std::string::npos);
  CHECK(dump.find("Paragraph note\n    Text \"small print\"") != std::string::npos);
  CHECK(dump.find("  PageBreak\n  Contents\n") != std::string::npos);
  CHECK(dump.find("Heading 1 #x\n") != std::string::npos);
  CHECK(dump.find("Heading 1 #x-2\n") != std::string::npos);
  CHECK(dump.find("Heading 2 #p-ccqm-30 (not in contents)\n    Text \"CCQM-30\"") !=
        std::string::npos);
  CHECK(dump.find("    Ref #x\n      Text \"the first\"\n    Text \" and nowhere.\"") !=
        std::string::npos);
  CHECK(dump.find("Table header_rows=1 aligns=center,right weights=1.00,3.00") !=
        std::string::npos);
  CHECK(dump.find("not a directive") == std::string::npos);  // the author's comment is left out
  CHECK(diags.empty());
  CHECK(dump.find("Text \"from the partial: CCQM\"") != std::string::npos);
}

TEST_CASE("an unbalanced Mustache section is reported at the template's path and line",
          "[compose][errors]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["agenda.md"] = "# Agenda\n\nline three\n{{#plenary}}\n{{title}}\n";
  t.file_paths["agenda.md"] = "templates/agenda.md";
  Diagnostics diags;
  CHECK_FALSE(compose_with(test::sample_committee(), t, "agenda", "CCQM-30", diags));
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& e = diags.items().front();
  CHECK(e.pos.path == "templates/agenda.md");
  CHECK(e.pos.line == 4);
  CHECK(e.pos.col == 1);
  CHECK(e.message == "unclosed section 'plenary' in template");
}

TEST_CASE("an unclosed tag in a partial is reported at the partial's path and line",
          "[compose][errors]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["partials/agenda-body.md"] = "ok\nstill ok {{x}}\nbroken {{title\n";
  t.file_paths["partials/agenda-body.md"] = "my-root/templates/partials/agenda-body.md";
  Diagnostics diags;
  CHECK_FALSE(
      compose_with(test::sample_committee(), t, "briefing-pack", "CCQM-30", diags));
  REQUIRE(diags.error_count() == 1);
  const Diagnostic& e = diags.items().front();
  CHECK(e.pos.path == "my-root/templates/partials/agenda-body.md");
  CHECK(e.pos.line == 3);
  CHECK(e.pos.col == 8);
  CHECK(e.message == "unclosed tag in template");
}

TEST_CASE("a missing partial is an error naming the file", "[compose][errors]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["agenda.md"] = "{{> nowhere}}\n";
  Diagnostics diags;
  CHECK_FALSE(compose_with(test::sample_committee(), t, "agenda", "CCQM-30", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().front().message == "template file 'partials/nowhere.md' not found");
}

TEST_CASE("every document of the repository's sample committee composes", "[compose][sample]") {
  const std::filesystem::path root(PLENARY_SOURCE_DIR);
  if (!std::filesystem::exists(root / "data" / "committee.yaml")) return;
  Diagnostics diags;
  const auto committee = model::load_committee(root, diags);
  INFO((diags.empty() ? std::string() : format(diags.items().front())));
  REQUIRE(committee);
  for (const auto lang : {compose::Lang::En, compose::Lang::Fr}) {
    const auto t = test::repository_templates(lang);
    const auto specs = compose::plan_documents(*committee);
    CHECK(specs.size() >= 3);
    for (const auto& spec : specs) {
      if (compose::kind_of(spec).product) continue;  // the calendar: not a Document
      Diagnostics d;
      const auto document = compose::compose(*committee, spec, t, d);
      INFO(spec.output_stem << (d.empty() ? std::string() : ": " + format(d.items().front())));
      REQUIRE(document);
      CHECK_FALSE(headings(*document).empty());
      CHECK(compose::fingerprint(*committee, spec, t) == compose::fingerprint(*committee, spec, t));
    }
  }
}

TEST_CASE("documents composed on several threads at once equal those composed one by one",
          "[compose][threads]") {
  ::unsetenv("SOURCE_DATE_EPOCH");
  const auto c = test::sample_committee();
  const auto t = test::repository_templates(compose::Lang::En);
  auto specs = compose::plan_documents(c);
  specs.erase(std::remove_if(specs.begin(), specs.end(),
                             [](const auto& s) { return compose::kind_of(s).product.has_value(); }),
              specs.end());  // the calendar: not a Document
  std::vector<std::string> expected;
  for (const auto& spec : specs) {
    Diagnostics diags;
    expected.push_back(doc::dump(*compose::compose(c, spec, t, diags)));
  }
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < got.size(); ++k) {
    threads.emplace_back([&, k] {
      for (const auto& spec : specs) {
        Diagnostics diags;
        const auto d = compose::compose(c, spec, t, diags);
        got[k].push_back(d ? doc::dump(*d) : std::string());
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& run : got) CHECK(run == expected);
}

TEST_CASE("a misspelt directive is left out with a warning at its line", "[compose][template]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["agenda.md"] = "# A\n\n<!-- pagebrake -->\n\ntext <b>inline</b>\n";
  t.file_paths["agenda.md"] = "templates/agenda.md";
  Diagnostics diags;
  const auto d = compose_with(test::sample_committee(), t, "agenda", "CCQM-30", diags);
  REQUIRE(d);
  REQUIRE(diags.items().size() == 1);
  CHECK(format(diags.items().front()) ==
        "templates/agenda.md:3:1: warning: unknown directive 'pagebrake' (the comment is left out) "
        "(hint: did you mean 'pagebreak'?)");
  const std::string dump = doc::dump(*d);
  CHECK(dump.find("PageBreak") == std::string::npos);
  CHECK(dump.find("Text \"text <b>inline</b>\"") != std::string::npos);  // other HTML: text
}

TEST_CASE("the data holds only what a template names, and renders as the whole context would",
          "[compose][template]") {
  auto t = test::repository_templates(compose::Lang::En);
  auto c = test::sample_committee();
  // A partial tag whose name finds a string of the data renders that string as a template,
  // whose tags ("organisation") the template texts do not hold.
  c.plenaries.back().title = "Title of {{committee.organisation}}";
  t.files["agenda.md"] = "{{#plenary}}[{{> title}}]{{/plenary}}\n\n{{committee.id}}\n";
  t.files["partials/title.md"] = "the partial\n";
  Diagnostics diags;
  const auto d = compose_with(c, t, "agenda", "CCQM-30", diags);
  REQUIRE(d);
  CHECK(test::all_text(*d) == "[Title of BIPM]\nCCQM\n");
  CHECK(diags.empty());

  // A name the context lacks is still unknown, with the hint the whole context gives.
  t.files["agenda.md"] = "{{committee.id}} {{committee.organisatoin}}\n";
  CHECK_FALSE(compose_with(c, t, "agenda", "CCQM-30", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.items().front()) ==
        "templates/agenda.md:1:18: error: unknown field 'committee.organisatoin' in template "
        "(hint: did you mean 'committee.organisation'?)");

  // ... also for members the context built for this template leaves out (persons).
  t.files["task-group-report.md"] = "{{tg.id}} {{tg.membres}}\n";
  Diagnostics report_diags;
  CHECK_FALSE(compose_with(c, t, "final-report", "CCQM-TG-ARCHIVE", report_diags));
  REQUIRE(report_diags.error_count() == 1);
  CHECK(format(report_diags.items().front()) ==
        "templates/task-group-report.md:1:11: error: unknown field 'tg.membres' in template "
        "(hint: did you mean 'tg.members'?)");
}

TEST_CASE("a partial that includes itself is an error, not an endless render",
          "[compose][errors]") {
  auto t = test::repository_templates(compose::Lang::En);
  t.files["agenda.md"] = "{{> a}}\n";
  t.files["partials/a.md"] = "a {{> b}}\n";
  t.files["partials/b.md"] = "b {{> a}}\n";
  Diagnostics diags;
  CHECK_FALSE(compose_with(test::sample_committee(), t, "agenda", "CCQM-30", diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items().front().message == "template 'partials/a.md' includes itself");
}

TEST_CASE("a spec that names nothing in the committee is an error at its output",
          "[compose][errors]") {
  const auto c = test::sample_committee();
  const auto t = test::repository_templates(compose::Lang::En);
  Diagnostics diags;
  const compose::DocumentSpec agenda{"agenda", "CCQM-26", "CCQM-26/CCQM-26-agenda"};
  CHECK_FALSE(compose::compose(c, agenda, t, diags));  // CCQM-26 has no agenda
  REQUIRE(diags.error_count() == 1);
  CHECK(format(diags.items().front()) ==
        "CCQM-26/CCQM-26-agenda: error: 'CCQM-26' names no plenary with an agenda or task group "
        "of the committee");
}

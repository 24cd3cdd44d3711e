// A small committee built by hand (no loader involved), and helpers shared by compose tests.
#pragma once

#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "model/model.hpp"

namespace plenary::test {

// CCQM-like: five plenaries (CCQM-26..30, 30 with a two-day agenda), four sectors, a plan,
// two criteria, four stakeholders, four task groups (closed, active, planned, and a closed one
// that no agenda mentions: CCQM-TG-ARCHIVE).
model::Committee sample_committee();

// Numbers agenda items and computes their start times and lengths, as the model does.
void schedule(model::Agenda& agenda);

model::Markdown md(const std::string& source);
model::Person person(const std::string& name, const std::string& institute = {});

// The program's own templates (the repository's templates/ folder).
compose::TemplateSet repository_templates(compose::Lang lang);

// Every Text, Code and link URL of a document joined by newlines: what a reader sees.
std::string all_text(const doc::Document& document);

const compose::DocumentSpec& spec_for(const std::vector<compose::DocumentSpec>& specs,
                                      const std::string& kind, const std::string& id);

}  // namespace plenary::test

#pragma once
// The problems that carry a code: their wording in English and in Traditional Chinese.
// A coded problem's English sentence is its message (logs, the CLI); clients translate the
// code with its params instead of the sentence (the web app's locales word every code), so
// no client has to recognise English prose.
#include <span>
#include <string>
#include <string_view>

#include "core/language.h"
#include "core/problem.h"

namespace planscore::core {

// "{name}" in a wording stands for the param `name`.
struct ProblemWording {
  std::string_view code;
  std::string_view english;
  std::string_view traditional_chinese;
};

std::span<const ProblemWording> problem_wordings();

// The sentence for `code` with its params filled in (a missing param stays "{name}").
// Throws std::out_of_range for a code without wording.
std::string word_problem(std::string_view code, const ProblemParams& params, Language language);

// A problem at `path` with `code` and `params`, its message the English wording.
Problem coded_problem(std::string path, std::string_view code, ProblemParams params = {});

}  // namespace planscore::core

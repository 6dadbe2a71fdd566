#include "core/plan/narrative.h"

#include <gtest/gtest.h>

#include <map>

namespace planscore::core {
namespace {

const std::string kSeedSentence =
    "本府 100 至 103 年度紙本收文總量計 {{documents_received_paper 100-103 | 萬}} 件";

Metric metric_with(std::string id, int decimals) {
  Metric metric;
  metric.id = std::move(id);
  metric.name = metric.id;
  metric.decimals = decimals;
  metric.formula = "1";
  return metric;
}

Plan plan_with_metrics() {
  Plan plan;
  plan.metrics = {metric_with("documents_received_paper", 0), metric_with("satisfaction", 2)};
  return plan;
}

MetricReference reference(std::string metric, int first, int last,
                          NumberStyle style = NumberStyle::plain,
                          std::optional<int> decimals = std::nullopt) {
  return {std::move(metric), first, last, style, decimals};
}

std::vector<MetricReference> references(const ParsedNarrative& parsed) {
  std::vector<MetricReference> found;
  for (const auto& segment : parsed.segments)
    if (const auto* ref = std::get_if<MetricReference>(&segment)) found.push_back(*ref);
  return found;
}

std::string all(const Problems& problems) {
  std::string text;
  for (const auto& problem : problems) text += to_string(problem) + "\n";
  return text;
}

// The one problem a text has, as "path: message".
std::string only_problem(std::string_view text) {
  const auto parsed = parse_narrative(text);
  if (parsed.problems.size() != 1) return "expected one problem, got:\n" + all(parsed.problems);
  return to_string(parsed.problems[0]);
}

TEST(Narrative, SplitsTheSeedSentenceIntoTextAndAReference) {
  const auto parsed = parse_narrative(kSeedSentence);
  EXPECT_TRUE(parsed.problems.empty()) << all(parsed.problems);
  ASSERT_EQ(parsed.segments.size(), 3u);
  EXPECT_EQ(std::get<std::string>(parsed.segments[0]), "本府 100 至 103 年度紙本收文總量計 ");
  EXPECT_EQ(std::get<MetricReference>(parsed.segments[1]),
            reference("documents_received_paper", 100, 103, NumberStyle::wan));
  EXPECT_EQ(std::get<std::string>(parsed.segments[2]), " 件");
}

TEST(Narrative, ReadsOneYearSpansAndFormats) {
  const auto parsed = parse_narrative(
      "{{a 104}}{{b 1-200}}{{c 104|約萬}}{{d 104 | .2}}{{e 104 | 萬 .1}}{{f 104 | .0 約萬}}");
  EXPECT_TRUE(parsed.problems.empty()) << all(parsed.problems);
  EXPECT_EQ(references(parsed), (std::vector<MetricReference>{
                                    reference("a", 104, 104), reference("b", 1, 200),
                                    reference("c", 104, 104, NumberStyle::approximate_wan),
                                    reference("d", 104, 104, NumberStyle::plain, 2),
                                    reference("e", 104, 104, NumberStyle::wan, 1),
                                    reference("f", 104, 104, NumberStyle::approximate_wan, 0)}));
  EXPECT_EQ(parsed.segments.size(), 6u);
}

TEST(Narrative, SpacesAroundTokensAreOptional) {
  for (const char* text : {"{{x 100-103|萬}}", "{{ x 100-103 | 萬 }}", "{{x\t100-103 |萬}}",
                           "{{  x   100-103   |   萬}}"}) {
    const auto parsed = parse_narrative(text);
    EXPECT_TRUE(parsed.problems.empty()) << text << "\n" << all(parsed.problems);
    EXPECT_EQ(references(parsed),
              std::vector<MetricReference>{reference("x", 100, 103, NumberStyle::wan)})
        << text;
  }
}

TEST(Narrative, TextWithoutReferencesIsOneLiteral) {
  const std::string text = "第一段 {單一大括號} 與 a|b。\n\n第二段。";
  const auto parsed = parse_narrative(text);
  EXPECT_TRUE(parsed.problems.empty());
  ASSERT_EQ(parsed.segments.size(), 1u);
  EXPECT_EQ(std::get<std::string>(parsed.segments[0]), text);
  EXPECT_TRUE(parse_narrative("").segments.empty());
}

TEST(Narrative, RenderingTextWithoutReferencesReturnsItUnchanged) {
  const std::string text = "持續改善各項軟硬體設施，提升 100% 品質。\n\n第二段 {x}。";
  int asked = 0;
  const auto rendered =
      render_narrative(parse_narrative(text), plan_with_metrics(), [&](const MetricReference&) {
        ++asked;
        return std::optional<double>(1);
      });
  EXPECT_EQ(rendered, text);
  EXPECT_EQ(asked, 0);
  EXPECT_EQ(render_narrative(parse_narrative(""), plan_with_metrics(), nullptr), "");
}

TEST(Narrative, RendersTheSeedSentence) {
  std::vector<MetricReference> asked;
  const auto rendered = render_narrative(parse_narrative(kSeedSentence), plan_with_metrics(),
                                         [&](const MetricReference& ref) {
                                           asked.push_back(ref);
                                           return std::optional<double>(470432);
                                         });
  EXPECT_EQ(rendered, "本府 100 至 103 年度紙本收文總量計 47 萬 0,432 件");
  EXPECT_EQ(asked, std::vector<MetricReference>{
                       reference("documents_received_paper", 100, 103, NumberStyle::wan)});
}

TEST(Narrative, RenderUsesTheMetricsDecimalsUnlessTheReferenceOverrides) {
  const std::map<std::string, double> values = {{"satisfaction", 91.655},
                                                {"documents_received_paper", 2892.4}};
  const auto value_of = [&](const MetricReference& ref) -> std::optional<double> {
    return values.at(ref.metric);
  };
  const auto render = [&](std::string_view text) {
    return render_narrative(parse_narrative(text), plan_with_metrics(), value_of);
  };
  EXPECT_EQ(render("{{satisfaction 104}}%"), "91.66%");
  EXPECT_EQ(render("{{satisfaction 104 | .1}}%"), "91.7%");
  EXPECT_EQ(render("{{documents_received_paper 104}} 件"), "2,892 件");
  EXPECT_EQ(render("{{documents_received_paper 104 | .2}} 件"), "2,892.40 件");
}

TEST(Narrative, AReferenceWithoutAValueRendersAsADash) {
  const auto rendered = render_narrative(
      parse_narrative("計 {{documents_received_paper 104 | 萬}} 件、{{nowhere 104}}"),
      plan_with_metrics(), [](const MetricReference&) { return std::nullopt; });
  EXPECT_EQ(rendered, "計 — 件、—");
}

TEST(Narrative, AMalformedReferenceStaysInTheTextAsWritten) {
  const std::string text = "甲 {{x 104 | 千}} 乙 {{y 105}} 丙";
  const auto parsed = parse_narrative(text);
  EXPECT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(render_narrative(parsed, plan_with_metrics(),
                             [](const MetricReference&) { return std::optional<double>(7); }),
            "甲 {{x 104 | 千}} 乙 7 丙");
}

TEST(Narrative, SyntaxProblemsSayWhereInCharacters) {
  EXPECT_EQ(only_problem("紙本 {{x 104"),
            "line 1, column 4: \"{{\" is not closed by \"}}\" on the same line");
  const auto split = parse_narrative("第一行\n紙本 {{x 104\n}}");
  EXPECT_EQ(all(split.problems),
            "line 2, column 4: \"{{\" is not closed by \"}}\" on the same line\n"
            "line 3, column 1: stray \"}}\" with no \"{{\" before it\n");
  EXPECT_EQ(only_problem("甲 {{x 104 乙 {{y 105}}"),
            "line 1, column 3: \"{{\" is not closed by \"}}\" on the same line");
  EXPECT_EQ(only_problem("共計 3 件}}"), "line 1, column 7: stray \"}}\" with no \"{{\" before it");
  EXPECT_EQ(only_problem("甲{{ }}"),
            "line 1, column 2: empty reference \"{{}}\": write {{metric_id 104}} or "
            "{{metric_id 100-103}}");
  EXPECT_EQ(only_problem("{{}}"), only_problem("{{ }}"));
}

TEST(Narrative, BadYears) {
  EXPECT_EQ(only_problem("{{x}}"),
            "line 1, column 1: no year after \"x\": write {{metric_id 104}} or "
            "{{metric_id 100-103}}");
  EXPECT_EQ(only_problem("{{x abc}}"), "line 1, column 5: \"abc\" is not an ROC year (1 to 200)");
  EXPECT_EQ(only_problem("{{x 0}}"), "line 1, column 5: \"0\" is not an ROC year (1 to 200)");
  EXPECT_EQ(only_problem("{{x 201}}"), "line 1, column 5: \"201\" is not an ROC year (1 to 200)");
  EXPECT_EQ(only_problem("{{x 2015}}"),
            "line 1, column 5: \"2015\" is not an ROC year (1 to 200); 2015 is ROC year 104");
  EXPECT_EQ(only_problem("{{x 100-1o3}}"),
            "line 1, column 9: \"1o3\" is not an ROC year (1 to 200)");
  EXPECT_EQ(only_problem("{{x 100-}}"), "line 1, column 9: \"\" is not an ROC year (1 to 200)");
  EXPECT_EQ(only_problem("{{x 103-100}}"),
            "line 1, column 5: in \"103-100\" the first year must be before the last (one year "
            "is written alone, e.g. 104)");
  EXPECT_NE(only_problem("{{x 103-103}}").find("the first year must be before the last"),
            std::string::npos);
  EXPECT_EQ(only_problem("{{x 100 - 103}}"),
            "line 1, column 9: unexpected \"-\" after the year; formats follow a \"|\"");
}

TEST(Narrative, BadMetricIdsAndExtraWords) {
  EXPECT_EQ(only_problem("{{Paper 104}}"),
            "line 1, column 3: \"Paper\" is not a metric id: lower-case letters, digits and _, "
            "starting with a letter");
  EXPECT_EQ(only_problem("{{x 104 萬}}"),
            "line 1, column 9: unexpected \"萬\" after the year; formats follow a \"|\"");
  EXPECT_EQ(only_problem("{{ | 萬}}"),
            "line 1, column 1: the reference names no metric: write {{metric_id 104}} or "
            "{{metric_id 100-103}}");
}

TEST(Narrative, BadFormats) {
  EXPECT_EQ(only_problem("{{x 104 | 千}}"),
            "line 1, column 11: unknown format \"千\": use 萬, 約萬 or .N (decimals, .0 to .6)");
  EXPECT_EQ(only_problem("{{x 104 | .7}}"),
            "line 1, column 11: unknown format \".7\": use 萬, 約萬 or .N (decimals, .0 to .6)");
  EXPECT_EQ(only_problem("{{x 104 | 2}}"),
            "line 1, column 11: unknown format \"2\": use 萬, 約萬 or .N (decimals, .0 to .6)");
  EXPECT_EQ(only_problem("{{x 104 |}}"),
            "line 1, column 9: nothing after \"|\": use 萬, 約萬 or .N (decimals, .0 to .6)");
  EXPECT_EQ(only_problem("{{x 104 | 萬 約萬}}"),
            "line 1, column 13: \"約萬\" after \"萬\": a reference takes one of 萬 and 約萬");
  EXPECT_EQ(only_problem("{{x 104 | 萬 萬}}"),
            "line 1, column 13: \"萬\" after \"萬\": a reference takes one of 萬 and 約萬");
  EXPECT_EQ(only_problem("{{x 104 | .1 .2}}"),
            "line 1, column 14: decimals are given twice (\".2\")");
  EXPECT_EQ(only_problem("{{x 104 | 萬 | .1}}"),
            "line 1, column 13: unknown format \"|\": use 萬, 約萬 or .N (decimals, .0 to .6)");
}

TEST(Narrative, ReportsEveryProblemInOnePass) {
  const auto parsed = parse_narrative("{{X 2015 | 千}}\n}}\n{{y 104");
  EXPECT_EQ(parsed.problems.size(), 5u) << all(parsed.problems);
}

TEST(Narrative, ReferenceTextRoundTrips) {
  for (const auto& ref :
       {reference("documents_received_paper", 100, 103, NumberStyle::wan), reference("a", 104, 104),
        reference("b", 104, 104, NumberStyle::approximate_wan, 0),
        reference("c", 1, 200, NumberStyle::plain, 6)}) {
    const auto text = reference_text(ref);
    EXPECT_EQ(references(parse_narrative(text)), std::vector<MetricReference>{ref}) << text;
  }
  EXPECT_EQ(reference_text(reference("documents_received_paper", 100, 103, NumberStyle::wan)),
            "{{documents_received_paper 100-103 | 萬}}");
  EXPECT_EQ(reference_text(reference("a", 104, 104, NumberStyle::plain, 1)), "{{a 104 | .1}}");
}

TEST(Narrative, CheckNamesUnknownMetricsWithTheirPlace) {
  const auto plan = plan_with_metrics();
  EXPECT_TRUE(check_narrative(kSeedSentence, plan).empty());
  EXPECT_TRUE(check_narrative("沒有引用的文字", plan).empty());
  const auto problems =
      check_narrative("甲\n乙 {{documents_received 104}} {{satisfaction 104}}", plan);
  ASSERT_EQ(problems.size(), 1u) << all(problems);
  EXPECT_EQ(to_string(problems[0]), "line 2, column 3: unknown metric \"documents_received\"");
  EXPECT_EQ(check_narrative("{{x 104 | 千}}", plan).size(), 1u);
}

TEST(Narrative, CheckListsProblemsInTextOrder) {
  const auto problems = check_narrative(
      "{{nowhere 104}}\n{{satisfaction 104 | 千}} {{elsewhere 104}}", plan_with_metrics());
  EXPECT_EQ(all(problems),
            "line 1, column 1: unknown metric \"nowhere\"\n"
            "line 2, column 22: unknown format \"千\": use 萬, 約萬 or .N (decimals, .0 to .6)\n"
            "line 2, column 26: unknown metric \"elsewhere\"\n");
}

// Every problem's place was counted from the start of the text, and every one was kept:
// 80,000 stray "}}" (160 KB) took 27 s, and 5 MB would take hours and gigabytes.
TEST(Narrative, ManyProblemsAreCountedNotAllListed) {
  std::string strays = "甲\n";
  for (int i = 0; i < 20000; ++i) strays += "}}";
  const auto parsed = parse_narrative(strays);
  ASSERT_EQ(parsed.problems.size(), 101u);
  EXPECT_EQ(to_string(parsed.problems[0]),
            "line 2, column 1: stray \"}}\" with no \"{{\" before it");
  EXPECT_EQ(parsed.problems[99].path, "line 2, column 199");
  EXPECT_EQ(to_string(parsed.problems[100]),
            "line 2, column 40001: 19900 more problems in this text are not listed; fix those "
            "above first");
  EXPECT_EQ(std::get<std::string>(parsed.segments.at(0)), strays);

  std::string unknown;
  for (int i = 0; i < 20000; ++i) unknown += "{{nowhere 104}} {{satisfaction 104 | 千}} ";
  const auto problems = check_narrative(unknown, plan_with_metrics());
  ASSERT_EQ(problems.size(), 101u);
  EXPECT_EQ(to_string(problems[1]),
            "line 1, column 38: unknown format \"千\": use 萬, 約萬 or .N (decimals, .0 to .6)");
  EXPECT_EQ(problems[99].path, "line 1, column " + std::to_string(49 * 41 + 38));
  EXPECT_NE(problems[100].message.find("39900 more problems"), std::string::npos)
      << problems[100].message;
}

}  // namespace
}  // namespace planscore::core

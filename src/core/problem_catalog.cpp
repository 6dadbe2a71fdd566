#include "core/problem_catalog.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace planscore::core {
namespace {

// Every coded problem. api/openapi.yaml lists the same codes (a test compares them) and
// web/src/locales words each one for the browser.
constexpr std::array kWordings{
    ProblemWording{"required", "a value is required", "此欄位必填"},
    ProblemWording{"required_field_empty", "required field \"{field}\" has no value",
                   "必填欄位「{field}」沒有值"},
    ProblemWording{"not_a_whole_number", "\"{text}\" is not a whole number", "「{text}」不是整數"},
    ProblemWording{"not_a_number", "\"{text}\" is not a number", "「{text}」不是數字"},
    ProblemWording{"above_max", "\"{text}\" is more than {max}, the field's max",
                   "「{text}」超過此欄的上限 {max}"},
    ProblemWording{"above_limit",
                   "\"{text}\" is more than {max}, the largest a number field without a max takes",
                   "「{text}」超過數字欄可接受的最大值 {max}"},
    ProblemWording{"below_min", "\"{text}\" is less than {min}, the field's min",
                   "「{text}」低於此欄的下限 {min}"},
    ProblemWording{"below_limit",
                   "\"{text}\" is less than {min}, the smallest a number field without a min takes",
                   "「{text}」低於數字欄可接受的最小值 {min}"},
    ProblemWording{"text_has_nul", "text cannot contain the NUL character (U+0000)",
                   "文字不可含 NUL 字元（U+0000）"},
    ProblemWording{"text_too_long",
                   "the text has {count} characters; a text field takes at most {max}",
                   "文字有 {count} 個字，文字欄最多 {max} 個字"},
    ProblemWording{
        "not_a_date",
        "\"{text}\" is not a date (expected e.g. 2015-03-15, 104/03/15 or 民國104年3月15日)",
        "「{text}」不是日期（例如 104/03/15、民國104年3月15日 或 2015-03-15）"},
    ProblemWording{"not_yes_no",
                   "\"{text}\" is not yes or no (expected 是/否, yes/no, y/n, true/false or 1/0)",
                   "「{text}」不是「是」或「否」（可填 是/否、yes/no、y/n、true/false 或 1/0）"},
    ProblemWording{"not_a_choice",
                   "\"{text}\" is not one of the choices (expected one of: {choices})",
                   "「{text}」不在選項中（可選：{choices}）"},
    ProblemWording{"not_a_section", "\"{text}\" is not a section id (expected one of: {sections})",
                   "「{text}」不是單位代碼（可填：{sections}）"},
    ProblemWording{"end_before_start", "the end date {end} is before the start date {start}",
                   "結束日期 {end} 早於開始日期 {start}"},
    ProblemWording{"locked_year", "the record belongs to year {year}, which is locked",
                   "這筆資料屬於民國 {year} 年，該年度已鎖定"},
    ProblemWording{"not_a_field",
                   "\"{name}\" is not a field of {register}; its fields are: {fields}",
                   "「{name}」不是 {register} 的欄位；欄位有：{fields}"},
    ProblemWording{"field_twice", "field \"{name}\" appears twice", "欄位「{name}」重複出現"},
    ProblemWording{"missing_column", "required column \"{name}\" ({field}) is missing",
                   "缺少必填欄位「{name}」（{field}）"},
    ProblemWording{"cell_count", "the row has {count} cells; the header has {header}",
                   "這一列有 {count} 格，但標題列有 {header} 格"},
    ProblemWording{"not_utf8",
                   "the text is not valid UTF-8 (save the file as UTF-8; a file saved by older "
                   "Excel may be Big5: import it as Big5)",
                   "文字不是有效的 UTF-8（請將檔案存成 UTF-8；舊版 Excel 存的檔案可能是 Big5，請以 "
                   "Big5 匯入）"},
    ProblemWording{"not_utf8_at",
                   "the text is not valid UTF-8 at byte {byte} ({hex}, line {line}); a file saved "
                   "by older Excel may be Big5",
                   "檔案第 {byte} 位元組（{hex}，第 {line} 行）不是有效的 UTF-8 文字；舊版 Excel "
                   "存的檔案可能是 Big5"},
    ProblemWording{"not_big5_at", "the text is not valid Big5 at byte {byte} ({hex}, line {line})",
                   "檔案第 {byte} 位元組（{hex}，第 {line} 行）不是有效的 Big5 文字"},
    ProblemWording{"row_already_there", "the register already holds this row as record {record}",
                   "此列已是登錄簿中的第 {record} 筆資料"},
    ProblemWording{"rows_already_there",
                   "{count} of the file's {rows} rows are already in the register: the file, or "
                   "one with the same rows, was imported before; nothing was imported. To load a "
                   "year's records again, import it replacing that year",
                   "檔案 {rows} 列中有 {count} "
                   "列已在登錄簿中：這個檔案（或內容相同的檔案）先前已匯入過，本次未匯入任何資料。"
                   "若要重新匯入某年度的資料，請選擇取代該年度"},
    ProblemWording{"outside_replaced_year",
                   "the row does not belong to year {year}, the year being replaced",
                   "此列不屬於要取代的民國 {year} 年"},
    ProblemWording{"explanation_needed",
                   "the result is {achievement}% of its target: write the reasons and the "
                   "improvements planned (未達成原因及改善措施) before submitting",
                   "達成度為 {achievement}%，未達目標：送出前請填寫未達成原因及改善措施"},
    ProblemWording{"not_a_stage",
                   "\"{value}\" is not a stage of this milestone indicator; the stages are "
                   "{stages}",
                   "「{value}」不是此里程碑指標的階段；階段為：{stages}"},
    ProblemWording{"same_person_steps",
                   "separation of duties: you took an earlier step of this review; another person "
                   "must take this one ({action})",
                   "職務分工：您已處理過此項審核的前一步驟，這一步（{action}）須由其他人處理"},
    ProblemWording{"locked_year_target",
                   "year {year} is locked: the target of {item} would change from {before} to "
                   "{after}",
                   "民國 {year} 年已鎖定：{item} 的目標值將由 {before} 變為 {after}"},
    ProblemWording{"locked_year_weight",
                   "year {year} is locked: the weight of {item} would change from {before} to "
                   "{after}",
                   "民國 {year} 年已鎖定：{item} 的權重將由 {before} 變為 {after}"},
    ProblemWording{"locked_year_value",
                   "year {year} is locked: the actual value of {item} would change from {before} "
                   "to {after}",
                   "民國 {year} 年已鎖定：{item} 的實際值將由 {before} 變為 {after}"},
    ProblemWording{"locked_year_light",
                   "year {year} is locked: the light of {item} would change from {before} to "
                   "{after}",
                   "民國 {year} 年已鎖定：{item} 的燈號將由 {before} 變為 {after}"},
    ProblemWording{"locked_year_score",
                   "year {year} is locked: the score of {item} would change from {before} to "
                   "{after}",
                   "民國 {year} 年已鎖定：{item} 的得分將由 {before} 變為 {after}"},
    ProblemWording{"locked_year_indicator_added",
                   "year {year} is locked: indicator {item} would be added to it",
                   "民國 {year} 年已鎖定：不能為該年度新增指標 {item}"},
    ProblemWording{"locked_year_indicator_removed",
                   "year {year} is locked: indicator {item} would be removed from it",
                   "民國 {year} 年已鎖定：不能自該年度移除指標 {item}"},
    ProblemWording{"locked_year_outside_plan",
                   "year {year} is locked and would no longer be a year of the plan",
                   "民國 {year} 年已鎖定，不能自計畫年度中移除"},
    ProblemWording{"no_value_source",
                   "indicator {indicator} has no formula and no value entered for any year: give "
                   "it a formula, or enter its value by hand every year",
                   "指標 {indicator} 沒有計算公式，也還沒有任何年度的實際值：請為它設定公式，"
                   "或每年以人工輸入實際值"},
    ProblemWording{"password_change_required",
                   "choose your own password first: the current one was set by an administrator",
                   "您的密碼由管理者設定，請先變更為您自己的密碼再繼續"},
    ProblemWording{"file_empty", "the file is empty; the first line must name the columns",
                   "檔案是空的；第一行須列出欄位名稱"},
};

}  // namespace

std::span<const ProblemWording> problem_wordings() {
  return kWordings;
}

std::string word_problem(std::string_view code, const ProblemParams& params, Language language) {
  const auto wording = std::find_if(kWordings.begin(), kWordings.end(),
                                    [&](const ProblemWording& w) { return w.code == code; });
  if (wording == kWordings.end())
    throw std::out_of_range("no wording for the problem code " + std::string(code));
  const std::string_view text =
      language == Language::english ? wording->english : wording->traditional_chinese;
  std::string worded;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      worded += text.substr(at);
      break;
    }
    worded += text.substr(at, open - at);
    const std::string name(text.substr(open + 1, close - open - 1));
    const auto param = params.find(name);
    worded += param != params.end() ? param->second : "{" + name + "}";
    at = close + 1;
  }
  return worded;
}

Problem coded_problem(std::string path, std::string_view code, ProblemParams params) {
  Problem problem{std::move(path), "", std::string(code), std::move(params)};
  problem.message = word_problem(code, problem.params, Language::english);
  return problem;
}

}  // namespace planscore::core

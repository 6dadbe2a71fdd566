#include "service/demo.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/calendar/roc.h"
#include "service/audit.h"
#include "service/records.h"

namespace planscore::service {
namespace {

// The demo's yearly outcomes, chosen against the shipped plan's targets to give a mix
// of lights (comments: achievement → light).
const std::map<int, int> kRecordsTrainingParticipants{
    {104, 520}, {105, 470}, {106, 540}, {107, 410}};  // g y g r
const std::map<int, double> kSwitchboardAverage{
    {104, 91.2}, {105, 90.5}, {106, 92.8}, {107, 93.4}};  // g y g g
const std::map<int, std::pair<int, int>> kVolunteerJoinsLeaves{
    {104, {5, 2}}, {105, {2, 3}}, {106, {3, 2}}, {107, {2, 2}}};  // 44 43 44 44: g r g y
const std::map<int, int> kProcurementTrainees{
    {104, 320}, {105, 365}, {106, 372}, {107, 468}};  // g g y g
const std::map<int, int> kCasesWithoutETendering{
    {104, 0}, {105, 0}, {106, 10}, {107, 0}};  // of 720: g g y g
const std::map<int, std::pair<int, int>> kFailedTendersCompleted{
    {104, {25, 19}}, {105, {25, 18}}, {106, {25, 21}}, {107, {20, 14}}};                  // g y g r
const std::map<int, int> kSafetyDefects{{104, 168}, {105, 158}, {106, 121}, {107, 142}};  // g y g r
const std::map<int, std::pair<int, int>> kVacanciesReported{
    {104, {12, 5}}, {105, {11, 4}}, {106, {14, 6}}, {107, {10, 3}}};  // g y g r
const std::map<int, int> kLearningHoursPerHead{
    {104, 84}, {105, 88}, {106, 86}, {107, 93}};  // g g y g
const std::map<int, int> kNewlyCertified{
    {104, 6}, {105, 1}, {106, 0}, {107, 4}};  // 66 67 67 71 of 120: g g y g
const std::map<int, std::pair<double, double>> kExecutionRates{
    {104, {81.07, 91.66}},
    {105, {85.2, 70.1}},
    {106, {76.4, 88.0}},
    {107, {83.0, 79.0}}};  // current, capital

constexpr int kStaff = 120;
constexpr int kCertifiedBeforePlan = 60;
constexpr int kVolunteersAt103 = 41;
constexpr int kCasesPerYear = 720;

const std::array<const char*, 20> kSurnames{"陳", "林", "黃", "張", "李", "王", "吳",
                                            "劉", "蔡", "楊", "許", "鄭", "謝", "郭",
                                            "洪", "曾", "邱", "廖", "賴", "周"};
const std::array<const char*, 16> kGivenNames{"淑芬", "美玲", "雅婷", "志明", "俊傑", "怡君",
                                              "家豪", "宗翰", "佩君", "建宏", "欣怡", "冠宇",
                                              "惠雯", "承恩", "明哲", "雅雯"};
const std::array<const char*, 10> kAgencies{"秘書處", "民政局", "財政局", "教育局", "經濟發展局",
                                            "建設局", "交通局", "社會局", "勞工局", "文化局"};
const std::array<const char*, 8> kCaseTitles{
    "市政大樓清潔勞務採購", "公務車輛維修",     "辦公用品採購",   "會議室視聽設備汰換",
    "資訊設備維護",         "大樓機電設備保養", "公共藝術品維護", "員工餐廳委外經營"};
const std::array<const char*, 6> kLocations{"臺灣大道市政大樓惠中樓", "臺灣大道市政大樓文心樓",
                                            "陽明市政大樓",           "地下停車場",
                                            "市政大樓廣場",           "員工餐廳"};
const std::array<const char*, 6> kDefects{"地面濕滑未設警示", "緊急照明故障",     "逃生指示燈不亮",
                                          "樓梯扶手鬆動",     "消防栓前堆放雜物", "天花板漏水"};

std::string person_name(int n) {
  return std::string(kSurnames[n % kSurnames.size()]) +
         kGivenNames[(n / kSurnames.size() + n) % kGivenNames.size()];
}

std::string date(int roc_year, int month, int day) {
  return core::Date{core::to_gregorian_year(roc_year), month, day}.iso();
}

// Spreads the n-th of `count` events over a year on valid days.
std::string spread_date(int roc_year, int index, int count) {
  const int day_of_year = index * 336 / std::max(count, 1);  // 12 months × 28 days
  return date(roc_year, day_of_year / 28 + 1, day_of_year % 28 + 1);
}

// Splits `total` into `parts` whole numbers that differ a little but add up exactly.
std::vector<int> split(int total, int parts) {
  static const std::array<int, 8> kOffsets{12, -7, 5, -10, 3, -6, 9, -6};
  std::vector<int> result(parts, total / parts);
  result[0] += total % parts;
  for (int i = 0; i + 1 < parts; i += 2) {
    result[i] += kOffsets[i % kOffsets.size()];
    result[i + 1] -= kOffsets[i % kOffsets.size()];
  }
  return result;
}

// Collects every register's demo rows, then writes them: the registers it fills must all
// be empty first (others, such as the shipped history, may hold records).
class DemoBuilder {
 public:
  DemoBuilder(store::Store& store, const core::Plan& plan) : store_(store), plan_(plan) {}

  void add(const std::string& register_id, std::vector<std::string> header,
           std::vector<std::vector<std::string>> rows) {
    core::CsvTable table;
    table.header = std::move(header);
    table.rows = std::move(rows);
    tables_.emplace_back(register_id, std::move(table));
  }

  DemoSummary write() {
    for (const auto& [register_id, table] : tables_) {
      const auto* reg = plan_.find_register(register_id);
      if (reg != nullptr && store_.count_records(*reg) > 0)
        throw std::runtime_error(
            "register \"" + register_id +
            "\" already holds records; demo data goes into empty registers only");
    }
    DemoSummary summary;
    for (const auto& [register_id, table] : tables_) {
      auto report = import_table(store_, plan_, system_actor(), register_id, table);
      if (!report.ok()) {
        const std::string reason = core::to_string(import_problems(report).front());
        throw std::runtime_error("demo data does not fit register \"" + register_id +
                                 "\": " + reason);
      }
      summary.registers += 1;
      summary.records += report.imported;
    }
    return summary;
  }

 private:
  store::Store& store_;
  const core::Plan& plan_;
  std::vector<std::pair<std::string, core::CsvTable>> tables_;
};

void records_trainings(DemoBuilder& demo) {
  static const std::array<const char*, 4> kTitles{"文書處理實務研習", "檔案管理實務研習",
                                                  "公文線上簽核操作研習", "檔案清理作業研習"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, total] : kRecordsTrainingParticipants) {
    auto sessions = split(total, 8);
    for (int i = 0; i < 8; ++i)
      rows.push_back({date(year, i + 2, 10 + i), kTitles[i % kTitles.size()],
                      std::to_string(sessions[i]), fmt::format("{:.1f}", 4.2 + (i % 5) * 0.1)});
  }
  demo.add("records_trainings", {"held_on", "title", "participants", "satisfaction"},
           std::move(rows));
}

void switchboard_audits(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, average] : kSwitchboardAverage) {
    // Offsets come in ± pairs so the year's average is exactly the planned one.
    for (int i = 0; i < 36; ++i) {
      const double offset = (((i / 2) * 7) % 9 - 4) * 0.5 * (i % 2 == 0 ? 1 : -1);
      rows.push_back({date(year, i / 3 + 1, 5 + i % 3 * 7), person_name(i % 3),
                      fmt::format("{:.1f}", average + offset)});
    }
  }
  demo.add("switchboard_audits", {"audited_on", "operator", "score"}, std::move(rows));
}

void volunteers(DemoBuilder& demo) {
  static const std::array<const char*, 3> kServices{"導覽", "服務台", "電話問安"};
  struct Volunteer {
    std::string joined, left;
  };
  std::vector<Volunteer> roster;
  for (int i = 0; i < kVolunteersAt103; ++i)
    roster.push_back({date(99 + i % 5, i % 12 + 1, i % 28 + 1), ""});
  std::size_t next_to_leave = 0;
  for (const auto& [year, change] : kVolunteerJoinsLeaves) {
    for (int j = 0; j < change.first; ++j) roster.push_back({date(year, 2 + j * 2, 15), ""});
    for (int l = 0; l < change.second; ++l)
      roster[next_to_leave++].left = date(year, 6 + l, 30 - 2);
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < roster.size(); ++i)
    rows.push_back({person_name(static_cast<int>(i) + 7), roster[i].joined, roster[i].left,
                    kServices[i % kServices.size()]});
  demo.add("volunteers", {"name", "joined", "left", "service"}, std::move(rows));
}

void procurement_trainings(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, trainees] : kProcurementTrainees) {
    auto sessions = split(trainees, 6);
    for (int i = 0; i < 6; ++i)
      rows.push_back({date(year, i * 2 + 1, 20), fmt::format("採購專業人員基礎訓練第{}期", i + 1),
                      "採購專業人員訓練", std::to_string(sessions[i])});
    for (int i = 0; i < 3; ++i)
      rows.push_back({date(year, i * 3 + 3, 8), fmt::format("採購法專題講座（{}）", i + 1),
                      "採購法專題講座", std::to_string(55 + i * 7)});
    rows.push_back({date(year, 9, 12), "採購業務說明會", "採購業務說明會", "126"});
  }
  demo.add("procurement_trainings", {"held_on", "title", "category", "participants"},
           std::move(rows));
}

void procurement_cases(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, without] : kCasesWithoutETendering) {
    for (int i = 0; i < kCasesPerYear; ++i) {
      // The cases without e-tendering are spread over the year, not bunched at the end.
      const bool paper = without > 0 && i % (kCasesPerYear / without) == 0 &&
                         i / (kCasesPerYear / without) < without;
      rows.push_back({spread_date(year, i, kCasesPerYear), fmt::format("{}{:04d}", year, i + 1),
                      kCaseTitles[i % kCaseTitles.size()], kAgencies[i % kAgencies.size()],
                      paper ? "否" : "是"});
    }
  }
  demo.add("procurement_cases", {"announced_on", "case_no", "title", "agency", "e_tendering"},
           std::move(rows));
}

void failed_tenders(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, cases] : kFailedTendersCompleted) {
    const auto [listed, completed] = cases;
    for (int i = 0; i < listed; ++i) {
      const char* outcome = i < completed ? "已決標" : (i % 3 == 0 ? "撤案" : "辦理中");
      rows.push_back({spread_date(year, i, listed), fmt::format("{}F{:03d}", year, i + 1),
                      kAgencies[(i * 3) % kAgencies.size()], i % 2 == 0 ? "流標" : "廢標",
                      outcome});
    }
  }
  demo.add("failed_tenders", {"listed_on", "case_no", "agency", "reason", "outcome"},
           std::move(rows));
}

void safety_defects(DemoBuilder& demo) {
  static const std::array<const char*, 3> kSources{"巡檢人員", "同仁", "民眾"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, count] : kSafetyDefects)
    for (int i = 0; i < count; ++i)
      rows.push_back({spread_date(year, i, count), kSources[i % 5 < 3 ? 0 : (i % 5 == 3 ? 1 : 2)],
                      kLocations[i % kLocations.size()], kDefects[(i / 2) % kDefects.size()],
                      i % 9 == 0 ? "否" : "是"});
  demo.add("safety_defects", {"reported_on", "source", "location", "description", "fixed"},
           std::move(rows));
}

void hr_compliance(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (int year = 104; year <= 107; ++year) {
    const bool short_of_quota = year == 106;
    rows.push_back({std::to_string(year), "4", short_of_quota ? "3" : "5", "1", "1",
                    short_of_quota ? "否" : "是"});
  }
  demo.add("hr_compliance",
           {"year", "disabled_required", "disabled_employed", "indigenous_required",
            "indigenous_employed", "compliant"},
           std::move(rows));
}

void vacancies(DemoBuilder& demo) {
  static const std::array<const char*, 5> kPositions{"科員", "辦事員", "專員", "書記", "技士"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, counts] : kVacanciesReported) {
    const auto [vacated, reported] = counts;
    for (int i = 0; i < vacated; ++i)
      rows.push_back({spread_date(year, i, vacated), kPositions[i % kPositions.size()],
                      i < reported ? "是" : "否"});
  }
  demo.add("vacancies", {"vacated_on", "position", "reported_for_exam"}, std::move(rows));
}

std::string employee_no(int n) {
  return fmt::format("S{:04d}", n + 1);
}

void staff(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < kStaff; ++i)
    rows.push_back(
        {employee_no(i), person_name(i + 3), date(84 + i % 20, i % 12 + 1, i % 28 + 1), ""});
  demo.add("staff", {"employee_no", "name", "joined", "left"}, std::move(rows));
}

void learning_hours(DemoBuilder& demo) {
  static const std::array<const char*, 4> kCourses{"行政中立研習", "性別主流化課程",
                                                   "資訊安全教育訓練", "政策及法制課程"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, per_head] : kLearningHoursPerHead) {
    for (int e = 0; e < kStaff; ++e) {
      // Neighbours differ by the same amount in opposite directions: the mean stays exact.
      const int spread = (e / 2) % 7;
      const double hours = per_head + (e % 2 == 0 ? spread : -spread);
      for (int c = 0; c < 4; ++c)
        rows.push_back({date(year, c * 3 + 2, e % 28 + 1), employee_no(e), kCourses[c],
                        fmt::format("{:.2f}", hours / 4)});
    }
  }
  demo.add("learning_hours", {"completed_on", "employee_no", "course", "hours"}, std::move(rows));
}

void language_certificates(DemoBuilder& demo) {
  static const std::array<const char*, 3> kLanguages{"英語", "日語", "韓語"};
  std::vector<std::vector<std::string>> rows;
  for (int e = 0; e < kCertifiedBeforePlan; ++e)
    rows.push_back(
        {date(97 + e % 7, e % 12 + 1, 15), employee_no(e), "英語", e % 3 == 0 ? "中高級" : "中級"});
  int certified = kCertifiedBeforePlan;
  for (const auto& [year, newly] : kNewlyCertified) {
    for (int n = 0; n < newly; ++n, ++certified)
      rows.push_back({date(year, 3 + n, 18), employee_no(certified),
                      kLanguages[n % kLanguages.size()], "中級"});
    // Some already-certified staff pass a second language: the count of people stays.
    rows.push_back({date(year, 10, 8), employee_no(year - 100), "日語", "N2"});
  }
  demo.add("language_certificates", {"passed_on", "employee_no", "language", "level"},
           std::move(rows));
}

void budget_execution(DemoBuilder& demo) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [year, rates] : kExecutionRates) {
    const double current_budget = 412350 + (year - 104) * 6200;
    const double capital_budget = 58600 - (year - 104) * 2400;
    for (const auto& [category, budget, rate] :
         {std::tuple{"經常門", current_budget, rates.first},
          std::tuple{"資本門", capital_budget, rates.second}}) {
      const double executed = budget * rate / 100;
      const double spent = executed * 0.9;
      const double payable = executed * 0.07;
      rows.push_back({std::to_string(year), category, fmt::format("{:.3f}", budget),
                      fmt::format("{:.3f}", spent), fmt::format("{:.3f}", payable),
                      fmt::format("{:.3f}", executed - spent - payable)});
    }
  }
  demo.add("budget_execution", {"year", "category", "budget", "spent", "payable", "savings"},
           std::move(rows));
}

}  // namespace

DemoSummary load_demo(store::Store& store, const core::Plan& plan) {
  DemoBuilder demo(store, plan);
  records_trainings(demo);
  switchboard_audits(demo);
  volunteers(demo);
  procurement_trainings(demo);
  procurement_cases(demo);
  failed_tenders(demo);
  safety_defects(demo);
  hr_compliance(demo);
  vacancies(demo);
  staff(demo);
  learning_hours(demo);
  language_certificates(demo);
  budget_execution(demo);
  return demo.write();
}

}  // namespace planscore::service

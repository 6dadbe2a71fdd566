#include "crash/workload.h"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "api/api_fixture.h"
#include "crash/observation.h"

namespace planscore::test {
namespace {

using nlohmann::json;

std::unique_ptr<ApiSession> sign_in(const std::string& base_url, const Accounts& accounts,
                                    const std::string& name) {
  auto session = std::make_unique<ApiSession>(base_url, name, accounts.at(name));
  if (session->login_result.status != 201)
    throw std::runtime_error("cannot sign in " + name + ": " + session->login_result.body);
  return session;
}

int uniform(std::mt19937& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

std::string random_date(std::mt19937& rng) {
  return fmt::format("{}-{:02}-{:02}", uniform(rng, 2015, 2018), uniform(rng, 1, 12),
                     uniform(rng, 1, 28));
}

// A record's values as the server shows them (dates ISO, numbers as numbers), with `tag`
// in the register's tag field.
json random_values(const std::string& register_id, const std::string& tag, std::mt19937& rng) {
  if (register_id == "records_trainings")
    return {{"held_on", random_date(rng)},
            {"title", tag},
            {"participants", uniform(rng, 1, 200)},
            {"satisfaction", uniform(rng, 2, 10) / 2.0}};
  if (register_id == "switchboard_audits")
    return {{"audited_on", random_date(rng)},
            {"operator", tag},
            {"score", uniform(rng, 120, 200) / 2.0}};
  static const char* categories[] = {"採購專業人員訓練", "採購法專題講座", "採購業務說明會"};
  return {{"held_on", random_date(rng)},
          {"title", tag},
          {"category", categories[uniform(rng, 0, 2)]},
          {"participants", uniform(rng, 1, 200)}};
}

std::string csv_cell(const json& value) {
  if (value.is_string()) return value.get<std::string>();  // tags and dates need no quoting
  return value.dump();
}

std::string response_of(const HttpResult& result) {
  return result.status == 0 ? result.error : result.body;
}

}  // namespace

struct Workload::Client {
  explicit Client(unsigned seed) : rng(seed) {}
  virtual ~Client() = default;
  // Makes one change; false when the client must stop.
  virtual bool step() = 0;

  Ledger ledger;
  std::mt19937 rng;
};

namespace {

// A section editor on its own register: adds, corrects and deletes records one at a time,
// and now and then imports a CSV file of a few hundred rows.
class RecordClient : public Workload::Client {
 public:
  RecordClient(unsigned seed, std::unique_ptr<ApiSession> session, WorkloadRegister reg, int number,
               WorkloadSize size)
      : Client(seed),
        session_(std::move(session)),
        reg_(std::move(reg)),
        number_(number),
        size_(size) {}

  bool step() override {
    const int roll = uniform(rng, 0, 99);
    if (roll < 100 / size_.import_every) return import();
    if (live_.size() < 3 || roll < 55) return create();
    if (roll < 85) return update();
    return remove();
  }

 private:
  std::string records_path() const { return "/api/registers/" + reg_.id + "/records"; }
  std::string object(const std::string& tag) const { return "record:" + reg_.id + ":" + tag; }

  bool create() {
    const std::string tag = fmt::format("{}{}-{}", kRecordTag, number_, ++sequence_);
    const json values = random_values(reg_.id, tag, rng);
    const json after = {{"version", 1}, {"values", values}};
    auto result = session_->send("POST", records_path(), {{"values", values}});
    if (result.status == 201) {
      const auto created = json::parse(result.body);
      ids_[tag] = created["id"];
      live_.push_back(tag);
      if (created["values"] != values) ledger.refusals.push_back("create echoed " + result.body);
    }
    return ledger.record(result.status, "POST " + records_path(), response_of(result), object(tag),
                         after, {record_audit_key("record.create", reg_.id, tag, 1)});
  }

  bool update() {
    const std::string tag = live_[uniform(rng, 0, static_cast<int>(live_.size()) - 1)];
    const long version = ledger.state(object(tag))["version"];
    const json values = random_values(reg_.id, tag, rng);
    const std::string path = records_path() + "/" + std::to_string(ids_.at(tag));
    auto result = session_->send("PUT", path, {{"version", version}, {"values", values}});
    return ledger.record(result.status, "PUT " + path, response_of(result), object(tag),
                         {{"version", version + 1}, {"values", values}},
                         {record_audit_key("record.update", reg_.id, tag, version + 1)});
  }

  bool remove() {
    const auto at = uniform(rng, 0, static_cast<int>(live_.size()) - 1);
    const std::string tag = live_[at];
    const long version = ledger.state(object(tag))["version"];
    const std::string path =
        records_path() + "/" + std::to_string(ids_.at(tag)) + "?version=" + std::to_string(version);
    auto result = session_->send("DELETE", path);
    if (result.status == 204) live_.erase(live_.begin() + at);
    return ledger.record(result.status, "DELETE " + path, response_of(result), object(tag), nullptr,
                         {record_audit_key("record.delete", reg_.id, tag, version)});
  }

  bool import() {
    const std::string prefix = fmt::format("{}{}-{}", kImportTag, number_, ++sequence_);
    const int rows = uniform(rng, size_.import_rows_min, size_.import_rows_max);
    json expected = json::array();
    std::string csv;
    for (int row = 0; row < rows; ++row) {
      const json values = random_values(reg_.id, fmt::format("{}-{:04}", prefix, row), rng);
      if (csv.empty()) {
        for (const auto& [field, value] : values.items()) csv += (csv.empty() ? "" : ",") + field;
        csv += "\n";
      }
      std::string line;
      for (const auto& [field, value] : values.items())
        line += (line.empty() ? "" : ",") + csv_cell(value);
      csv += line + "\n";
      expected.push_back(values);
    }
    const std::string path = "/api/registers/" + reg_.id + "/import?format=csv";
    auto result = session_->send_raw("POST", path, csv, "text/csv; charset=utf-8");
    const bool go_on = ledger.record(result.status, "POST " + path, response_of(result),
                                     "import:" + reg_.id + ":" + prefix, expected,
                                     {import_audit_key(reg_.id, prefix, rows)});
    if (result.status == 201) ledger.imported_rows += rows;
    return go_on;
  }

  std::unique_ptr<ApiSession> session_;
  WorkloadRegister reg_;
  int number_;
  WorkloadSize size_;
  int sequence_ = 0;
  std::map<std::string, long> ids_;  // tag → record id
  std::vector<std::string> live_;    // tags of records not deleted
};

// Section editors entering and withdrawing manual values of their own indicators (b2-1:
// general affairs, b4-1: procurement), which no other client touches.
class ValueClient : public Workload::Client {
 public:
  ValueClient(unsigned seed, std::map<std::string, std::unique_ptr<ApiSession>> editors,
              const States& baseline)
      : Client(seed), editors_(std::move(editors)) {
    for (const auto& [indicator, session] : editors_)
      for (int year = kFirstYear; year <= kLastYear; ++year) {
        const std::string slot = indicator + "/" + std::to_string(year);
        slots_.push_back(slot);
        if (auto found = baseline.find("value:" + slot); found != baseline.end())
          ledger.acknowledged[found->first] = found->second;
      }
  }

  bool step() override {
    const std::string slot = slots_[uniform(rng, 0, static_cast<int>(slots_.size()) - 1)];
    const std::string object = "value:" + slot;
    const json current = ledger.state(object);
    const long version = current.is_null() ? 0 : current["version"].get<long>();
    const std::string path = "/api/values/" + slot;
    auto& session = *editors_.at(slot.substr(0, slot.find('/')));
    if (!current.is_null() && uniform(rng, 0, 3) == 0) {
      auto result = session.send("DELETE", path + "?version=" + std::to_string(version));
      return ledger.record(result.status, "DELETE " + path, response_of(result), object, nullptr,
                           {review_audit_key("value.delete", slot, version)});
    }
    const json after = {{"version", version + 1},
                        {"value", uniform(rng, 0, 400) / 2.0},
                        {"note", fmt::format("crash value {}", ++sequence_)}};
    auto result = session.send(
        "PUT", path, {{"value", after["value"]}, {"note", after["note"]}, {"version", version}});
    return ledger.record(result.status, "PUT " + path, response_of(result), object, after,
                         {review_audit_key("value.set", slot, version + 1)});
  }

 private:
  std::map<std::string, std::unique_ptr<ApiSession>> editors_;  // indicator → its editor
  std::vector<std::string> slots_;
  int sequence_ = 0;
};

// The documents section's editor and reviewer and a planner moving b1-1's result through
// the review workflow, round and round: submit, 初核, 複核, return with a comment.
class ReviewClient : public Workload::Client {
 public:
  ReviewClient(unsigned seed, std::unique_ptr<ApiSession> editor,
               std::unique_ptr<ApiSession> reviewer, std::unique_ptr<ApiSession> planner,
               const States& baseline)
      : Client(seed),
        editor_(std::move(editor)),
        reviewer_(std::move(reviewer)),
        planner_(std::move(planner)) {
    for (int year = kFirstYear; year <= kLastYear; ++year)
      if (auto found = baseline.find(object(year)); found != baseline.end())
        ledger.acknowledged[found->first] = found->second;
  }

  bool step() override {
    const int year = uniform(rng, kFirstYear, kLastYear);
    const json current = ledger.state(object(year));
    const std::string state = current.is_null() ? "draft" : current["state"].get<std::string>();
    const long version = current.is_null() ? 0 : current["version"].get<long>();
    const std::string slot = "b1-1/" + std::to_string(year);
    json body = {{"version", version}};
    ApiSession* actor = editor_.get();
    std::string next = "submitted";
    if (state == "draft" || state == "returned") {
      body["action"] = "submit";
    } else if (state == "submitted") {
      body["action"] = "first_review";
      actor = reviewer_.get();
      next = "first_reviewed";
    } else if (state == "first_reviewed") {
      body["action"] = "second_review";
      actor = planner_.get();
      next = "second_reviewed";
    } else {
      body["action"] = "return";
      body["comment"] = fmt::format("請補充說明 {}", ++sequence_);
      actor = planner_.get();
      next = "returned";
    }
    std::vector<std::string> audit = {
        review_audit_key("review." + body["action"].get<std::string>(), slot, version + 1)};
    if (body.contains("comment")) audit.push_back(review_audit_key("comment.create", slot, 0));
    const std::string path = "/api/reviews/" + std::to_string(year) + "/b1-1/actions";
    auto result = actor->send("POST", path, body);
    return ledger.record(result.status, "POST " + path, response_of(result), object(year),
                         {{"state", next}, {"version", version + 1}}, audit);
  }

 private:
  static std::string object(int year) { return "review:b1-1/" + std::to_string(year); }
  std::unique_ptr<ApiSession> editor_, reviewer_, planner_;
  int sequence_ = 0;
};

}  // namespace

Workload::Workload(const std::string& base_url, const Accounts& accounts, const States& baseline,
                   unsigned seed, WorkloadSize size) {
  const char* editors[] = {"docs_editor", "ga_editor", "proc_editor"};
  for (std::size_t i = 0; i < workload_registers().size(); ++i)
    clients_.push_back(std::make_unique<RecordClient>(
        seed + static_cast<unsigned>(i), sign_in(base_url, accounts, editors[i]),
        workload_registers()[i], static_cast<int>(i + 1), size));
  std::map<std::string, std::unique_ptr<ApiSession>> value_editors;
  value_editors["b2-1"] = sign_in(base_url, accounts, "ga_editor");
  value_editors["b4-1"] = sign_in(base_url, accounts, "proc_editor");
  clients_.push_back(std::make_unique<ValueClient>(seed + 10, std::move(value_editors), baseline));
  clients_.push_back(
      std::make_unique<ReviewClient>(seed + 20, sign_in(base_url, accounts, "docs_editor"),
                                     sign_in(base_url, accounts, "docs_reviewer"),
                                     sign_in(base_url, accounts, "planner"), baseline));
}

Workload::~Workload() {
  stop_ = true;
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
}

void Workload::start() {
  for (auto& client : clients_)
    threads_.emplace_back([this, client = client.get()] {
      while (!stop_ && client->step()) {
      }
    });
}

std::vector<Ledger> Workload::finish() {
  stop_ = true;
  for (auto& thread : threads_) thread.join();
  threads_.clear();
  std::vector<Ledger> ledgers;
  for (const auto& client : clients_) ledgers.push_back(client->ledger);
  return ledgers;
}

}  // namespace planscore::test

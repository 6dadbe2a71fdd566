#pragma once
// A database holding one of everything people enter (the demo records, a manual value,
// an explanation, a comment, evidence bytes, an account), and all of it as one JSON
// document, to show a backup, restore or copy lost nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <nlohmann/json.hpp>
#include <string>

#include "planfile/evaluation_json.h"
#include "planfile/register_json_value.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/manual_values.h"
#include "service/records.h"
#include "service/reviews.h"

namespace planscore::testing {

using service::system_actor;

inline std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex;
  for (unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
  return hex;
}

inline const char* const kEvidence = "%PDF-1.4\n\0\x01\xff evidence of 105 \x80\x81";
inline constexpr std::size_t kEvidenceSize = 30;

// The shipped plan, the demo records and one of everything else people enter.
inline void populate(store::Store& store, const core::Plan& plan) {
  service::load_demo(store, plan);
  ASSERT_TRUE(service::add_record(
                  store, plan, system_actor(), "records_trainings",
                  {{"held_on", "2016-05-01"}, {"title", "備份演練"}, {"participants", "33"}})
                  .problems.empty());
  service::set_manual_value(store, plan, system_actor(), "b1-1", 107, 512, "人工填報",
                            std::nullopt);
  service::save_explanation(store, plan, system_actor(), "b1-1", 105, "講師異動,改於下半年補辦", 0);
  service::add_comment(store, plan, system_actor(), "b1-1", 105, "請補附簽到表");
  // Text that PostgreSQL's COPY format escapes (a backslash, tabs, line breaks), and
  // text that reads like its null marker, must arrive as it was.
  service::add_comment(store, plan, system_actor(), "b1-1", 105,
                       "路徑 C:\\簽到\\N\t第一行\r\n第二行\\");
  service::add_evidence(store, plan, system_actor(), "b1-1", 105,
                        {"簽到表.pdf", std::string(kEvidence, kEvidenceSize)}, 1 << 20);
  service::create_user(
      store, system_actor(), &plan,
      {"editor", "文書科", "a long enough password 123", "section_editor", "documents"});
}

// Everything people entered and every figure computed from it, as one JSON document.
inline std::string everything(store::Store& store, const core::Plan& plan) {
  nlohmann::json all;
  for (const auto& reg : plan.registers) {
    store::RecordQuery every;
    every.limit = 1'000'000;
    for (const auto& stored : store.list_records(reg, every).records)
      all["records"][reg.id].push_back(
          {stored.id, stored.version, planfile::record_values_to_json(reg, stored.record)});
  }
  store::AuditQuery audit;
  audit.limit = 1'000'000;
  for (const auto& entry : store.query_audit(audit))
    all["audit"].push_back({entry.id, entry.at, entry.user_id, entry.username, entry.action,
                            entry.object_type, entry.object_id, entry.before, entry.after,
                            entry.reason});
  for (const auto& review : store.list_reviews(plan.id, std::nullopt))
    all["reviews"].push_back({review.indicator_id, review.year, review.state, review.explanation,
                              review.version, review.updated_at, review.updated_by});
  for (int year : plan.years()) {
    for (const auto& dimension : plan.dimensions)
      for (const auto& goal : dimension.goals)
        for (const auto& indicator : goal.indicators) {
          for (const auto& comment : store.list_comments(plan.id, indicator.id, year))
            all["comments"].push_back({comment.id, comment.indicator_id, comment.year,
                                       comment.username, comment.body, comment.created_at});
          for (const auto& listed : store.list_evidence(plan.id, indicator.id, year)) {
            const auto file = store.find_evidence(listed.id);
            all["evidence"].push_back({file->id, file->file_name, file->content_type, file->size,
                                       file->sha256, sha256_hex(file->content)});
          }
        }
  }
  for (const auto& value : store.manual_values(plan.id))
    all["manual_values"].push_back(
        {value.indicator_id, value.year, value.value, value.note, value.version});
  for (const auto& user : store.list_users())
    all["users"].push_back(
        {user.id, user.username, user.password_hash, user.role, user.section_id, user.version});
  all["evaluations"] =
      nlohmann::json::parse(planfile::evaluations_json(service::evaluate_all_years(store, plan)));
  return all.dump(1);
}

}  // namespace planscore::testing

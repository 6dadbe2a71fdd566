#pragma once
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include "database/test_database.h"
#include "service/audit.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::string shipped_plan_text() {
  return read_text(PLANSCORE_SHIPPED_PLAN);
}

// Imports the shipped plan as the system and returns it (throws when it does not import).
inline core::Plan import_shipped_plan(store::Store& store) {
  auto result = service::import_plan(store, shipped_plan_text(), service::PlanFormat::yaml,
                                     service::system_actor());
  if (!result.problems.empty()) throw std::runtime_error(core::to_string(result.problems.front()));
  return service::require_current_plan(store);
}

// A database in a directory of its own, removed afterwards: a file there, or a fresh
// PostgreSQL database when the run is on PostgreSQL.
class TempDatabase {
 public:
  TempDatabase() {
    std::random_device seed;
    dir_ = std::filesystem::temp_directory_path() / ("planscore-service-" + std::to_string(seed()));
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<test::TestDatabase>(dir_, "test.db");
    store_ = store::Store::open(database_->url());
  }
  ~TempDatabase() {
    store_.reset();
    database_.reset();
    std::filesystem::remove_all(dir_);
  }
  store::Store& store() { return *store_; }
  const std::string& url() const { return database_->url(); }
  // A file `name` in the database's directory.
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  const std::filesystem::path& directory() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace planscore::testing

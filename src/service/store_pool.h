#pragma once
// Database connections for a server: a Store is one connection and not thread-safe, so
// each request borrows one and gives it back. Connections are opened on demand and kept.
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.h"

namespace planscore::service {

class StorePool {
 public:
  explicit StorePool(std::string database_url);

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::Store> store);
    ~Lease();
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  Lease acquire();

 private:
  void give_back(std::unique_ptr<store::Store> store);

  std::string database_url_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace planscore::service

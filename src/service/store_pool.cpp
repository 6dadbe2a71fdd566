#include "service/store_pool.h"

namespace planscore::service {

StorePool::StorePool(std::string database_url) : database_url_(std::move(database_url)) {}

StorePool::Lease::Lease(StorePool& pool, std::unique_ptr<store::Store> store)
    : pool_(&pool), store_(std::move(store)) {}

StorePool::Lease::~Lease() {
  if (store_) pool_->give_back(std::move(store_));
}

StorePool::Lease StorePool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  return Lease(*this, store::Store::open(database_url_));
}

void StorePool::give_back(std::unique_ptr<store::Store> store) {
  // A connection returned mid-transaction would poison the next user; one that cannot
  // even roll back, or that lost its server, is broken and is dropped (the next request
  // opens a new one).
  try {
    store->rollback();
  } catch (const std::exception&) {
    return;
  }
  if (!store->connected()) return;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace planscore::service

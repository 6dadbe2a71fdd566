#pragma once
// The records a register already holds, by their values: how an import finds rows that
// are already there (the same file imported twice, or a register's own export imported
// back), which would otherwise count every record twice.
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "core/register/record.h"
#include "core/register/register.h"
#include "store/store.h"

namespace planscore::service {

class RecordFingerprints {
 public:
  // Reads every record of `reg` page by page, leaving out those placed in `except_year`
  // (the year a replacing import empties first).
  RecordFingerprints(store::Store& store, const core::RegisterDef& reg,
                     std::optional<int> except_year);

  // The id of a stored record with exactly these values, if there is one. Safe to call
  // from several threads at once.
  std::optional<std::int64_t> find(const core::Record& record) const;

 private:
  // A 128-bit BLAKE2b digest of the values: two different records sharing one is not a
  // practical concern, so a match needs no second look at the database.
  using Digest = std::array<std::uint64_t, 2>;
  struct DigestHash {
    std::size_t operator()(const Digest& digest) const { return digest[0]; }
  };
  static Digest digest_of(const core::Record& record);

  std::unordered_map<Digest, std::int64_t, DigestHash> ids_;
};

}  // namespace planscore::service

#include "service/record_fingerprints.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <variant>

#include "core/register/placement.h"

namespace planscore::service {
namespace {

constexpr std::int64_t kRecordsPerPage = 10'000;

// Each value with a tag for its kind and, for text, its length, so no two different
// records serialise alike ("a","bc" and "ab","c" differ).
void append_value(std::string& bytes, const core::FieldValue& value) {
  std::visit(
      [&](const auto& held) {
        using Held = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<Held, std::monostate>) {
          bytes += 'n';
        } else if constexpr (std::is_same_v<Held, std::string>) {
          bytes += 's';
          const std::uint64_t size = held.size();
          bytes.append(reinterpret_cast<const char*>(&size), sizeof size);
          bytes += held;
        } else {
          bytes += std::is_same_v<Held, double> ? 'd' : 'i';
          // 0.0 and -0.0 are the same figure.
          const Held normalized = held == Held{} ? Held{} : held;
          bytes.append(reinterpret_cast<const char*>(&normalized), sizeof normalized);
        }
      },
      value);
}

}  // namespace

RecordFingerprints::RecordFingerprints(store::Store& store, const core::RegisterDef& reg,
                                       std::optional<int> except_year) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
  std::int64_t after = 0;
  for (;;) {
    const auto page = store.records_after(reg, {}, after, kRecordsPerPage);
    for (const auto& stored : page) {
      const auto span = core::placement(reg, stored.record);
      if (except_year && span && span->contains(*except_year)) continue;
      ids_.emplace(digest_of(stored.record), stored.id);
    }
    if (page.size() < static_cast<std::size_t>(kRecordsPerPage)) break;
    after = page.back().id;
  }
}

std::optional<std::int64_t> RecordFingerprints::find(const core::Record& record) const {
  if (ids_.empty()) return std::nullopt;
  const auto found = ids_.find(digest_of(record));
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

RecordFingerprints::Digest RecordFingerprints::digest_of(const core::Record& record) {
  std::string bytes;
  for (const auto& value : record.values) append_value(bytes, value);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size(), nullptr, 0);
  Digest digest;
  std::memcpy(digest.data(), out, sizeof out);
  return digest;
}

}  // namespace planscore::service

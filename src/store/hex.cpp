#include "store/hex.h"

#include "store/store.h"

namespace planscore::store {
namespace {

int digit_value(char digit) {
  if (digit >= '0' && digit <= '9') return digit - '0';
  if (digit >= 'a' && digit <= 'f') return digit - 'a' + 10;
  if (digit >= 'A' && digit <= 'F') return digit - 'A' + 10;
  return -1;
}

}  // namespace

std::string hex_of(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    hex += kDigits[value >> 4];
    hex += kDigits[value & 0x0f];
  }
  return hex;
}

std::string bytes_of_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) throw StoreError("hex text of odd length from the database");
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = digit_value(hex[i]);
    const int low = digit_value(hex[i + 1]);
    if (high < 0 || low < 0) throw StoreError("a byte that is not hex from the database");
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

}  // namespace planscore::store

#include "service/passwords.h"

#include <sodium.h>

#include <stdexcept>

#include "core/text/utf8.h"

namespace planscore::service {
namespace {

void ensure_sodium() {
  // sodium_init is safe to call repeatedly and from several threads.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

constexpr std::size_t kMinPasswordLength = 12;
// Hashing cost grows with length; a cap keeps a login request from being a DoS lever.
constexpr std::size_t kMaxPasswordBytes = 1024;

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return hash;
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  if (password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_weakness(std::string_view username, std::string_view password) {
  if (core::utf8_character_count(password) < kMinPasswordLength)
    return "the password must have at least " + std::to_string(kMinPasswordLength) + " characters";
  if (password.size() > kMaxPasswordBytes)
    return "the password must be at most " + std::to_string(kMaxPasswordBytes) + " bytes";
  if (password.find(username) != std::string_view::npos && !username.empty())
    return "the password must not contain the username";
  return std::nullopt;
}

std::string generate_password() {
  ensure_sodium();
  static constexpr std::string_view kAlphabet =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string password;
  for (int i = 0; i < 20; ++i)
    password += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  return password;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(digest, sizeof digest);
}

bool same_secret(std::string_view left, std::string_view right) {
  ensure_sodium();
  return left.size() == right.size() && sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace planscore::service

#pragma once
// A bare TCP connection for tests that misbehave below HTTP: clients that send a request
// a byte at a time, or connect and say nothing.
#include <chrono>
#include <cstdint>
#include <string>

namespace planscore::test {

class RawSocket {
 public:
  explicit RawSocket(std::uint16_t port);  // connects to 127.0.0.1:port; throws on failure
  ~RawSocket();
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  // False when the peer has closed or reset the connection.
  bool send(const std::string& bytes);
  // Waits up to `timeout` for the peer to close the connection (reading and discarding
  // anything it sends first); true when it did.
  bool wait_for_close(std::chrono::milliseconds timeout);
  // Whether the peer has closed the connection already (does not wait).
  bool closed() { return wait_for_close(std::chrono::milliseconds(0)); }

 private:
  int fd_ = -1;
  bool closed_ = false;
};

}  // namespace planscore::test

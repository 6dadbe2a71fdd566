#pragma once
// A bare TCP connection for tests that misbehave below HTTP: clients that send a request
// a byte at a time, connect and say nothing, pipeline requests or send malformed heads.
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
  // Waits up to `timeout` for the peer to close the connection (keeping anything it sends
  // first in received()); true when it did.
  bool wait_for_close(std::chrono::milliseconds timeout);
  // Waits up to `timeout` until received() holds `text`; true when it does.
  bool wait_for(const std::string& text, std::chrono::milliseconds timeout);
  const std::string& received() const { return received_; }
  // Whether the peer has closed the connection already (does not wait).
  bool closed() { return wait_for_close(std::chrono::milliseconds(0)); }

 private:
  // Reads what has arrived, waiting up to `timeout` for something; false on timeout.
  bool read_some(std::chrono::milliseconds timeout);
  int fd_ = -1;
  bool closed_ = false;
  std::string received_;
};

}  // namespace planscore::test

#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "core/sha256.hpp"

using plenary::core::Sha256;
using plenary::core::sha256_hex;

TEST_CASE("SHA-256 gives the published digests", "[core][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 pieces;  // the same bytes given in pieces
  pieces.update("a");
  pieces.update("");
  pieces.update("bc");
  CHECK(pieces.hex() == sha256_hex("abc"));
}

TEST_CASE("many threads hashing at once, each creating and dropping its own engines",
          "[core][sha256]") {
  // Poco tears OpenSSL down when its last DigestEngine goes away; threads that hash at the
  // same time then destroyed its locks under each other (a crash in a --jobs 2 build).
  const std::string expected = sha256_hex("plenary");
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (sha256_hex("plenary") != expected) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int w : wrong) CHECK(w == 0);
}

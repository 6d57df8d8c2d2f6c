// Owning pointers to OpenSSL objects: each frees its object with OpenSSL's own function when it
// goes out of scope, so a class holding one needs no destructor and is not copied by mistake.
// Only OpenSSL's forward declarations come with this header; the frees are in the .cc.
#pragma once

#include <openssl/types.h>

#include <memory>

namespace canje {

// Frees an OpenSSL object with the function OpenSSL gives for its type; null is ignored.
struct OpensslFree {
  void operator()(EVP_PKEY* key) const;
  void operator()(EVP_MD_CTX* context) const;
  void operator()(BIO* bio) const;
};

using OpensslKey = std::unique_ptr<EVP_PKEY, OpensslFree>;
using OpensslDigestContext = std::unique_ptr<EVP_MD_CTX, OpensslFree>;
using OpensslBio = std::unique_ptr<BIO, OpensslFree>;

}  // namespace canje

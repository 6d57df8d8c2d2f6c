#include "core/openssl_handles.h"

#include <openssl/bio.h>
#include <openssl/evp.h>

namespace canje {

void OpensslFree::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
void OpensslFree::operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
void OpensslFree::operator()(BIO* bio) const { BIO_free(bio); }

}  // namespace canje

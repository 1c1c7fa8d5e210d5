/*
 * Internal: SHA-256 (FIPS 180-4), used for the scoring profile's identity.
 */
#ifndef JM_SHA256_H
#define JM_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define JM_SHA256_DIGEST_SIZE 32

typedef struct jm_sha256 {
    uint32_t state[8];
    uint64_t bytes;        /* message length so far */
    unsigned char block[64];
    size_t fill;           /* bytes waiting in block */
} jm_sha256_ctx;

void jm_sha256_init(jm_sha256_ctx *ctx);
void jm_sha256_update(jm_sha256_ctx *ctx, const void *data, size_t len);
void jm_sha256_final(jm_sha256_ctx *ctx, unsigned char digest[JM_SHA256_DIGEST_SIZE]);

/** One-shot: the digest of data. */
void jm_sha256(const void *data, size_t len, unsigned char digest[JM_SHA256_DIGEST_SIZE]);

/** One-shot: 64 lowercase hex digits and a NUL into hex. */
void jm_sha256_hex(const void *data, size_t len, char hex[2 * JM_SHA256_DIGEST_SIZE + 1]);

#endif /* JM_SHA256_H */

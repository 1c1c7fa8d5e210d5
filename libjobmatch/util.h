/*
 * Internal: small helpers shared by every module - strings, growable
 * buffers and arrays, the thread-local last error.
 */
#ifndef JM_UTIL_H
#define JM_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define JM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define JM_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define JM_PRINTF(f, a)
#define JM_ALWAYS_INLINE inline
#endif

/* A function of the block path built twice where the compiler can (GCC on
 * x86-64 ELF): for the baseline and for x86-64-v3 (AVX2, FMA, BMI2), the
 * dynamic loader choosing by the processor (an ifunc).  Both give the same
 * bits: the project builds with -ffp-contract=off, so no multiply and add
 * are fused, and vector lanes are IEEE operations alike.  Not under
 * ThreadSanitizer, whose instrumented resolvers run before its runtime is
 * set up. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__) && __GNUC__ >= 11 && \
    !defined(__SANITIZE_THREAD__)
#define JM_BLOCK_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define JM_BLOCK_CLONES
#endif

/** strdup that accepts NULL (returns NULL) - check the source before
 *  treating NULL as out of memory. */
char *jm_strdup(const char *s);
char *jm_strndup(const char *s, size_t n);

/** Replaces *dst with a copy of src (NULL allowed).  JM_OK or JM_ENOMEM;
 *  on failure *dst is unchanged. */
int jm_str_set(char **dst, const char *src);

/** Case-insensitive ASCII comparison. */
int jm_strcasecmp(const char *a, const char *b);

/** Grows an array so that it can hold need elements of size elem.
 *  JM_OK or JM_ENOMEM (then *ptr and *cap are unchanged). */
int jm_grow(void **ptr, size_t *cap, size_t need, size_t elem);

/** The index of the element of v (n elements of size elem, each starting
 *  with its char *id) whose id is id - NULL ids are skipped - or -1. */
long jm_id_index(const void *v, size_t n, size_t elem, const char *id);
/** A 64-bit key of a string (FNV-1a) for sorted indexes; equal strings have
 *  equal keys, and different ones almost never do (lookups still compare
 *  the strings). */
uint64_t jm_str_key(const char *s);

/** An entry of a sorted index over an array whose elements start with
 *  their id (a char *): the elements sorted by (key of the id, position). */
typedef struct jm_key_ref {
    uint64_t key;
    size_t pos;
} jm_key_ref;

/** A new index of the n elements (of elem bytes) of v, freed with free();
 *  NULL for n == 0.  false on ENOMEM. */
bool jm_key_index_build(const void *v, size_t n, size_t elem, jm_key_ref **out);
/** The position of the element with this id (key = jm_str_key(id)), or -1:
 *  a binary search of index, then a comparison of the ids. */
long jm_key_index_find(const jm_key_ref *index, const void *v, size_t n, size_t elem, const char *id,
                       uint64_t key);
#define JM_ID_INDEX(v, n, id) jm_id_index((v), (n), sizeof *(v), (id))

/** A vector of owned strings. */
int jm_strv_push(char ***v, size_t *n, const char *s);
void jm_strv_free(char **v, size_t n);
int jm_strv_copy(char ***dst, size_t *dst_n, char *const *src, size_t n);
bool jm_strv_contains(char *const *v, size_t n, const char *s);

/** A growable, always NUL-terminated text buffer.  After an allocation
 *  failure it stays failed (oom set) and ignores further appends. */
typedef struct jm_buf {
    char *data;
    size_t len, cap;
    bool oom;
} jm_buf;

void jm_buf_init(jm_buf *b);
void jm_buf_free(jm_buf *b);
void jm_buf_append(jm_buf *b, const char *s);
void jm_buf_appendn(jm_buf *b, const char *s, size_t n);
void jm_buf_printf(jm_buf *b, const char *fmt, ...) JM_PRINTF(2, 3);
void jm_buf_vprintf(jm_buf *b, const char *fmt, va_list ap);
/** Hands the text over (caller frees with free/jm_free); NULL after oom.
 *  The buffer is left empty. */
char *jm_buf_take(jm_buf *b);

/** A new string formatted like printf; NULL on ENOMEM. */
char *jm_strfmt(const char *fmt, ...) JM_PRINTF(1, 2);

/** Sets the calling thread's last error message and returns code. */
int jm_fail(int code, const char *fmt, ...) JM_PRINTF(2, 3);

/** Formats a number for readable text: up to 2 decimals, trailing zeros
 *  dropped ("16", "7.5", "0.25").  Writes into out (size >= 32). */
const char *jm_num(char out[32], double x);

/** Validates an id: 1..256 bytes, valid UTF-8, no control characters. */
bool jm_id_valid(const char *id);

/** True when s is valid UTF-8. */
bool jm_utf8_valid(const char *s, size_t n);
/** Length of the longest valid UTF-8 prefix of s: the offset of the first
 *  byte that is not part of valid UTF-8, or n. */
size_t jm_utf8_prefix(const char *s, size_t n);

/** Clamps x to [lo, hi]. */
/** Bits set in x, branch-free (SWAR): the x86-64 baseline has no popcnt
 *  instruction, and the compiler's fallback is a call per word. */
static inline int jm_popcount64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (int)((x * 0x0101010101010101ULL) >> 56);
}

static inline double jm_clamp(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

#endif /* JM_UTIL_H */

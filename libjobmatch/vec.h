/*
 * Internal: two doubles at a time, for the kernels that run over a block of
 * jobs in lanes (a job per lane) and for the block's totals.
 *
 * GCC and Clang's vector types (SSE2 on x86-64, NEON on AArch64): each
 * operation is the IEEE operation of each lane, so a lane's result has the
 * bits the same scalar code would give.  Conditions are lane masks (all
 * ones or all zeros), and selections are made with them, so the code has
 * no branch that depends on the data.  JM_HAVE_VEC is 0 elsewhere (or built
 * with -DJM_NO_VEC, to check the scalar forms), and the
 * kernels run one job at a time.
 */
#ifndef JM_VEC_H
#define JM_VEC_H

#include <stddef.h>
#include <string.h>

#if defined(__GNUC__) && !defined(JM_NO_VEC)
#define JM_HAVE_VEC 1
#define JM_VLANES 2

typedef double jm_vd __attribute__((vector_size(JM_VLANES * sizeof(double))));
typedef long long jm_vm __attribute__((vector_size(JM_VLANES * sizeof(double))));

static inline jm_vd jm_vsplat(double x)
{
    return (jm_vd){ x, x };
}

/** a where m is set, else b */
static inline jm_vd jm_vsel(jm_vm m, jm_vd a, jm_vd b)
{
    return (jm_vd)((m & (jm_vm)a) | (~m & (jm_vm)b));
}

/** a where m is set, else +0.0 (which adds nothing to a sum begun at +0.0) */
static inline jm_vd jm_vand(jm_vm m, jm_vd a)
{
    return (jm_vd)(m & (jm_vm)a);
}

/** all set, or all clear, as b */
static inline jm_vm jm_vmask_of(int b)
{
    const long long x = b ? -1LL : 0LL;
    return (jm_vm){ x, x };
}
/** whether any lane of m is set */
static inline int jm_vany(jm_vm m)
{
    return (m[0] | m[1]) != 0;
}

/* Four doubles at a time, for data laid out by lane (the block's factor
 * values, the job set's coordinates): AVX2 in the x86-64-v3 clones, two
 * SSE2 or NEON registers elsewhere; the same IEEE operations lane by lane.
 * The helpers are jm_vd's, for four lanes.  They are inline and never
 * cross an ABI boundary, so GCC's and Clang's note that the default clones
 * pass such vectors differently from AVX code (-Wpsabi) does not apply. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpsabi"
#else
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
#define JM_VLANES4 4
typedef double jm_vd4 __attribute__((vector_size(JM_VLANES4 * sizeof(double))));
typedef long long jm_vm4 __attribute__((vector_size(JM_VLANES4 * sizeof(double))));

static inline jm_vd4 jm_v4splat(double x)
{
    return (jm_vd4){ x, x, x, x };
}
static inline jm_vd4 jm_v4sel(jm_vm4 m, jm_vd4 a, jm_vd4 b)
{
    return (jm_vd4)((m & (jm_vm4)a) | (~m & (jm_vm4)b));
}
static inline jm_vd4 jm_v4and(jm_vm4 m, jm_vd4 a)
{
    return (jm_vd4)(m & (jm_vm4)a);
}
static inline jm_vm4 jm_v4mask_of(int b)
{
    const long long x = b ? -1LL : 0LL;
    return (jm_vm4){ x, x, x, x };
}
static inline int jm_v4any(jm_vm4 m)
{
    return (m[0] | m[1] | m[2] | m[3]) != 0;
}
/** A four-lane kernel's last step: the first lanes (1..4) of v into out,
 *  and each of those lanes of excluded into excl (set: 1). */
static inline __attribute__((always_inline)) void jm_v4store(double *out, unsigned char *excl, jm_vd4 v,
                                                             jm_vm4 excluded, size_t lanes)
{
    if (lanes == JM_VLANES4)
        memcpy(out, &v, sizeof v);
    else
        for (size_t i = 0; i < lanes; i++)
            out[i] = v[i];
    for (size_t i = 0; i < lanes; i++)
        excl[i] |= (unsigned char)(excluded[i] != 0);
}
#else
#define JM_HAVE_VEC 0
#define JM_VLANES 1
#endif

#endif /* JM_VEC_H */

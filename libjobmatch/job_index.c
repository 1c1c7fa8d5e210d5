/*
 * The indexes of a compiled job set that top k and the score matrix use
 * (compiled.h): the jobs by occupation, by latitude within each, and the
 * jobs by skill, with the per-candidate bitmap of the jobs that share a
 * skill with them.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compiled.h"

static bool has_coords(const jm_cjobs *js, size_t i)
{
    return !isnan(js->lat[i]) && !isnan(js->lon[i]);
}

static const jm_cjobs *sort_set;

/* Within a group: jobs with coordinates by latitude, then the others, ties
 * by index. */
static int in_group_cmp(const void *a, const void *b)
{
    const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    const double *lat = sort_set->lat;
    const bool pc = has_coords(sort_set, x), qc = has_coords(sort_set, y);
    if (pc != qc)
        return pc ? -1 : 1;
    if (pc && lat[x] != lat[y])
        return lat[x] < lat[y] ? -1 : 1;
    return x < y ? -1 : 1;
}

static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

/* The occupation index (jm_cjobs.group_*). */
static int by_occupation(jm_cjobs *js)
{
    js->n_groups = (size_t)js->occs.n + 1;
    js->group_first = calloc(js->n_groups + 1, sizeof *js->group_first);
    js->group_n_lat = calloc(js->n_groups, sizeof *js->group_n_lat);
    js->group_jobs = malloc((js->n ? js->n : 1) * sizeof *js->group_jobs);
    js->group_lat = malloc((js->n ? js->n : 1) * sizeof *js->group_lat);
    js->group_lon = malloc((js->n ? js->n : 1) * sizeof *js->group_lon);
    js->group_cos = malloc((js->n ? js->n : 1) * sizeof *js->group_cos);
    if (!js->group_first || !js->group_n_lat || !js->group_jobs || !js->group_lat || !js->group_lon ||
        !js->group_cos)
        return JM_ENOMEM;
    for (size_t i = 0; i < js->n; i++) {
        const jm_cjob *r = &js->recs[i];
        const size_t g = jm_cjob_group(js, r);
        js->group_first[g + 1]++;
        js->group_n_lat[g] += has_coords(js, i);
    }
    for (size_t g = 0; g < js->n_groups; g++)
        js->group_first[g + 1] += js->group_first[g];
    uint32_t *fill = calloc(js->n_groups, sizeof *fill); /* entries placed per group */
    if (!fill)
        return JM_ENOMEM;
    for (size_t i = 0; i < js->n; i++) {
        const jm_cjob *r = &js->recs[i];
        const size_t g = jm_cjob_group(js, r);
        js->group_jobs[js->group_first[g] + fill[g]++] = (uint32_t)i;
    }
    free(fill);
    pthread_mutex_lock(&sort_lock);
    sort_set = js;
    for (size_t g = 0; g < js->n_groups; g++) {
        const size_t n = js->group_first[g + 1] - js->group_first[g];
        if (n > 1)
            qsort(js->group_jobs + js->group_first[g], n, sizeof *js->group_jobs, in_group_cmp);
    }
    sort_set = NULL;
    pthread_mutex_unlock(&sort_lock);
    for (size_t i = 0; i < js->n; i++) {
        const uint32_t at = js->group_jobs[i];
        js->group_lat[i] = js->lat[at];
        js->group_lon[i] = js->lon[at];
        js->group_cos[i] = js->cos_lat[at];
    }
    js->index_bytes += (2 * js->n_groups + 1) * sizeof(uint32_t)
                 + js->n * (sizeof *js->group_jobs + 3 * sizeof *js->group_lat);
    return JM_OK;
}

static int occ_key_cmp(const void *a, const void *b)
{
    const jm_occ_key *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->group < y->group ? -1 : x->group > y->group;
}

/* The groups by occupation key (jm_cjobs.occ_keys). */
static int by_occupation_key(jm_cjobs *js)
{
    const size_t groups = js->n_groups - 1;
    js->occ_keys = malloc((groups ? groups : 1) * JM_OCC_KEYS * sizeof *js->occ_keys);
    if (!js->occ_keys)
        return JM_ENOMEM;
    size_t n = 0;
    for (size_t g = 0; g < groups; g++) {
        uint64_t keys[JM_OCC_KEYS];
        const size_t n_keys = jm_cocc_keys(jm_blockpool_at(&js->occs, (uint32_t)g), keys);
        for (size_t k = 0; k < n_keys; k++)
            js->occ_keys[n++] = (jm_occ_key){ keys[k], (uint32_t)g };
    }
    qsort(js->occ_keys, n, sizeof *js->occ_keys, occ_key_cmp);
    js->n_occ_keys = n;
    js->index_bytes += n * sizeof *js->occ_keys;
    return JM_OK;
}

/* The skill index (jm_cjobs.skill_*). */
static int by_skill(jm_cjobs *js)
{
    const size_t ids = (size_t)js->n_skill_ids + 1;
    js->skill_first = calloc(ids + 1, sizeof *js->skill_first);
    js->skill_jobs = malloc((js->n_skill_refs ? js->n_skill_refs : 1) * sizeof *js->skill_jobs);
    js->skill_level = malloc((js->n_skill_refs ? js->n_skill_refs : 1) * sizeof *js->skill_level);
    uint32_t *fill = calloc(ids, sizeof *fill);
    if (!js->skill_first || !js->skill_jobs || !js->skill_level || !fill || js->n > JM_POSTING_JOB) {
        free(fill);
        return JM_ENOMEM;
    }
    for (size_t i = 0; i < js->n; i++) {
        const jm_cskill *s = js->skills + js->recs[i].skills;
        for (size_t k = 0; k < js->recs[i].n_skills; k++)
            js->skill_first[(s[k].id & JM_CSKILL_ID_MASK) + 1]++;
    }
    for (size_t id = 0; id < ids; id++)
        js->skill_first[id + 1] += js->skill_first[id];
    for (size_t i = 0; i < js->n; i++) {
        const jm_cskill *s = js->skills + js->recs[i].skills;
        for (size_t k = 0; k < js->recs[i].n_skills; k++) {
            const uint32_t id = s[k].id & JM_CSKILL_ID_MASK, at = js->skill_first[id] + fill[id]++;
            js->skill_jobs[at] = (uint32_t)i | (k < js->recs[i].n_essential ? JM_POSTING_ESSENTIAL : 0) |
                                 (s[k].id & JM_CSKILL_TRAINABLE ? JM_POSTING_TRAINABLE : 0);
            js->skill_level[at] = s[k].level;
        }
    }
    free(fill);
    js->index_bytes += (ids + 1) * sizeof *js->skill_first +
                       js->n_skill_refs * (sizeof *js->skill_jobs + sizeof *js->skill_level);
    return JM_OK;
}

int jm_cjobs_index(jm_cjobs *js)
{
    int rc = by_occupation(js);
    if (rc == JM_OK)
        rc = by_occupation_key(js);
    return rc == JM_OK ? by_skill(js) : rc;
}

/* Sets (or clears the words of) the bits of the jobs listing c's skills. */
static void touch(uint64_t *touched, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c, bool set)
{
    const jm_cskill *s = cs->skills + c->skills;
    for (size_t i = 0; i < c->n_skills; i++) {
        const uint32_t id = s[i].id;
        if (id > js->n_skill_ids)
            continue; /* a skill no job of the set lists */
        for (uint32_t p = js->skill_first[id]; p < js->skill_first[id + 1]; p++) {
            const uint32_t at = js->skill_jobs[p] & JM_POSTING_JOB;
            if (set)
                touched[at >> 6] |= (uint64_t)1 << (at & 63);
            else
                touched[at >> 6] = 0;
        }
    }
}

void jm_touched_fill(uint64_t *touched, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c)
{
    touch(touched, js, cs, c, true);
}

size_t jm_touched_postings(const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c)
{
    const jm_cskill *s = cs->skills + c->skills;
    size_t postings = 0;
    for (size_t i = 0; i < c->n_skills; i++)
        if (s[i].id <= js->n_skill_ids)
            postings += js->skill_first[s[i].id + 1] - js->skill_first[s[i].id];
    return postings;
}

void jm_touched_clear(uint64_t *touched, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c)
{
    /* many postings: clearing every word costs less than walking them */
    const size_t words = jm_touched_words(js);
    if (jm_touched_postings(js, cs, c) > words / 4)
        memset(touched, 0, words * sizeof *touched);
    else
        touch(touched, js, cs, c, false);
}

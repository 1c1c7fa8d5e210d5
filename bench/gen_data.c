/*
 * gen_data: a seeded generator of realistic candidates and jobs in the jobmatch/1 format, at any
 * scale, for benchmarks.  A standalone C11 program (no dependencies):
 *
 *     cc -O2 -std=c11 -o gen_data bench/gen_data.c
 *     ./gen_data --seed 1 --candidates 100000 --jobs 1000000 --out-dir /tmp/data [--vocab DIR]
 *
 * Writes OUT/candidates.jsonl and OUT/jobs.jsonl (JSON Lines, one record per line with "schema"
 * and "type").  The vocabulary (ESCO occupations and their essential and optional skills, ISCO-08
 * and O*NET-SOC codes, O*NET job zones, interests and work values) is read from --vocab, a folder
 * written by bench/make_vocab.py; the default is bench/vocab, the sample shipped with the project
 * (found from the current folder, beside the program, or where -DGEN_DATA_VOCAB="DIR" says).
 *
 * Jobs are vacancies of real ESCO occupations (entry-level ones more often) in a region of towns
 * (Greater Manchester, coordinates near each town centre): the occupation's skills (essential and
 * optional, with levels and whether trainable on the job), its O*NET interests, job zone and work
 * values; hours and shifts, wage, environment levels, functional demands, supports, legal
 * requirements.  Candidates have a work history of real occupations, skills drawn from those
 * occupations, preferences (job types wanted and avoided, hours, availability, commute, wage floor,
 * environment tolerances, some of them "must"), interests, work values, functional abilities,
 * support needs and some benefits constraints; every field is sometimes missing, as in real
 * caseloads.  Profiles hold about 30 skills on average.
 *
 * Every record comes from its own random stream (seed, kind, index): the same seed gives the same
 * bytes, and record i does not depend on how many records are written.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ------------------------------------------------------------------------------------------ */
/* Random numbers: xoshiro256** seeded through splitmix64, one stream per record.              */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void rng_init(rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
    uint64_t x = seed;
    x = splitmix64(&x) ^ (stream * 0xD1B54A32D192ED03ULL);
    x = splitmix64(&x) ^ (index * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t next64(rng *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Uniform integer in [0, n). */
static inline uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform integer in [lo, hi]. */
static inline int between(rng *r, int lo, int hi)
{
    return lo + (int)below(r, (uint32_t)(hi - lo + 1));
}

/* A set of k distinct values below n (n <= 31), as a bit mask. */
static int distinct_set(rng *r, int k, int n)
{
    int sel = 0, got = 0;
    while (got < k) {
        int d = (int)below(r, (uint32_t)n);
        if (!(sel & (1 << d))) {
            sel |= 1 << d;
            got++;
        }
    }
    return sel;
}

/* True with probability permille / 1000. */
static inline int chance(rng *r, int permille)
{
    return (int)below(r, 1000) < permille;
}

static inline double unif(rng *r)
{
    return (double)(next64(r) >> 11) * 0x1.0p-53;
}

/* Approximately normal (Irwin-Hall of 4 uniforms), mean 0, standard deviation 1. */
static double gauss(rng *r)
{
    double s = unif(r) + unif(r) + unif(r) + unif(r) - 2.0;
    return s * 1.7320508075688772; /* 1 / sqrt(1/3) */
}

/* Index drawn from integer weights. */
static int pick_weighted(rng *r, const int *w, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    int x = (int)below(r, (uint32_t)total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

static long round_half_away(double x)
{
    return x >= 0 ? (long)(x + 0.5) : -(long)(-x + 0.5);
}

/* ------------------------------------------------------------------------------------------ */
/* Output: a buffered writer with number formatting that is the same everywhere.                */

typedef struct out {
    FILE *f;
    char *buf;
    size_t len, cap;
    unsigned long long bytes;
    int err;
} out;

static void out_flush(out *o)
{
    if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->err = errno ? errno : EIO;
    o->bytes += o->len;
    o->len = 0;
}

static inline void put(out *o, const char *s, size_t n)
{
    if (o->len + n > o->cap) {
        out_flush(o);
        if (n > o->cap) {
            if (fwrite(s, 1, n, o->f) != n)
                o->err = errno ? errno : EIO;
            o->bytes += n;
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

#define PUTS(o, lit) put((o), (lit), sizeof(lit) - 1)

static inline void putstr(out *o, const char *s)
{
    put(o, s, strlen(s));
}

static inline void putc_(out *o, char c)
{
    put(o, &c, 1);
}

static void put_long(out *o, long v)
{
    char tmp[24];
    int n = 0;
    unsigned long u = v < 0 ? (unsigned long)(-(v + 1)) + 1u : (unsigned long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[n++] = '-';
    char s[24];
    for (int i = 0; i < n; i++)
        s[i] = tmp[n - 1 - i];
    put(o, s, (size_t)n);
}

/* v / 10^dec, written without trailing zeros ("12.5", "16", "-2.2426"). */
static void put_fixed(out *o, long v, int dec)
{
    long p = 1;
    for (int i = 0; i < dec; i++)
        p *= 10;
    if (v < 0) {
        putc_(o, '-');
        v = -v;
    }
    put_long(o, v / p);
    long frac = v % p;
    if (frac == 0)
        return;
    char s[24];
    int n = 0;
    s[n++] = '.';
    for (long q = p / 10; q > 0; q /= 10)
        s[n++] = (char)('0' + (frac / q) % 10);
    while (s[n - 1] == '0')
        n--;
    put(o, s, (size_t)n);
}

/* A JSON string literal (with quotes) of s, in newly allocated memory. */
static char *json_quote(const char *s)
{
    size_t n = strlen(s);
    char *q = malloc(n * 6 + 3), *p = q;
    if (!q) {
        fprintf(stderr, "gen_data: out of memory\n");
        exit(2);
    }
    *p++ = '"';
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\') {
            *p++ = '\\';
            *p++ = (char)*c;
        } else if (*c < 0x20) {
            p += sprintf(p, "\\u%04x", *c);
        } else {
            *p++ = (char)*c;
        }
    }
    *p++ = '"';
    *p = '\0';
    return q;
}

static char *xstrdup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    if (!d) {
        fprintf(stderr, "gen_data: out of memory\n");
        exit(2);
    }
    return strcpy(d, s);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "gen_data: out of memory\n");
        exit(2);
    }
    return p;
}

/* ------------------------------------------------------------------------------------------ */
/* The vocabulary (bench/make_vocab.py's files).                                              */

typedef struct skill {
    char *id_json;    /* {"id":"URI"        */
    char *label_json; /* ,"label":"LABEL"   */
} skill;

typedef struct occ {
    char *label, *code, *isco, *onet, *onet_title;
    char *full_json;  /* {"label":..,"esco":..,"isco":..,"onet":..} */
    char *label_json, *esco_json, *code_json, *onet_json, *onet_title_json, *isco_json;
    char *title_json; /* a job title: the label with a capital letter */
    int zone;
    int major;          /* ISCO major group digit */
    char *oi[6];        /* O*NET's text of each OI value */
    int oi100[6];       /* the same in hundredths */
    char hp[4];
    char *wv[6];        /* NULL when O*NET has none */
    int *ess, n_ess, *opt, n_opt;
    int g3_lo, g3_hi, g2_lo, g2_hi; /* index ranges sharing 3 / 2 leading ISCO digits */
} occ;

typedef struct vocab {
    occ *occs;
    int n_occs;
    skill *skills;
    int n_skills;
    int *occ_weight; /* cumulative, for drawing occupations: entry level more often */
    int total_weight;
} vocab;

static char *read_file(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "gen_data: cannot open %s: %s\n", path, strerror(errno));
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = xcalloc((size_t)n + 1, 1);
    if (n > 0 && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "gen_data: cannot read %s\n", path);
        exit(2);
    }
    fclose(f);
    return buf;
}

/* Splits the next line of *p (in place) into at most max tab-separated fields; returns the
 * number of fields, 0 at the end, skipping header lines starting with '#'. */
static int next_row(char **p, char **fields, int max)
{
    for (;;) {
        char *line = *p;
        if (!*line)
            return 0;
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = '\0';
            *p = nl + 1;
        } else {
            *p = line + strlen(line);
        }
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[len - 1] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        int n = 0;
        fields[n++] = line;
        for (char *c = line; *c && n < max; c++) {
            if (*c == '\t') {
                *c = '\0';
                fields[n++] = c + 1;
            }
        }
        return n;
    }
}

static int parse_hundredths(const char *s)
{
    long whole = 0, frac = 0;
    int digits = 0;
    while (*s >= '0' && *s <= '9')
        whole = whole * 10 + (*s++ - '0');
    if (*s == '.') {
        s++;
        while (*s >= '0' && *s <= '9' && digits < 2) {
            frac = frac * 10 + (*s++ - '0');
            digits++;
        }
        if (*s >= '5' && *s <= '9')
            frac++;
    }
    while (digits++ < 2)
        frac *= 10;
    return (int)(whole * 100 + frac);
}

static int *parse_ints(char *s, int *n)
{
    int count = *s ? 1 : 0;
    for (char *c = s; *c; c++)
        count += *c == ',';
    int *v = xcalloc((size_t)count, sizeof *v);
    *n = 0;
    while (*s) {
        v[(*n)++] = (int)strtol(s, &s, 10);
        if (*s == ',')
            s++;
    }
    return v;
}

static char *concat3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *s = xcalloc(la + lb + lc + 1, 1);
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, c, lc);
    return s;
}

static const int ZONE_WEIGHT[6] = {0, 10, 8, 4, 2, 1};

static void load_vocab(vocab *v, const char *dir)
{
    char *fields[32];
    char *text = read_file(dir, "skills.tsv"), *p = text;
    int cap = 1024;
    v->skills = xcalloc((size_t)cap, sizeof *v->skills);
    int nf;
    while ((nf = next_row(&p, fields, 32)) > 0) {
        if (nf < 3) {
            fprintf(stderr, "gen_data: %s/skills.tsv: expected 3 fields\n", dir);
            exit(2);
        }
        if (v->n_skills == cap) {
            cap *= 2;
            v->skills = realloc(v->skills, (size_t)cap * sizeof *v->skills);
            if (!v->skills)
                exit(2);
        }
        skill *s = &v->skills[v->n_skills++];
        char *q = json_quote(fields[0]);
        s->id_json = concat3("{\"id\":", q, "");
        free(q);
        q = json_quote(fields[2]);
        s->label_json = concat3(",\"label\":", q, "");
        free(q);
    }
    free(text);

    text = read_file(dir, "occupations.tsv");
    p = text;
    cap = 256;
    v->occs = xcalloc((size_t)cap, sizeof *v->occs);
    while ((nf = next_row(&p, fields, 32)) > 0) {
        if (nf < 20) {
            fprintf(stderr, "gen_data: %s/occupations.tsv: expected 20 fields\n", dir);
            exit(2);
        }
        if (v->n_occs == cap) {
            cap *= 2;
            v->occs = realloc(v->occs, (size_t)cap * sizeof *v->occs);
            if (!v->occs)
                exit(2);
        }
        occ *o = &v->occs[v->n_occs++];
        memset(o, 0, sizeof *o);
        o->label = xstrdup(fields[3]);
        o->code = xstrdup(fields[1]);
        o->isco = xstrdup(fields[2]);
        o->onet = xstrdup(fields[4]);
        o->onet_title = xstrdup(fields[5]);
        o->zone = atoi(fields[6]);
        if (o->zone < 1 || o->zone > 5)
            o->zone = 2;
        o->major = o->isco[0] >= '0' && o->isco[0] <= '9' ? o->isco[0] - '0' : 9;
        for (int k = 0; k < 6; k++) {
            o->oi[k] = xstrdup(fields[7 + k]);
            o->oi100[k] = parse_hundredths(fields[7 + k]);
        }
        snprintf(o->hp, sizeof o->hp, "%s", fields[13]);
        int has_wv = 1;
        for (int k = 0; k < 6; k++)
            has_wv &= fields[14 + k][0] != '\0';
        for (int k = 0; k < 6; k++)
            o->wv[k] = has_wv ? xstrdup(fields[14 + k]) : NULL;

        char *ql = json_quote(fields[3]), *qe = json_quote(fields[0]), *qc = json_quote(fields[1]);
        char *qo = json_quote(fields[4]), *qt = json_quote(fields[5]), *qi = json_quote(fields[2]);
        o->label_json = concat3("\"label\":", ql, "");
        o->esco_json = concat3("\"esco\":", qe, "");
        o->code_json = concat3("\"isco\":", qc, "");
        o->isco_json = concat3("\"isco\":", qi, "");
        o->onet_json = concat3("\"onet\":", qo, "");
        o->onet_title_json = concat3("\"label\":", qt, "");
        char tmp[8192];
        snprintf(tmp, sizeof tmp, "{%s,%s,%s,%s}", o->label_json, o->esco_json, o->code_json,
                 o->onet_json);
        o->full_json = xstrdup(tmp);
        char *title = xstrdup(fields[3]);
        if (title[0] >= 'a' && title[0] <= 'z')
            title[0] = (char)(title[0] - 'a' + 'A');
        o->title_json = json_quote(title);
        free(title);
        free(ql), free(qe), free(qc), free(qo), free(qt), free(qi);
    }
    free(text);

    text = read_file(dir, "occupation_skills.tsv");
    p = text;
    while ((nf = next_row(&p, fields, 32)) > 0) {
        int i = atoi(fields[0]);
        if (i < 0 || i >= v->n_occs) {
            fprintf(stderr, "gen_data: %s/occupation_skills.tsv: bad occupation index %d\n", dir, i);
            exit(2);
        }
        occ *o = &v->occs[i];
        o->ess = parse_ints(nf > 1 ? fields[1] : "", &o->n_ess);
        o->opt = parse_ints(nf > 2 ? fields[2] : "", &o->n_opt);
        for (int k = 0; k < o->n_ess; k++)
            if (o->ess[k] < 0 || o->ess[k] >= v->n_skills)
                exit(2);
        for (int k = 0; k < o->n_opt; k++)
            if (o->opt[k] < 0 || o->opt[k] >= v->n_skills)
                exit(2);
    }
    free(text);
    if (v->n_occs == 0 || v->n_skills == 0) {
        fprintf(stderr, "gen_data: %s holds no occupations or no skills\n", dir);
        exit(2);
    }

    /* Occupations come sorted by code: those sharing leading ISCO digits are contiguous. */
    for (int i = 0; i < v->n_occs; i++) {
        occ *o = &v->occs[i];
        int lo = i, hi = i;
        while (lo > 0 && strncmp(v->occs[lo - 1].isco, o->isco, 3) == 0)
            lo--;
        while (hi + 1 < v->n_occs && strncmp(v->occs[hi + 1].isco, o->isco, 3) == 0)
            hi++;
        o->g3_lo = lo, o->g3_hi = hi;
        lo = i, hi = i;
        while (lo > 0 && strncmp(v->occs[lo - 1].isco, o->isco, 2) == 0)
            lo--;
        while (hi + 1 < v->n_occs && strncmp(v->occs[hi + 1].isco, o->isco, 2) == 0)
            hi++;
        o->g2_lo = lo, o->g2_hi = hi;
    }
    v->occ_weight = xcalloc((size_t)v->n_occs, sizeof *v->occ_weight);
    int total = 0;
    for (int i = 0; i < v->n_occs; i++) {
        total += ZONE_WEIGHT[v->occs[i].zone];
        v->occ_weight[i] = total;
    }
    v->total_weight = total;
}

static void free_vocab(vocab *v)
{
    for (int i = 0; i < v->n_skills; i++) {
        free(v->skills[i].id_json);
        free(v->skills[i].label_json);
    }
    free(v->skills);
    for (int i = 0; i < v->n_occs; i++) {
        occ *o = &v->occs[i];
        char *owned[] = {o->label, o->code, o->isco, o->onet, o->onet_title, o->full_json,
                         o->label_json, o->esco_json, o->code_json, o->onet_json,
                         o->onet_title_json, o->isco_json, o->title_json};
        for (size_t k = 0; k < sizeof owned / sizeof owned[0]; k++)
            free(owned[k]);
        for (int k = 0; k < 6; k++) {
            free(o->oi[k]);
            free(o->wv[k]);
        }
        free(o->ess);
        free(o->opt);
    }
    free(v->occs);
    free(v->occ_weight);
}

/* An occupation, entry-level ones more often (weights by O*NET job zone). */
static int draw_occ(const vocab *v, rng *r)
{
    int x = (int)below(r, (uint32_t)v->total_weight);
    int lo = 0, hi = v->n_occs - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (v->occ_weight[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* An occupation related to o: the same ISCO minor group (3 digits) or sub-major group. */
static int draw_related(const vocab *v, rng *r, int o)
{
    const occ *x = &v->occs[o];
    if (chance(r, 600))
        return between(r, x->g3_lo, x->g3_hi);
    return between(r, x->g2_lo, x->g2_hi);
}

/* ------------------------------------------------------------------------------------------ */
/* The region: towns of Greater Manchester (coordinates near each centre, in 1e-5 degrees).     */

typedef struct town {
    const char *name;
    long lat, lon;
    int weight;
} town;

static const town TOWNS[] = {
    {"Manchester", 5348080, -224260, 30}, {"Salford", 5348750, -229010, 12},
    {"Stockport", 5341060, -215750, 12},  {"Oldham", 5354090, -211140, 10},
    {"Rochdale", 5360970, -215610, 9},    {"Bolton", 5357850, -242990, 12},
    {"Bury", 5359330, -229660, 8},        {"Wigan", 5354500, -263250, 9},
    {"Stretford", 5344600, -230900, 6},   {"Ashton-under-Lyne", 5348800, -209800, 6},
    {"Altrincham", 5338380, -235470, 6},  {"Sale", 5342460, -232200, 6},
    {"Eccles", 5348330, -233400, 5},      {"Leigh", 5349750, -251500, 5},
    {"Middleton", 5355500, -218700, 5},   {"Hyde", 5345100, -207900, 4},
    {"Wythenshawe", 5339200, -226400, 6}, {"Prestwich", 5353300, -228400, 3},
    {"Denton", 5345600, -211500, 3},      {"Stalybridge", 5348400, -206000, 3},
    {"Trafford Park", 5346700, -231500, 5}, {"Cheetham Hill", 5350300, -224200, 4},
    {"Longsight", 5345800, -220000, 4},   {"Failsworth", 5350800, -216400, 3},
};
#define N_TOWNS ((int)(sizeof TOWNS / sizeof TOWNS[0]))

static int town_weights[N_TOWNS];

/* A point near a town centre: sd_m metres of spread. */
static void place(rng *r, int t, double sd_m, long *lat, long *lon)
{
    /* 1e-5 degrees of latitude = 1.112 m; of longitude at 53.5 N = 0.662 m */
    *lat = TOWNS[t].lat + round_half_away(gauss(r) * sd_m / 1.112);
    *lon = TOWNS[t].lon + round_half_away(gauss(r) * sd_m / 0.662);
}

/* ------------------------------------------------------------------------------------------ */
/* Shared vocabularies of the format and the default scoring profile.                          */

static const char *const ENV_DIMS[8] = {"noise", "outdoor", "temperature", "pace",
                                        "time_pressure", "public_contact", "teamwork", "routine"};
static const char *const FUNC_DIMS[12] = {"lifting", "standing", "walking", "endurance",
                                          "dexterity", "orienting", "work_rate", "reading",
                                          "numeracy", "communication", "memory", "attention"};
static const char *const OFFERS[12] = {"equipment", "job_restructuring", "modified_schedule",
                                       "reassignment", "adjusted_training", "readers_interpreters",
                                       "physical_accessibility", "mentor", "buddy",
                                       "supportive_coworkers", "access_to_work", "funded_support"};
static const char *const NEEDS[20] = {
    "structured_task_instruction", "written_visual_instructions", "extra_training_time",
    "mentor_or_buddy", "supervisor_checkins", "flexible_schedule", "reduced_hours_phased_start",
    "quiet_workspace", "sensory_adjustments", "assistive_technology", "communication_support",
    "travel_training", "help_with_travel", "physical_access", "adapted_equipment",
    "personal_care_support", "on_site_job_coaching", "job_carving", "time_off_for_appointments",
    "benefits_counselling"};
static const int NEED_WEIGHT[20] = {10, 8, 7, 7, 6, 6, 6, 5, 4, 3, 3, 4, 4, 3, 3, 2, 5, 4, 4, 4};
static const char *const VALUES[6] = {"achievement", "working_conditions", "recognition",
                                      "relationships", "support", "independence"};
static const char RIASEC[] = "RIASEC";
static const char *const DAYS[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/* Environment levels (noise .. routine) and functional demands (lifting .. attention) typical of
 * each ISCO-08 major group (0 armed forces .. 9 elementary occupations). */
static const int ENV_BASE[10][8] = {
    {3, 3, 3, 3, 3, 1, 4, 2}, {1, 0, 0, 3, 4, 3, 3, 1}, {1, 0, 0, 2, 3, 2, 3, 1},
    {2, 1, 1, 2, 3, 2, 3, 2}, {1, 0, 0, 2, 2, 2, 2, 3}, {2, 1, 1, 3, 3, 4, 3, 2},
    {2, 4, 3, 2, 2, 0, 2, 2}, {3, 2, 2, 2, 2, 1, 2, 3}, {3, 1, 2, 3, 3, 0, 2, 3},
    {2, 2, 2, 3, 2, 1, 2, 3}};
static const int DEMAND_BASE[10][12] = {
    {2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 2}, {0, 0, 1, 1, 0, 2, 1, 2, 2, 2, 2, 2},
    {0, 1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 2}, {1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 2},
    {0, 0, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2}, {1, 2, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1},
    {2, 2, 2, 2, 1, 1, 1, 0, 0, 0, 1, 1}, {2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 2},
    {1, 2, 1, 2, 2, 1, 2, 1, 0, 0, 1, 2}, {2, 2, 2, 2, 1, 0, 2, 0, 0, 0, 0, 1}};

static int clampi(int x, int lo, int hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

/* A small jitter: -1, 0 or +1 (0 most often). */
static int jitter(rng *r)
{
    int x = (int)below(r, 10);
    return x < 2 ? -1 : x < 4 ? 1 : 0;
}

/* Per occupation, a stable profile of environment and demands (independent of the seed). */
static void occ_profile(int o_index, const occ *o, int env[8], int dem[12])
{
    rng r;
    rng_init(&r, 0x6A6F626D61746368ULL, 7, (uint64_t)o_index);
    for (int d = 0; d < 8; d++)
        env[d] = clampi(ENV_BASE[o->major][d] + jitter(&r), 0, 4);
    for (int d = 0; d < 12; d++)
        dem[d] = clampi(DEMAND_BASE[o->major][d] + jitter(&r), 0, 2);
}

/* Weeks: a set of days with one or two time ranges each. */
typedef struct shift {
    const char *range[2]; /* "HH:MM-HH:MM"; the second may be NULL */
    int minutes;          /* per day */
} shift;

static void put_week(out *o, int days_mask, const shift *s)
{
    putc_(o, '{');
    int first = 1;
    for (int d = 0; d < 7; d++) {
        if (!(days_mask & (1 << d)))
            continue;
        if (!first)
            putc_(o, ',');
        first = 0;
        putc_(o, '"');
        putstr(o, DAYS[d]);
        PUTS(o, "\":[\"");
        putstr(o, s->range[0]);
        putc_(o, '"');
        if (s->range[1]) {
            PUTS(o, ",\"");
            putstr(o, s->range[1]);
            putc_(o, '"');
        }
        putc_(o, ']');
    }
    putc_(o, '}');
}

static int popcount7(int m)
{
    int n = 0;
    for (int d = 0; d < 7; d++)
        n += (m >> d) & 1;
    return n;
}

/* A random set of k days out of 7. */
static int some_days(rng *r, int k)
{
    int m = 0;
    while (popcount7(m) < k)
        m |= 1 << below(r, 7);
    return m;
}

/* ------------------------------------------------------------------------------------------ */
/* Jobs                                                                                        */

static const shift JOB_SHIFTS[] = {
    {{"06:00-14:00", NULL}, 480}, {{"09:00-17:00", NULL}, 480}, {{"08:00-16:00", NULL}, 480},
    {{"14:00-22:00", NULL}, 480}, {{"22:00-06:00", NULL}, 480}, {{"09:00-13:00", NULL}, 240},
    {{"10:00-14:30", NULL}, 270}, {{"17:30-21:30", NULL}, 240}, {{"05:30-09:00", NULL}, 210},
    {{"11:00-19:00", NULL}, 480}, {{"07:00-19:00", NULL}, 720}, {{"07:00-10:00", "17:00-21:00"}, 420},
    {{"08:30-16:30", NULL}, 480}, {{"12:00-16:00", NULL}, 240},
};
static const int JOB_SHIFT_WEIGHT[] = {8, 14, 10, 7, 3, 6, 4, 3, 2, 5, 2, 2, 8, 4};
#define N_JOB_SHIFTS ((int)(sizeof JOB_SHIFTS / sizeof JOB_SHIFTS[0]))

typedef struct licence {
    const char *id;
    int obtainable;
} licence;

static const int WAGE_RANGE[6][2] = {{0, 0}, {1144, 1250}, {1160, 1400}, {1250, 1800},
                                     {1500, 2800}, {2000, 4000}};

typedef struct gen {
    const vocab *v;
    uint64_t seed;
    int labels;
    int *mark; /* per skill: the stamp of the last record that took it */
    int stamp;
    int *scratch;
    int n_employers;
} gen;

static void put_job_skill(gen *g, out *o, rng *r, int s, int essential, int zone)
{
    putstr(o, g->v->skills[s].id_json);
    if (g->labels)
        putstr(o, g->v->skills[s].label_json);
    if (essential)
        PUTS(o, ",\"essential\":true");
    else
        PUTS(o, ",\"essential\":false");
    if (chance(r, 700)) {
        PUTS(o, ",\"level\":");
        put_long(o, between(r, 1, clampi(zone + 2, 2, 7)));
    }
    int t = (int)below(r, 100);
    if (t < 45)
        PUTS(o, ",\"trainable\":true");
    else if (t < 65)
        PUTS(o, ",\"trainable\":false");
    putc_(o, '}');
}

/* Up to k distinct skills of list[0..n) in random order, into g->scratch; returns the count. */
static int sample_skills(gen *g, rng *r, const int *list, int n, int k)
{
    int m = 0;
    int *tmp = g->scratch + 4096; /* second half of the scratch space */
    for (int i = 0; i < n; i++)
        if (g->mark[list[i]] != g->stamp)
            tmp[m++] = list[i];
    if (k > m)
        k = m;
    int taken = 0;
    for (int i = 0; i < k; i++) {
        int j = i + (int)below(r, (uint32_t)(m - i));
        int t = tmp[i];
        tmp[i] = tmp[j];
        tmp[j] = t;
        g->mark[tmp[i]] = g->stamp;
        g->scratch[taken++] = tmp[i];
    }
    return taken;
}

static void write_job(gen *g, out *o, long index)
{
    const vocab *v = g->v;
    rng r;
    rng_init(&r, g->seed, 2, (uint64_t)index);
    const int oi = draw_occ(v, &r);
    const occ *oc = &v->occs[oi];
    int env[8], dem[12];
    occ_profile(oi, oc, env, dem);
    const int zone = oc->zone;
    g->stamp++;

    PUTS(o, "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j-");
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "%07ld", index + 1);
    putstr(o, idbuf);
    PUTS(o, "\",\"employer\":\"emp-");
    snprintf(idbuf, sizeof idbuf, "%05d", (int)below(&r, (uint32_t)g->n_employers) + 1);
    putstr(o, idbuf);
    PUTS(o, "\",\"title\":");
    putstr(o, oc->title_json);

    /* The occupation: usually every code; sometimes only some of them. */
    PUTS(o, ",\"occupation\":");
    int form = (int)below(&r, 100);
    if (form < 80) {
        putstr(o, oc->full_json);
    } else if (form < 92) {
        putc_(o, '{');
        putstr(o, oc->label_json);
        putc_(o, ',');
        putstr(o, oc->esco_json);
        putc_(o, ',');
        putstr(o, oc->code_json);
        putc_(o, '}');
    } else {
        putc_(o, '{');
        putstr(o, oc->label_json);
        putc_(o, ',');
        putstr(o, oc->onet_json);
        putc_(o, '}');
    }
    PUTS(o, ",\"job_zone\":");
    put_long(o, zone);

    int x = (int)below(&r, 100);
    if (x < 92)
        PUTS(o, ",\"competitive\":true");
    else if (x < 95)
        PUTS(o, ",\"competitive\":false");
    x = (int)below(&r, 100);
    if (x < 90)
        PUTS(o, ",\"integrated\":true");
    else if (x < 93)
        PUTS(o, ",\"integrated\":false");

    if (chance(&r, 970)) {
        PUTS(o, ",\"wage\":");
        put_fixed(o, between(&r, WAGE_RANGE[zone][0], WAGE_RANGE[zone][1]), 2);
    }

    /* Shifts, and the hours they make (in half hours). */
    const int si = pick_weighted(&r, JOB_SHIFT_WEIGHT, N_JOB_SHIFTS);
    const shift *sh = &JOB_SHIFTS[si];
    int days;
    int dp = (int)below(&r, 100);
    if (dp < 50)
        days = 0x1F; /* Monday to Friday */
    else if (dp < 62)
        days = 0x7F; /* a seven-day rota */
    else if (dp < 77)
        days = some_days(&r, 4);
    else if (dp < 90)
        days = some_days(&r, 3);
    else if (dp < 95)
        days = 0x60; /* weekends */
    else
        days = some_days(&r, 2);
    int sched_half = sh->minutes * popcount7(days) / 30;
    int hmax = sched_half;
    if (hmax > 80)
        hmax = chance(&r, 500) ? 75 : 80; /* a rota: 37.5 or 40 hours of the week's shifts */
    int hmin = hmax;
    if (chance(&r, 450))
        hmin = clampi(hmax * between(&r, 50, 90) / 100, 1, hmax);
    if (chance(&r, 950)) {
        PUTS(o, ",\"hours\":{");
        int m = (int)below(&r, 100);
        if (m < 90) {
            PUTS(o, "\"min\":");
            put_fixed(o, hmin * 5, 1);
            PUTS(o, ",\"max\":");
            put_fixed(o, hmax * 5, 1);
        } else if (m < 95) {
            PUTS(o, "\"min\":");
            put_fixed(o, hmin * 5, 1);
        } else {
            PUTS(o, "\"max\":");
            put_fixed(o, hmax * 5, 1);
        }
        putc_(o, '}');
    }
    if (chance(&r, 900)) {
        PUTS(o, ",\"schedule\":");
        put_week(o, days, sh);
    }
    x = (int)below(&r, 100);
    if (x < 85)
        PUTS(o, ",\"months_per_year\":12");
    else if (x < 90)
        PUTS(o, ",\"months_per_year\":10");

    /* Location */
    {
        int t = pick_weighted(&r, town_weights, N_TOWNS);
        long lat, lon;
        place(&r, t, 1800.0, &lat, &lon);
        PUTS(o, ",\"location\":{");
        int has_ll = chance(&r, 970);
        if (has_ll) {
            PUTS(o, "\"lat\":");
            put_fixed(o, lat, 5);
            PUTS(o, ",\"lon\":");
            put_fixed(o, lon, 5);
            putc_(o, ',');
        }
        PUTS(o, "\"area\":\"");
        putstr(o, TOWNS[t].name);
        putc_(o, '"');
        x = (int)below(&r, 100);
        if (x < 80)
            PUTS(o, ",\"public_transport\":true");
        else if (x < 90)
            PUTS(o, ",\"public_transport\":false");
        x = (int)below(&r, 100);
        if (x < 50)
            PUTS(o, ",\"accessible\":true");
        else if (x < 65)
            PUTS(o, ",\"accessible\":false");
        putc_(o, '}');
    }

    /* Environment */
    if (chance(&r, 850)) {
        PUTS(o, ",\"environment\":{");
        int first = 1, all = chance(&r, 600);
        for (int d = 0; d < 8; d++) {
            if (!all && chance(&r, 300))
                continue;
            if (!first)
                putc_(o, ',');
            first = 0;
            putc_(o, '"');
            putstr(o, ENV_DIMS[d]);
            PUTS(o, "\":");
            put_long(o, clampi(env[d] + jitter(&r), 0, 4));
        }
        putc_(o, '}');
    }

    /* O*NET interests and work values of the occupation */
    if (chance(&r, 950)) {
        PUTS(o, ",\"interests\":{");
        for (int k = 0; k < 6; k++) {
            if (k)
                putc_(o, ',');
            putc_(o, '"');
            putc_(o, RIASEC[k]);
            PUTS(o, "\":");
            putstr(o, oc->oi[k]);
        }
        if (oc->hp[0]) {
            PUTS(o, ",\"code\":\"");
            putstr(o, oc->hp);
            putc_(o, '"');
        }
        putc_(o, '}');
    }
    if (oc->wv[0] && chance(&r, 920)) {
        PUTS(o, ",\"work_values\":{");
        for (int k = 0; k < 6; k++) {
            if (k)
                putc_(o, ',');
            putc_(o, '"');
            putstr(o, VALUES[k]);
            PUTS(o, "\":");
            putstr(o, oc->wv[k]);
        }
        putc_(o, '}');
    }

    /* Skills: the occupation's essential and optional ESCO skills, about 30 in all. */
    {
        int target = between(&r, 27, 47);
        int ne = (target * 65 + 50) / 100;
        if (ne > oc->n_ess)
            ne = oc->n_ess;
        int no = target - ne;
        if (no > oc->n_opt)
            no = oc->n_opt;
        if (ne + no < target)
            ne = oc->n_ess < target - no ? oc->n_ess : target - no;
        int chosen[128];
        int n_chosen = 0;
        int got = sample_skills(g, &r, oc->ess, oc->n_ess, ne);
        for (int i = 0; i < got && n_chosen < 128; i++)
            chosen[n_chosen++] = g->scratch[i];
        int n_ess_chosen = n_chosen;
        got = sample_skills(g, &r, oc->opt, oc->n_opt, no);
        for (int i = 0; i < got && n_chosen < 128; i++)
            chosen[n_chosen++] = g->scratch[i];
        if (n_chosen) {
            PUTS(o, ",\"skills\":[");
            for (int i = 0; i < n_chosen; i++) {
                if (i)
                    putc_(o, ',');
                put_job_skill(g, o, &r, chosen[i], i < n_ess_chosen, zone);
            }
            putc_(o, ']');
        }
    }

    /* Legal requirements */
    {
        licence lic[4];
        int n_lic = 0;
        const char *g2 = oc->isco;
        if ((g2[0] == '8' && g2[1] == '3') ? chance(&r, 800) : chance(&r, 60))
            lic[n_lic++] = (licence){"driving_licence_b", 0};
        if ((g2[0] == '9' && g2[1] == '4') || (g2[0] == '5' && g2[1] == '1') ||
            (g2[0] == '7' && g2[1] == '5') ? chance(&r, 600) : chance(&r, 30))
            lic[n_lic++] = (licence){"food_hygiene_level_2", 1};
        if ((g2[0] == '9' && g2[1] == '3') || (g2[0] == '8' && g2[1] == '3') ? chance(&r, 300) : 0)
            lic[n_lic++] = (licence){"forklift_counterbalance", 1};
        if ((g2[0] == '7' && g2[1] == '1') || (g2[0] == '9' && g2[1] == '3') ? chance(&r, 500) : 0)
            lic[n_lic++] = (licence){"cscs_card", 1};
        if (g2[0] == '5' && g2[1] == '4' && chance(&r, 700) && n_lic < 4)
            lic[n_lic++] = (licence){"sia_licence", 0};
        int rtw = chance(&r, 700);
        int bg = (g2[0] == '5' && g2[1] == '3') || (g2[0] == '3' && g2[1] == '2') ||
                 (g2[0] == '2' && g2[1] == '2') || (g2[0] == '2' && g2[1] == '3')
                     ? chance(&r, 800) : chance(&r, 100);
        if (n_lic || rtw || bg) {
            PUTS(o, ",\"legal\":{");
            int first = 1;
            if (n_lic) {
                PUTS(o, "\"licences\":[");
                for (int i = 0; i < n_lic; i++) {
                    if (i)
                        putc_(o, ',');
                    PUTS(o, "{\"id\":\"");
                    putstr(o, lic[i].id);
                    PUTS(o, "\",\"obtainable\":");
                    if (lic[i].obtainable)
                        PUTS(o, "true}");
                    else
                        PUTS(o, "false}");
                }
                putc_(o, ']');
                first = 0;
            }
            if (rtw) {
                if (!first)
                    putc_(o, ',');
                PUTS(o, "\"right_to_work\":true");
                first = 0;
            }
            if (bg) {
                if (!first)
                    putc_(o, ',');
                PUTS(o, "\"background_check\":true");
            }
            putc_(o, '}');
        }
    }

    /* Functional demands */
    if (chance(&r, 850)) {
        int sel = distinct_set(&r, between(&r, 4, 10), 12);
        PUTS(o, ",\"demands\":{");
        int first = 1;
        for (int d = 0; d < 12; d++) {
            if (!(sel & (1 << d)))
                continue;
            if (!first)
                putc_(o, ',');
            first = 0;
            putc_(o, '"');
            putstr(o, FUNC_DIMS[d]);
            PUTS(o, "\":");
            put_long(o, clampi(dem[d] + jitter(&r), 0, 2));
        }
        putc_(o, '}');
    }

    /* Supports */
    if (chance(&r, 850)) {
        PUTS(o, ",\"supports\":{\"offers\":[");
        int first = 1;
        int rate = between(&r, 5, 45) * 10;
        for (int k = 0; k < 12; k++) {
            if (!chance(&r, rate))
                continue;
            if (!first)
                putc_(o, ',');
            first = 0;
            putc_(o, '"');
            putstr(o, OFFERS[k]);
            putc_(o, '"');
        }
        putc_(o, ']');
        x = (int)below(&r, 100);
        if (x < 55)
            PUTS(o, ",\"job_coach_on_site\":true");
        else if (x < 70)
            PUTS(o, ",\"job_coach_on_site\":false");
        if (chance(&r, 600)) {
            PUTS(o, ",\"training_weeks\":");
            put_long(o, chance(&r, 300) ? 0 : between(&r, 1, 8));
        }
        putc_(o, '}');
    }
    PUTS(o, "}\n");
}

/* ------------------------------------------------------------------------------------------ */
/* Candidates                                                                                  */

typedef struct avail_pattern {
    int days;
    shift s;
    int weight;
} avail_pattern;

static const avail_pattern AVAIL[] = {
    {0x1F, {{"08:00-18:00", NULL}, 600}, 20}, {0x1F, {{"07:00-13:00", NULL}, 360}, 10},
    {0x1F, {{"12:00-20:00", NULL}, 480}, 8},  {0x7F, {{"07:00-22:00", NULL}, 900}, 14},
    {0x1F, {{"09:30-15:00", NULL}, 330}, 10}, {0x7F, {{"17:00-23:00", NULL}, 360}, 5},
    {0x66, {{"08:00-20:00", NULL}, 720}, 5},  {0x00, {{"08:00-17:00", NULL}, 540}, 10},
    {0x1F, {{"21:00-07:00", NULL}, 600}, 3},  {0x7F, {{"00:00-24:00", NULL}, 1440}, 5},
    {0x3F, {{"06:00-18:00", NULL}, 720}, 6},  {0x1F, {{"09:00-12:00", "13:00-16:00"}, 360}, 4},
};
#define N_AVAIL ((int)(sizeof AVAIL / sizeof AVAIL[0]))
static int avail_weights[N_AVAIL];

static const char *const MODES[6] = {"walk", "wheelchair", "cycle", "public_transport", "car",
                                     "lift"};
static const int MODE_PERMILLE[6] = {550, 30, 150, 750, 200, 80};

static const char *const ENDINGS[6] = {"ongoing", "quit", "dismissed", "contract_ended",
                                       "laid_off", "other"};

/* Writes an occupation for a job type in one of several forms, as agencies record them. */
static void put_job_type(out *o, rng *r, const occ *oc, int allow_codes_only)
{
    int f = (int)below(r, 100);
    if (f < 55 || !allow_codes_only) {
        putstr(o, oc->full_json);
        return;
    }
    putc_(o, '{');
    if (f < 75) { /* label and ESCO code */
        putstr(o, oc->label_json);
        putc_(o, ',');
        putstr(o, oc->code_json);
    } else if (f < 88) { /* the ISCO unit group only */
        putstr(o, oc->isco_json);
    } else if (f < 95) { /* an O*NET occupation */
        putstr(o, oc->onet_title_json);
        putc_(o, ',');
        putstr(o, oc->onet_json);
    } else { /* a label only */
        putstr(o, oc->label_json);
    }
    putc_(o, '}');
}

static void write_candidate(gen *g, out *o, long index)
{
    const vocab *v = g->v;
    rng r;
    rng_init(&r, g->seed, 1, (uint64_t)index);
    g->stamp++;
    int x;

    /* Work history: occupations held before (often related to each other). */
    static const int HIST_W[5] = {12, 35, 30, 15, 8};
    int n_hist = pick_weighted(&r, HIST_W, 5);
    int hist[4];
    for (int i = 0; i < n_hist; i++)
        hist[i] = (i > 0 && chance(&r, 550)) ? draw_related(v, &r, hist[i - 1]) : draw_occ(v, &r);
    /* What the person wants: related to their history or something new. */
    static const int WANT_W[4] = {8, 50, 30, 12};
    int n_want = pick_weighted(&r, WANT_W, 4);
    int want[3];
    for (int i = 0; i < n_want; i++)
        want[i] = (n_hist > 0 && chance(&r, 500)) ? draw_related(v, &r, hist[below(&r, (uint32_t)n_hist)])
                                                   : draw_occ(v, &r);
    const int base_occ = n_hist ? hist[0] : (n_want ? want[0] : draw_occ(v, &r));

    PUTS(o, "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c-");
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "%07ld", index + 1);
    putstr(o, idbuf);
    PUTS(o, "\",\"preferences\":{");
    int first = 1;
#define SEP() do { if (!first) putc_(o, ','); first = 0; } while (0)

    /* Job types */
    int n_avoid = chance(&r, 300) ? between(&r, 1, 2) : 0;
    if (n_want || n_avoid) {
        SEP();
        PUTS(o, "\"job_types\":{");
        if (n_want) {
            PUTS(o, "\"wanted\":[");
            for (int i = 0; i < n_want; i++) {
                if (i)
                    putc_(o, ',');
                /* the weight goes inside the occupation object */
                int w = chance(&r, 500) ? 10 : between(&r, 4, 9);
                const occ *oc = &v->occs[want[i]];
                int f = (int)below(&r, 100);
                putc_(o, '{');
                if (f < 55) {
                    putstr(o, oc->label_json);
                    putc_(o, ',');
                    putstr(o, oc->esco_json);
                    putc_(o, ',');
                    putstr(o, oc->code_json);
                    putc_(o, ',');
                    putstr(o, oc->onet_json);
                } else if (f < 75) {
                    putstr(o, oc->label_json);
                    putc_(o, ',');
                    putstr(o, oc->code_json);
                } else if (f < 88) {
                    putstr(o, oc->isco_json);
                } else if (f < 95) {
                    putstr(o, oc->onet_title_json);
                    putc_(o, ',');
                    putstr(o, oc->onet_json);
                } else {
                    putstr(o, oc->label_json);
                }
                PUTS(o, ",\"weight\":");
                put_fixed(o, w, 1);
                putc_(o, '}');
            }
            putc_(o, ']');
        }
        if (n_avoid) {
            if (n_want)
                putc_(o, ',');
            PUTS(o, "\"avoided\":[");
            for (int i = 0; i < n_avoid; i++) {
                if (i)
                    putc_(o, ',');
                put_job_type(o, &r, &v->occs[draw_occ(v, &r)], 1);
            }
            putc_(o, ']');
        }
        putc_(o, '}');
    }

    /* Hours (in half hours) */
    if (chance(&r, 880)) {
        static const int IDEAL[] = {16, 24, 32, 40, 48, 60, 70, 75};
        int ideal = IDEAL[below(&r, 8)];
        int lo = clampi(ideal - between(&r, 0, 16), 0, ideal);
        int hi = clampi(ideal + between(&r, 0, 20), ideal, 96);
        int shape = (int)below(&r, 100);
        SEP();
        PUTS(o, "\"hours\":{");
        int f2 = 1;
        if (shape >= 10) {
            PUTS(o, "\"min\":");
            put_fixed(o, lo * 5, 1);
            f2 = 0;
        }
        if (shape < 10 || shape >= 30) {
            if (!f2)
                putc_(o, ',');
            PUTS(o, "\"ideal\":");
            put_fixed(o, ideal * 5, 1);
            f2 = 0;
        }
        if (shape < 85 || shape >= 95) {
            if (!f2)
                putc_(o, ',');
            PUTS(o, "\"max\":");
            put_fixed(o, hi * 5, 1);
            f2 = 0;
        }
        if (chance(&r, 250))
            PUTS(o, ",\"firm\":true");
        putc_(o, '}');
    }

    /* Availability */
    if (chance(&r, 800)) {
        const avail_pattern *a = &AVAIL[pick_weighted(&r, avail_weights, N_AVAIL)];
        int days = a->days ? a->days : some_days(&r, 3);
        for (int d = 0; d < 7; d++)
            if ((days & (1 << d)) && popcount7(days) > 1 && chance(&r, 100))
                days &= ~(1 << d);
        SEP();
        PUTS(o, "\"availability\":");
        put_week(o, days, &a->s);
    }

    /* Home location and commute */
    int t = pick_weighted(&r, town_weights, N_TOWNS);
    x = (int)below(&r, 100);
    if (x < 99) {
        long lat, lon;
        place(&r, t, 2500.0, &lat, &lon);
        SEP();
        PUTS(o, "\"location\":{");
        if (x < 95) {
            PUTS(o, "\"lat\":");
            put_fixed(o, lat, 5);
            PUTS(o, ",\"lon\":");
            put_fixed(o, lon, 5);
            putc_(o, ',');
        }
        PUTS(o, "\"area\":\"");
        putstr(o, TOWNS[t].name);
        PUTS(o, "\"}");
    }
    if (chance(&r, 950)) {
        SEP();
        PUTS(o, "\"commute\":{");
        int f2 = 1;
        if (chance(&r, 900)) {
            PUTS(o, "\"modes\":[");
            int n = 0;
            for (int m = 0; m < 6; m++) {
                if (!chance(&r, MODE_PERMILLE[m]))
                    continue;
                if (n++)
                    putc_(o, ',');
                putc_(o, '"');
                putstr(o, MODES[m]);
                putc_(o, '"');
            }
            if (n == 0)
                PUTS(o, "\"public_transport\"");
            putc_(o, ']');
            f2 = 0;
        }
        if (chance(&r, 900)) {
            if (!f2)
                putc_(o, ',');
            PUTS(o, "\"max_minutes\":");
            put_long(o, 5 * between(&r, 4, 18));
            f2 = 0;
        }
        if (f2) {
            PUTS(o, "\"max_minutes\":60");
        }
        putc_(o, '}');
    }

    /* Wage floor */
    if (chance(&r, 550)) {
        SEP();
        PUTS(o, "\"wage\":{\"floor\":");
        put_fixed(o, 1144 + between(&r, 0, 300), 2);
        if (chance(&r, 200))
            PUTS(o, ",\"firm\":true");
        putc_(o, '}');
    }

    /* Environment tolerances, some of them "must" */
    if (chance(&r, 800)) {
        int sel = distinct_set(&r, between(&r, 1, 6), 8);
        SEP();
        PUTS(o, "\"environment\":{");
        int f2 = 1;
        for (int d = 0; d < 8; d++) {
            if (!(sel & (1 << d)))
                continue;
            if (!f2)
                putc_(o, ',');
            f2 = 0;
            putc_(o, '"');
            putstr(o, ENV_DIMS[d]);
            PUTS(o, "\":{");
            int kind = (int)below(&r, 100);
            int lo = between(&r, 0, 3), hi = between(&r, 1, 4);
            if (lo > hi) {
                int tt = lo;
                lo = hi;
                hi = tt;
            }
            if (kind < 70) {
                PUTS(o, "\"max\":");
                put_long(o, hi);
            } else if (kind < 85) {
                PUTS(o, "\"min\":");
                put_long(o, lo);
            } else {
                PUTS(o, "\"min\":");
                put_long(o, lo);
                PUTS(o, ",\"max\":");
                put_long(o, hi);
            }
            int imp = (int)below(&r, 100);
            if (imp < 20)
                PUTS(o, ",\"importance\":\"low\"");
            else if (imp < 45)
                PUTS(o, ",\"importance\":\"medium\"");
            else if (imp < 60)
                ; /* medium by default */
            else if (imp < 88)
                PUTS(o, ",\"importance\":\"high\"");
            else
                PUTS(o, ",\"importance\":\"must\"");
            putc_(o, '}');
        }
        putc_(o, '}');
    }

    /* Interests: near those of the occupation they know best, or only a code */
    x = (int)below(&r, 100);
    if (x < 65) {
        const occ *b = &v->occs[base_occ];
        SEP();
        PUTS(o, "\"interests\":{");
        for (int k = 0; k < 6; k++) {
            if (k)
                putc_(o, ',');
            putc_(o, '"');
            putc_(o, RIASEC[k]);
            PUTS(o, "\":");
            long s10 = round_half_away(b->oi100[k] / 10.0 + gauss(&r) * 10.0);
            put_fixed(o, clampi((int)s10, 10, 70), 1);
        }
        putc_(o, '}');
    } else if (x < 75) {
        int n = between(&r, 1, 3), used = 0;
        char code[4];
        int c = 0;
        while (c < n) {
            int l = (int)below(&r, 6);
            if (used & (1 << l))
                continue;
            used |= 1 << l;
            code[c++] = RIASEC[l];
        }
        code[c] = '\0';
        SEP();
        PUTS(o, "\"interests\":{\"code\":\"");
        putstr(o, code);
        PUTS(o, "\"}");
    }

    /* Work values */
    if (chance(&r, 550)) {
        int sel = distinct_set(&r, between(&r, 3, 6), 6);
        SEP();
        PUTS(o, "\"work_values\":{");
        int f2 = 1;
        for (int d = 0; d < 6; d++) {
            if (!(sel & (1 << d)))
                continue;
            if (!f2)
                putc_(o, ',');
            f2 = 0;
            putc_(o, '"');
            putstr(o, VALUES[d]);
            PUTS(o, "\":");
            put_long(o, between(&r, 1, 5));
        }
        putc_(o, '}');
    }
    putc_(o, '}'); /* preferences */
#undef SEP

    /* Skills from the occupations they held (or want), about 30. */
    {
        int target = between(&r, 19, 49);
        int chosen[128], n = 0;
        int srcs[8], n_src = 0;
        for (int i = 0; i < n_hist; i++)
            srcs[n_src++] = hist[i];
        if (n_src == 0)
            for (int i = 0; i < n_want; i++)
                srcs[n_src++] = want[i];
        if (n_src == 0)
            srcs[n_src++] = base_occ;
        if (n_hist == 0)
            target = target / 2 + 2; /* less experience, fewer skills */
        /* essential skills of each source first, then optional ones */
        for (int pass = 0; pass < 2 && n < target; pass++) {
            for (int i = 0; i < n_src && n < target; i++) {
                const occ *oc = &v->occs[srcs[i]];
                int share = (target - n + (n_src - i) - 1) / (n_src - i);
                int got = pass == 0 ? sample_skills(g, &r, oc->ess, oc->n_ess, share)
                                    : sample_skills(g, &r, oc->opt, oc->n_opt, share);
                for (int k = 0; k < got && n < 128; k++)
                    chosen[n++] = g->scratch[k];
            }
        }
        /* a few skills from elsewhere (hobbies, training) */
        int extra = chance(&r, 300) ? between(&r, 1, 3) : 0;
        for (int e = 0; e < extra && n < 128; e++) {
            int s = (int)below(&r, (uint32_t)v->n_skills);
            if (g->mark[s] != g->stamp) {
                g->mark[s] = g->stamp;
                chosen[n++] = s;
            }
        }
        if (n) {
            PUTS(o, ",\"skills\":[");
            for (int i = 0; i < n; i++) {
                if (i)
                    putc_(o, ',');
                putstr(o, v->skills[chosen[i]].id_json);
                if (g->labels)
                    putstr(o, v->skills[chosen[i]].label_json);
                if (chance(&r, 800)) {
                    PUTS(o, ",\"level\":");
                    put_long(o, between(&r, 1, 5));
                }
                putc_(o, '}');
            }
            putc_(o, ']');
        }
    }

    /* Licences, right to work, background check */
    if (chance(&r, 650)) {
        static const char *const LIC[6] = {"driving_licence_b", "food_hygiene_level_2",
                                           "forklift_counterbalance", "cscs_card", "sia_licence",
                                           "first_aid"};
        static const int LIC_P[6] = {400, 150, 80, 80, 50, 100};
        PUTS(o, ",\"licences\":[");
        int n = 0;
        for (int k = 0; k < 6; k++) {
            if (!chance(&r, LIC_P[k]))
                continue;
            if (n++)
                putc_(o, ',');
            putc_(o, '"');
            putstr(o, LIC[k]);
            putc_(o, '"');
        }
        putc_(o, ']');
    }
    x = (int)below(&r, 100);
    if (x < 88)
        PUTS(o, ",\"right_to_work\":true");
    else if (x < 90)
        PUTS(o, ",\"right_to_work\":false");
    x = (int)below(&r, 100);
    if (x < 40)
        PUTS(o, ",\"background_check\":true");
    else if (x < 45)
        PUTS(o, ",\"background_check\":false");

    /* Functional abilities */
    if (chance(&r, 750)) {
        PUTS(o, ",\"abilities\":{");
        int n = 0;
        for (int d = 0; d < 12; d++) {
            if (!chance(&r, 600))
                continue;
            if (n++)
                putc_(o, ',');
            putc_(o, '"');
            putstr(o, FUNC_DIMS[d]);
            PUTS(o, "\":");
            int l = (int)below(&r, 100);
            put_long(o, l < 65 ? 2 : l < 90 ? 1 : 0);
        }
        putc_(o, '}');
    }

    /* Support needs */
    if (chance(&r, 800)) {
        static const int COUNT_W[5] = {20, 30, 25, 15, 10};
        int k = pick_weighted(&r, COUNT_W, 5);
        int used = 0;
        PUTS(o, ",\"support_needs\":[");
        for (int i = 0; i < k; i++) {
            int nt;
            do
                nt = pick_weighted(&r, NEED_WEIGHT, 20);
            while (used & (1 << nt));
            used |= 1 << nt;
            if (i)
                putc_(o, ',');
            PUTS(o, "{\"type\":\"");
            putstr(o, NEEDS[nt]);
            putc_(o, '"');
            int in = (int)below(&r, 100);
            if (in < 35)
                PUTS(o, ",\"intensity\":\"low\"");
            else if (in < 60)
                PUTS(o, ",\"intensity\":\"medium\"");
            else if (in < 80)
                ; /* medium by default */
            else
                PUTS(o, ",\"intensity\":\"high\"");
            if (chance(&r, 300))
                PUTS(o, ",\"essential\":true");
            putc_(o, '}');
        }
        putc_(o, ']');
    }

    /* Benefits constraint */
    if (chance(&r, 300)) {
        PUTS(o, ",\"benefits\":{");
        int kind = (int)below(&r, 100);
        if (kind < 45)
            PUTS(o, "\"max_hours_per_week\":16");
        else if (kind < 70)
            PUTS(o, "\"max_earnings\":183,\"period\":\"week\"");
        else if (kind < 85)
            PUTS(o, "\"max_earnings\":793.33,\"period\":\"month\"");
        else
            PUTS(o, "\"max_hours_per_week\":16,\"max_earnings\":183");
        int goal = (int)below(&r, 100);
        if (goal < 50)
            PUTS(o, ",\"goal\":\"stay\"");
        else if (goal < 70)
            PUTS(o, ",\"goal\":\"exit\"");
        else if (goal < 85)
            PUTS(o, ",\"goal\":\"undecided\"");
        if (chance(&r, 350))
            PUTS(o, ",\"firm\":true");
        putc_(o, '}');
    }

    /* Work history */
    if (n_hist) {
        PUTS(o, ",\"work_history\":[");
        for (int i = 0; i < n_hist; i++) {
            if (i)
                putc_(o, ',');
            PUTS(o, "{\"job_type\":");
            put_job_type(o, &r, &v->occs[hist[i]], 0);
            if (chance(&r, 850)) {
                PUTS(o, ",\"months\":");
                put_long(o, between(&r, 1, 72));
            }
            x = (int)below(&r, 100);
            if (x < 45)
                PUTS(o, ",\"liked\":true");
            else if (x < 70)
                PUTS(o, ",\"liked\":false");
            if (chance(&r, 700)) {
                PUTS(o, ",\"ended\":\"");
                putstr(o, ENDINGS[i == 0 && chance(&r, 300) ? 0 : between(&r, 1, 5)]);
                putc_(o, '"');
            }
            putc_(o, '}');
        }
        putc_(o, ']');
    }
    PUTS(o, "}\n");
}

/* ------------------------------------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: gen_data [--seed N] [--candidates N] [--jobs N] [--out-dir DIR] [--vocab DIR]\n"
            "                [--labels] [--quiet]\n"
            "Writes DIR/candidates.jsonl and DIR/jobs.jsonl (jobmatch/1 JSON Lines).\n"
            "  --seed N        random seed (default 1); the same seed gives the same bytes\n"
            "  --candidates N  number of candidates (default 1000)\n"
            "  --jobs N        number of jobs (default 1000)\n"
            "  --out-dir DIR   output folder, created if missing (default .)\n"
            "  --vocab DIR     vocabulary folder written by bench/make_vocab.py\n"
            "                  (default: bench/vocab, vocab/ beside this program, or the\n"
            "                  folder the build named with -DGEN_DATA_VOCAB=\"DIR\")\n"
            "  --labels        also write skill labels (larger files)\n"
            "  --quiet         no summary on standard error\n");
}

static int parse_count(const char *s, long *out_value)
{
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (errno || *end || x < 0 || x > 99999999LL)
        return 0;
    *out_value = (long)x;
    return 1;
}

static int dir_has_vocab(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/occupations.tsv", dir);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void write_file(gen *g, const char *dir, const char *name, long n,
                       void (*fn)(gen *, out *, long), int quiet)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    out o;
    memset(&o, 0, sizeof o);
    o.f = fopen(path, "wb");
    if (!o.f) {
        fprintf(stderr, "gen_data: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    o.cap = 1 << 22;
    o.buf = xcalloc(o.cap, 1);
    double t0 = now_s();
    for (long i = 0; i < n && !o.err; i++)
        fn(g, &o, i);
    out_flush(&o);
    if (fclose(o.f) != 0 && !o.err)
        o.err = errno ? errno : EIO;
    if (o.err) {
        fprintf(stderr, "gen_data: error writing %s: %s\n", path, strerror(o.err));
        exit(2);
    }
    if (!quiet)
        fprintf(stderr, "gen_data: %s: %ld records, %.1f MB in %.2f s\n", path, n,
                o.bytes / 1e6, now_s() - t0);
    free(o.buf);
}

int main(int argc, char **argv)
{
    long seed = 1, n_cand = 1000, n_jobs = 1000;
    const char *out_dir = ".", *vocab_dir = NULL;
    int labels = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--labels") == 0) {
            labels = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = 1;
        } else if (strcmp(a, "--seed") != 0 && strcmp(a, "--candidates") != 0 &&
                   strcmp(a, "--jobs") != 0 && strcmp(a, "--out-dir") != 0 &&
                   strcmp(a, "--vocab") != 0) {
            fprintf(stderr, "gen_data: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!val) {
            fprintf(stderr, "gen_data: %s needs a value\n", a);
            usage(stderr);
            return 2;
        } else if (strcmp(a, "--seed") == 0) {
            char *end;
            errno = 0;
            seed = strtol(val, &end, 10);
            if (errno || *end) {
                fprintf(stderr, "gen_data: --seed expects an integer\n");
                return 2;
            }
            i++;
        } else if (strcmp(a, "--candidates") == 0 || strcmp(a, "--jobs") == 0) {
            if (!parse_count(val, a[2] == 'c' ? &n_cand : &n_jobs)) {
                fprintf(stderr, "gen_data: %s expects a count from 0 to 99999999\n", a);
                return 2;
            }
            i++;
        } else if (strcmp(a, "--out-dir") == 0) {
            out_dir = val;
            i++;
        } else {
            vocab_dir = val; /* --vocab */
            i++;
        }
    }

    char guess[4096];
    if (!vocab_dir) {
        const char *slash = strrchr(argv[0], '/');
        if (dir_has_vocab("bench/vocab")) {
            vocab_dir = "bench/vocab";
        } else if (slash) {
            snprintf(guess, sizeof guess, "%.*s/vocab", (int)(slash - argv[0]), argv[0]);
            if (dir_has_vocab(guess))
                vocab_dir = guess;
        }
        if (!vocab_dir && dir_has_vocab("vocab"))
            vocab_dir = "vocab";
#ifdef GEN_DATA_VOCAB
        if (!vocab_dir && dir_has_vocab(GEN_DATA_VOCAB))
            vocab_dir = GEN_DATA_VOCAB; /* set by the build: the source tree's bench/vocab */
#endif
        if (!vocab_dir) {
            fprintf(stderr, "gen_data: no vocabulary found: run from the project folder or give "
                            "--vocab DIR (bench/vocab)\n");
            return 2;
        }
    }
    if (mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_data: cannot create %s: %s\n", out_dir, strerror(errno));
        return 2;
    }

    vocab v;
    memset(&v, 0, sizeof v);
    load_vocab(&v, vocab_dir);
    for (int t = 0; t < N_TOWNS; t++)
        town_weights[t] = TOWNS[t].weight;
    for (int a = 0; a < N_AVAIL; a++)
        avail_weights[a] = AVAIL[a].weight;

    gen g;
    memset(&g, 0, sizeof g);
    g.v = &v;
    g.seed = (uint64_t)seed;
    g.labels = labels;
    g.mark = xcalloc((size_t)v.n_skills, sizeof *g.mark);
    g.scratch = xcalloc(8192, sizeof *g.scratch);
    g.n_employers = 20000; /* employers of the region: fixed, so a job does not depend on N */
    int max_rel = 0;
    for (int i = 0; i < v.n_occs; i++) {
        if (v.occs[i].n_ess > max_rel)
            max_rel = v.occs[i].n_ess;
        if (v.occs[i].n_opt > max_rel)
            max_rel = v.occs[i].n_opt;
    }
    if (max_rel > 4096) {
        fprintf(stderr, "gen_data: an occupation lists more than 4096 skills\n");
        return 2;
    }
    if (!quiet)
        fprintf(stderr, "gen_data: vocabulary %s: %d occupations, %d skills; seed %ld\n",
                vocab_dir, v.n_occs, v.n_skills, seed);
    write_file(&g, out_dir, "candidates.jsonl", n_cand, write_candidate, quiet);
    write_file(&g, out_dir, "jobs.jsonl", n_jobs, write_job, quiet);
    free(g.mark);
    free(g.scratch);
    free_vocab(&v);
    return 0;
}
